package org.venuegate.review;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The dashboard and admin tools window; thin bindings to {@link AdminViewModel}. */
public final class AdminView {
    @FXML
    Label waiting;
    @FXML
    Label median;
    @FXML
    ListView<String> today;
    @FXML
    TextField code;
    @FXML
    TextField zh;
    @FXML
    TextField en;
    @FXML
    Button addCategory;
    @FXML
    TextField venueId;
    @FXML
    Button createPairing;
    @FXML
    Label message;

    private AdminViewModel vm;

    public static void show(Window owner, AdminViewModel vm, Lang lang) {
        AdminView view = new AdminView();
        view.vm = vm;
        Parent root = Fxml.load(view, lang);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(lang.get("review.admin.title"));
        stage.setScene(new Scene(root, 720, 520));
        stage.show();
        vm.refresh();
    }

    @FXML
    void initialize() {
        waiting.textProperty().bind(vm.waitingProperty());
        median.textProperty().bind(vm.medianProperty());
        today.setItems(vm.decisionsToday());
        code.textProperty().bindBidirectional(vm.categoryCodeProperty());
        zh.textProperty().bindBidirectional(vm.categoryZhProperty());
        en.textProperty().bindBidirectional(vm.categoryEnProperty());
        venueId.textProperty().bindBidirectional(vm.pairingVenueIdProperty());
        message.textProperty().bind(vm.messageProperty());
        addCategory.setOnAction(e -> vm.addCategory());
        createPairing.setOnAction(e -> vm.createPairingCode());
    }
}
