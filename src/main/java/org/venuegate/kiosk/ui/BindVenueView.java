package org.venuegate.kiosk.ui;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The bind step. Thin: binds to {@link BindVenueViewModel}; the code field has the focus so a wedge scanner types there. */
public final class BindVenueView {
    static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    @FXML
    Label title;
    @FXML
    Label paired;
    @FXML
    Label camera;
    @FXML
    TextField code;
    @FXML
    Button submit;
    @FXML
    Label message;
    @FXML
    Button retry;
    @FXML
    Button cancel;
    @FXML
    Button finish;

    private BindVenueViewModel vm;

    public static Parent load(BindVenueViewModel vm, Lang lang) {
        BindVenueView view = new BindVenueView();
        view.vm = vm;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        title.setText(vm.title());
        paired.textProperty().bind(vm.pairedProperty());
        camera.textProperty().bind(vm.cameraProperty());
        code.textProperty().bindBidirectional(vm.typedProperty());
        // a keyboard-wedge scanner types the code and presses Enter
        code.setOnAction(e -> vm.submitTyped());
        submit.setOnAction(e -> vm.submitTyped());
        message.textProperty().bind(vm.messageProperty());
        retry.setOnAction(e -> vm.retry());
        cancel.setVisible(vm.cancellable());
        cancel.setManaged(vm.cancellable());
        cancel.setOnAction(e -> vm.cancel());
        finish.setText(vm.finishLabel());
        finish.setOnAction(e -> vm.finish());
        finish.disableProperty().bind(vm.boundProperty().not());
        submit.disableProperty().bind(vm.boundProperty());
        retry.disableProperty().bind(vm.boundProperty());
        code.disableProperty().bind(vm.boundProperty());
        vm.stateProperty().addListener((o, a, s) -> render(s));
        render(vm.stateProperty().get());
        code.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(code::requestFocus);
            }
        });
    }

    private void render(BindVenueViewModel.State s) {
        message.pseudoClassStateChanged(OK, s == BindVenueViewModel.State.BOUND);
        message.pseudoClassStateChanged(REFUSED, s == BindVenueViewModel.State.REFUSED);
        if (s == BindVenueViewModel.State.BOUND) {
            finish.requestFocus();
        }
    }
}
