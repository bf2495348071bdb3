package org.venuegate.kiosk.ui;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/**
 * F3 on the kiosk: register a visitor without a smartphone (FAQ 13), as a panel over the prompt. Stays open until
 * the input is valid, so nothing typed is lost; the error wraps instead of being cut off.
 */
public final class ManualRegistrationView {
    @FXML
    TextField idNumber;
    @FXML
    TextField name;
    @FXML
    TextField phone;
    @FXML
    Label error;
    @FXML
    Label done;
    @FXML
    Button submit;
    @FXML
    Button cancel;

    private ManualRegistrationViewModel vm;
    private Runnable onClose;

    public static Parent load(ManualRegistrationViewModel vm, Lang lang, Runnable onClose) {
        ManualRegistrationView view = new ManualRegistrationView();
        view.vm = vm;
        view.onClose = onClose;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        idNumber.textProperty().bindBidirectional(vm.idNumberProperty());
        name.textProperty().bindBidirectional(vm.nameProperty());
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        error.textProperty().bind(vm.errorProperty());
        done.textProperty().bind(vm.confirmationProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        done.managedProperty().bind(done.textProperty().isNotEmpty());
        done.visibleProperty().bind(done.managedProperty());
        submit.setOnAction(e -> {
            if (vm.submit()) {
                onClose.run();
            }
        });
        cancel.setOnAction(e -> onClose.run());
        javafx.application.Platform.runLater(idNumber::requestFocus);
    }
}
