package org.venuegate.kiosk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.venuegate.ui.Lang;

/** F3 on the kiosk: register a visitor without a smartphone (FAQ 13). Stays open until the input is valid. */
final class ManualRegistrationDialog {
    private ManualRegistrationDialog() {
    }

    static void show(Stage owner, ManualRegistrationViewModel vm, Lang lang) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(lang.get("kiosk.manual.title"));
        TextField id = new TextField();
        TextField name = new TextField();
        TextField phone = new TextField();
        id.textProperty().bindBidirectional(vm.idNumberProperty());
        name.textProperty().bindBidirectional(vm.nameProperty());
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.setStyle("-fx-text-fill: #b71c1c;");
        Label done = new Label();
        done.textProperty().bind(vm.confirmationProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(lang.get("kiosk.manual.idNumber")), id);
        grid.addRow(1, new Label(lang.get("kiosk.manual.name")), name);
        grid.addRow(2, new Label(lang.get("kiosk.manual.phone")), phone);
        grid.add(error, 0, 3, 2, 1);
        grid.add(done, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType submit = new ButtonType(lang.get("kiosk.manual.submit"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(lang.get("kiosk.manual.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(submit, cancel);
        Button ok = (Button) dialog.getDialogPane().lookupButton(submit);
        // Keep the dialog open on bad input so nothing typed is lost; the ViewModel says what to fix.
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!vm.submit()) {
                e.consume();
            }
        });
        dialog.show();
    }
}
