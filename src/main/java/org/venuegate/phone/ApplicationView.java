package org.venuegate.phone;

import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.venuegate.api.ApplicationStatus;
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
    VBox reapplyBox;
    @FXML
    Label reapplyTitle;
    @FXML
    Label reapplyReason;
    @FXML
    Button cancelReapply;
    @FXML
    CheckBox mobile;
    @FXML
    VBox placeNameBox;
    @FXML
    Label placeNameLabel;
    @FXML
    TextField placeName;
    @FXML
    Label placeNameError;
    @FXML
    VBox plateOrShipBox;
    @FXML
    Label plateOrShipLabel;
    @FXML
    TextField plateOrShip;
    @FXML
    Label plateOrShipError;
    @FXML
    VBox unitNameBox;
    @FXML
    Label unitNameLabel;
    @FXML
    TextField unitName;
    @FXML
    Label unitNameError;
    @FXML
    VBox creditCodeBox;
    @FXML
    Label creditCodeLabel;
    @FXML
    TextField creditCode;
    @FXML
    Label creditCodeError;
    @FXML
    VBox categoryBox;
    @FXML
    Label categoryLabel;
    @FXML
    ComboBox<ApplicationViewModel.Choice> category;
    @FXML
    Label categoryError;
    @FXML
    VBox districtBox;
    @FXML
    Label districtLabel;
    @FXML
    ComboBox<ApplicationViewModel.Choice> district;
    @FXML
    Label districtError;
    @FXML
    VBox addressBox;
    @FXML
    Label addressLabel;
    @FXML
    TextField address;
    @FXML
    Label addressError;
    @FXML
    VBox responsibleNameBox;
    @FXML
    Label responsibleNameLabel;
    @FXML
    TextField responsibleName;
    @FXML
    Label responsibleNameError;
    @FXML
    VBox responsibleIdNumberBox;
    @FXML
    Label responsibleIdNumberLabel;
    @FXML
    TextField responsibleIdNumber;
    @FXML
    Label responsibleIdNumberError;
    @FXML
    VBox responsiblePhoneBox;
    @FXML
    Label responsiblePhoneLabel;
    @FXML
    TextField responsiblePhone;
    @FXML
    Label responsiblePhoneError;
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
    Button reapply;
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
        // A mobile place is named by its plate or ship number (FAQ site-code 7).
        visibleWhen(plateOrShipBox, vm.mobileProperty());
        visibleWhen(placeNameBox, vm.mobileProperty().not());
        placeName.textProperty().bindBidirectional(vm.placeNameProperty());
        plateOrShip.textProperty().bindBidirectional(vm.plateOrShipProperty());
        unitName.textProperty().bindBidirectional(vm.unitNameProperty());
        creditCode.textProperty().bindBidirectional(vm.creditCodeProperty());
        category.setItems(vm.categories());
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        district.setItems(vm.districts());
        district.valueProperty().bindBidirectional(vm.districtProperty());
        for (ComboBox<ApplicationViewModel.Choice> box : List.of(category, district)) {
            // The prompt must come back when the form is emptied: the default button cell keeps the last text.
            box.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(ApplicationViewModel.Choice c, boolean empty) {
                    super.updateItem(c, empty);
                    setText(empty || c == null ? lang.get("phone.app.choose") : c.label());
                }
            });
        }
        address.textProperty().bindBidirectional(vm.addressProperty());
        responsibleName.textProperty().bindBidirectional(vm.responsibleNameProperty());
        responsibleIdNumber.textProperty().bindBidirectional(vm.responsibleIdNumberProperty());
        responsiblePhone.textProperty().bindBidirectional(vm.responsiblePhoneProperty());
        formError.textProperty().bind(vm.formErrorProperty());
        visibleWhen(formError, vm.formErrorProperty().isNotEmpty());

        Map<String, Control> controls = Map.of("placeName", placeName, "plateOrShip", plateOrShip, "unitName", unitName,
                "creditCode", creditCode, "category", category, "district", district, "address", address,
                "responsibleName", responsibleName, "responsibleIdNumber", responsibleIdNumber,
                "responsiblePhone", responsiblePhone);
        Map<String, Label> labels = Map.of("placeName", placeNameLabel, "plateOrShip", plateOrShipLabel,
                "unitName", unitNameLabel, "creditCode", creditCodeLabel, "category", categoryLabel,
                "district", districtLabel, "address", addressLabel, "responsibleName", responsibleNameLabel,
                "responsibleIdNumber", responsibleIdNumberLabel, "responsiblePhone", responsiblePhoneLabel);
        Map<String, Label> errors = Map.of("placeName", placeNameError, "plateOrShip", plateOrShipError,
                "unitName", unitNameError, "creditCode", creditCodeError, "category", categoryError,
                "district", districtError, "address", addressError, "responsibleName", responsibleNameError,
                "responsibleIdNumber", responsibleIdNumberError, "responsiblePhone", responsiblePhoneError);
        controls.forEach((name, control) -> labels.get(name).setLabelFor(control));
        Runnable markErrors = () -> controls.forEach((name, control) -> {
            String text = vm.fieldErrors().get(name);
            Label error = errors.get(name);
            error.setText(text == null ? "" : text);
            error.setVisible(text != null);
            error.setManaged(text != null);
            control.getStyleClass().remove("field-error");
            if (text != null) {
                control.getStyleClass().add("field-error");
            }
        });
        vm.fieldErrors().addListener((MapChangeListener<String, String>) c -> markErrors.run());
        markErrors.run();

        formPane.expandedProperty().bindBidirectional(vm.formOpenProperty());
        visibleWhen(reapplyBox, vm.replacesIdProperty().isNotNull());
        reapplyTitle.textProperty().bind(vm.replacesNameProperty().map(n -> lang.get("phone.app.reapplyTitle", n)));
        reapplyReason.textProperty().bind(vm.replacesReasonProperty().map(r -> lang.get("phone.app.reapplyReason", r)));
        visibleWhen(reapplyReason, vm.replacesReasonProperty().isNotEmpty());
        cancelReapply.setOnAction(e -> vm.cancelReapply());
        vm.replacesIdProperty().addListener((o, a, id) -> {
            if (id != null) {
                root.setVvalue(0);
                placeName.requestFocus();
            }
        });
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.submit());

        vm.countsProperty().addListener((o, a, c) -> labelTabs());
        labelTabs();
        vm.statusProperty().addListener((o, a, s) -> selectTab(s));
        // A tab pressed again stays selected (a toggle group would clear it) and reloads, with fresh counts.
        passedTab.setOnAction(e -> show(ApplicationStatus.PASSED));
        underReviewTab.setOnAction(e -> show(ApplicationStatus.UNDER_REVIEW));
        failedTab.setOnAction(e -> show(ApplicationStatus.FAILED));
        rows.setItems(vm.rows());
        Label empty = new Label(lang.get("phone.app.empty"));
        empty.getStyleClass().add("form-hint");
        rows.setPlaceholder(empty);
        rows.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ApplicationViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.placeName() + "  ·  " + r.submittedAt() + "  ·  "
                        + lang.get("phone.app.status." + r.status()));
                setWrapText(true);
                setPrefWidth(0);
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
        visibleWhen(download, vm.openVenueIdProperty().isNotNull());
        visibleWhen(codeImage, vm.openCodeImageProperty().isNotNull());
        visibleWhen(reapply, vm.openApplicationProperty().map(a -> a.status() == ApplicationStatus.FAILED).orElse(false));
        reapply.setOnAction(e -> vm.reapply());
        vm.openApplicationProperty().addListener((o, a, open) -> {
            if (open == null) {
                rows.getSelectionModel().clearSelection();
            }
        });
        download.setOnAction(e -> savePoster());
        back.setOnAction(e -> {
            rows.getSelectionModel().clearSelection();
            vm.closeDetail();
        });
    }

    private void labelTabs() {
        var c = vm.countsProperty().get();
        passedTab.setText(lang.get("phone.app.tab.PASSED", c.passed()));
        underReviewTab.setText(lang.get("phone.app.tab.UNDER_REVIEW", c.underReview()));
        failedTab.setText(lang.get("phone.app.tab.FAILED", c.failed()));
    }

    private void show(ApplicationStatus s) {
        selectTab(s);
        vm.showStatus(s);
    }

    private void selectTab(ApplicationStatus s) {
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
            key.setWrapText(true);
            key.setMinHeight(Region.USE_PREF_SIZE);
            Label value = new Label(f.value());
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            fields.addRow(row++, key, value);
        }
        visible(detailBox, !vm.detail().isEmpty());
    }

    private static void visibleWhen(Node n, ObservableValue<Boolean> condition) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(condition);
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
