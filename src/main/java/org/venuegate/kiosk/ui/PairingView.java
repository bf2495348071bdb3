package org.venuegate.kiosk.ui;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The kiosk's first-run pairing screen. */
public final class PairingView {
    @FXML
    Label hub;
    @FXML
    TextField code;
    @FXML
    TextField label;
    @FXML
    Button pair;
    @FXML
    Label message;

    private PairingViewModel vm;
    private String hubUrl;
    private Lang lang;

    public static Parent load(PairingViewModel vm, Lang lang, String hubUrl) {
        PairingView view = new PairingView();
        view.vm = vm;
        view.hubUrl = hubUrl;
        view.lang = lang;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        hub.setText(lang.get("login.hub", hubUrl));
        code.textProperty().bindBidirectional(vm.codeProperty());
        label.textProperty().bindBidirectional(vm.labelProperty());
        message.textProperty().bind(vm.messageProperty());
        pair.disableProperty().bind(vm.busyProperty());
        pair.setOnAction(e -> vm.pair());
    }
}
