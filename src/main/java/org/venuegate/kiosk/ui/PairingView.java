package org.venuegate.kiosk.ui;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** Step 1 of the setup wizard. Thin: binds to {@link PairingViewModel}. */
public final class PairingView {
    @FXML
    Label title;
    @FXML
    Label hub;
    @FXML
    VBox pairedBox;
    @FXML
    Label paired;
    @FXML
    Button repair;
    @FXML
    Button keep;
    @FXML
    VBox form;
    @FXML
    TextField code;
    @FXML
    Label hint;
    @FXML
    TextField label;
    @FXML
    Button cancelRepair;
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
        paired.textProperty().bind(vm.pairedTextProperty());
        shownWhen(pairedBox, vm.formShownProperty().not().and(vm.pairedProperty().isNotNull()));
        shownWhen(form, vm.formShownProperty());
        shownWhen(cancelRepair, vm.pairedProperty().isNotNull());
        keep.setOnAction(e -> vm.continuePaired());
        repair.setOnAction(e -> vm.startRepair());
        cancelRepair.setOnAction(e -> vm.cancelRepair());
        code.textProperty().bindBidirectional(vm.codeProperty());
        label.textProperty().bindBidirectional(vm.labelProperty());
        hint.textProperty().bind(vm.hintProperty());
        vm.hintWrongProperty().addListener((o, a, wrong) -> hint.pseudoClassStateChanged(BindVenueView.REFUSED, wrong));
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, a, f) -> message.pseudoClassStateChanged(BindVenueView.REFUSED, f));
        pair.disableProperty().bind(vm.busyProperty());
        pair.setOnAction(e -> vm.pair());
        // Enter in the form pairs; with the form hidden, Enter goes on with the current pairing
        pair.defaultButtonProperty().bind(vm.formShownProperty());
        keep.defaultButtonProperty().bind(vm.formShownProperty().not());
        vm.formShownProperty().addListener((o, a, shown) -> {
            if (shown) {
                code.requestFocus();
            }
        });
    }

    private static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
