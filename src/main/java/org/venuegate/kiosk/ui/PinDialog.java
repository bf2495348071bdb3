package org.venuegate.kiosk.ui;

import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/**
 * The admin PIN prompt for settings, today's figures and exit: dots instead of digits, stays open on a wrong PIN
 * with the reason, closes itself when the right one opens what was asked for. Never blocks the caller.
 */
public final class PinDialog {
    @FXML
    Label prompt;
    @FXML
    PasswordField pin;
    @FXML
    Label message;
    @FXML
    Button ok;
    @FXML
    Button cancel;

    private PinViewModel vm;
    private Stage stage;

    public static Stage show(Window owner, PinViewModel vm, Lang lang) {
        PinDialog view = new PinDialog();
        view.vm = vm;
        Stage stage = new Stage();
        view.stage = stage;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(lang.get("kiosk.pin.title"));
        stage.setScene(new Scene(Fxml.load(view, lang)));
        stage.show();
        view.pin.requestFocus();
        return stage;
    }

    @FXML
    void initialize() {
        prompt.textProperty().bind(vm.promptProperty());
        pin.textProperty().bindBidirectional(vm.pinProperty());
        // Enter reaches OK as the default button; an onAction here as well would count a wrong PIN twice
        message.textProperty().bind(vm.messageProperty());
        vm.messageProperty().addListener((o, a, m) -> message.pseudoClassStateChanged(BindVenueView.REFUSED, !m.isEmpty()));
        ok.setOnAction(e -> vm.submit());
        cancel.setOnAction(e -> stage.close());
        vm.doneProperty().addListener((o, a, done) -> {
            if (done) {
                stage.close();
            }
        });
    }
}
