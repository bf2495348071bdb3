package org.venuegate.phone;

import java.io.File;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** Venue-code application and its progress: thin bindings to {@link ApplicationViewModel}. */
public final class ApplicationView {
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    @FXML
    ScrollPane root;
    @FXML
    Label message;
    @FXML
    TitledPane formPane;
    @FXML
    CheckBox mobile;
    @FXML
    TextField placeName;
    @FXML
    TextField plateOrShip;
    @FXML
    TextField unitName;
    @FXML
    TextField creditCode;
    @FXML
    ComboBox<ApplicationViewModel.Choice> category;
    @FXML
    ComboBox<ApplicationViewModel.Choice> district;
    @FXML
    TextField address;
    @FXML
    TextField responsibleName;
    @FXML
    TextField responsibleIdNumber;
    @FXML
    TextField responsiblePhone;
    @FXML
    Label formError;
    @FXML
    Button submit;
    @FXML
    ToggleButton passedTab;
    @FXML
    ToggleButton underReviewTab;
    @FXML
    ToggleButton failedTab;
    @FXML
    ListView<ApplicationViewModel.Row> rows;
    @FXML
    VBox detailBox;
    @FXML
    GridPane fields;
    @FXML
    ImageView codeImage;
    @FXML
    Button download;
    @FXML
    Button back;

    private ApplicationViewModel vm;
    private Lang lang;

    public static Parent load(ApplicationViewModel vm, Lang lang) {
        ApplicationView view = new ApplicationView();
        view.vm = vm;
        view.lang = lang;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        message.textProperty().bind(vm.messageProperty());
        message.textProperty().addListener((o, a, t) -> message.pseudoClassStateChanged(EMPTY, t.isEmpty()));
        message.pseudoClassStateChanged(EMPTY, true);

        mobile.selectedProperty().bindBidirectional(vm.mobileProperty());
        plateOrShip.visibleProperty().bind(vm.mobileProperty());
        plateOrShip.managedProperty().bind(vm.mobileProperty());
        // A mobile place is named by its plate or ship number (FAQ site-code 7).
        placeName.visibleProperty().bind(vm.mobileProperty().not());
        placeName.managedProperty().bind(vm.mobileProperty().not());
        placeName.textProperty().bindBidirectional(vm.placeNameProperty());
        plateOrShip.textProperty().bindBidirectional(vm.plateOrShipProperty());
        unitName.textProperty().bindBidirectional(vm.unitNameProperty());
        creditCode.textProperty().bindBidirectional(vm.creditCodeProperty());
        category.setItems(vm.categories());
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        district.setItems(vm.districts());
        district.valueProperty().bindBidirectional(vm.districtProperty());
        address.textProperty().bindBidirectional(vm.addressProperty());
        responsibleName.textProperty().bindBidirectional(vm.responsibleNameProperty());
        responsibleIdNumber.textProperty().bindBidirectional(vm.responsibleIdNumberProperty());
        responsiblePhone.textProperty().bindBidirectional(vm.responsiblePhoneProperty());
        formError.textProperty().bind(vm.formErrorProperty());
        Map<String, Control> byField = Map.of("placeName", placeName, "plateOrShip", plateOrShip, "unitName", unitName,
                "creditCode", creditCode, "category", category, "district", district, "address", address,
                "responsibleName", responsibleName, "responsibleIdNumber", responsibleIdNumber,
                "responsiblePhone", responsiblePhone);
        vm.errorFieldProperty().addListener((o, a, f) -> byField.forEach((name, control) -> {
            control.getStyleClass().remove("field-error");
            if (name.equals(f)) {
                control.getStyleClass().add("field-error");
            }
        }));
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.submit());

        vm.countsProperty().addListener((o, a, c) -> labelTabs());
        labelTabs();
        vm.statusProperty().addListener((o, a, s) -> selectTab(s));
        passedTab.setOnAction(e -> vm.showStatus(ApplicationViewModel.Status.PASSED));
        underReviewTab.setOnAction(e -> vm.showStatus(ApplicationViewModel.Status.UNDER_REVIEW));
        failedTab.setOnAction(e -> vm.showStatus(ApplicationViewModel.Status.FAILED));
        rows.setItems(vm.rows());
        rows.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ApplicationViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.placeName() + "  ·  " + r.submittedAt() + "  ·  "
                        + lang.get("phone.app.status." + r.status()));
            }
        });
        rows.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.open(r.id());
            }
        });

        visible(detailBox, false);
        vm.detail().addListener((ListChangeListener<ApplicationViewModel.Field>) c -> showDetail());
        vm.openCodeImageProperty().addListener((o, a, img) -> codeImage.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null)));
        download.visibleProperty().bind(vm.openVenueIdProperty().isNotNull());
        download.setOnAction(e -> savePoster());
        back.setOnAction(e -> {
            rows.getSelectionModel().clearSelection();
            vm.closeDetail();
        });
    }

    private void labelTabs() {
        var c = vm.countsProperty().get();
        passedTab.setText(lang.get("phone.app.tab.PASSED", c.getOrDefault(ApplicationViewModel.Status.PASSED, 0L)));
        underReviewTab.setText(lang.get("phone.app.tab.UNDER_REVIEW", c.getOrDefault(ApplicationViewModel.Status.UNDER_REVIEW, 0L)));
        failedTab.setText(lang.get("phone.app.tab.FAILED", c.getOrDefault(ApplicationViewModel.Status.FAILED, 0L)));
    }

    private void selectTab(ApplicationViewModel.Status s) {
        (switch (s) {
            case PASSED -> passedTab;
            case UNDER_REVIEW -> underReviewTab;
            case FAILED -> failedTab;
        }).setSelected(true);
    }

    private void showDetail() {
        fields.getChildren().clear();
        int row = 0;
        for (ApplicationViewModel.Field f : vm.detail()) {
            Label key = new Label(f.label());
            key.getStyleClass().add("field-label");
            Label value = new Label(f.value());
            value.setWrapText(true);
            fields.addRow(row++, key, value);
        }
        visible(detailBox, !vm.detail().isEmpty());
    }

    private static void visible(Node n, boolean v) {
        n.setVisible(v);
        n.setManaged(v);
    }

    private void savePoster() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(lang.get("phone.app.download"));
        chooser.setInitialFileName("venue-" + vm.openVenueIdProperty().get() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            vm.savePoster(f);
        }
    }
}
