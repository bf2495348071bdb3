package org.venuegate.phone;

import java.io.File;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The phone's page: thin bindings to {@link HealthCodeViewModel}; the site-code tab hosts {@link ApplicationView}. */
public final class PhoneView {
    private static final PseudoClass YELLOW = PseudoClass.getPseudoClass("yellow");
    private static final PseudoClass RED = PseudoClass.getPseudoClass("red");
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");

    @FXML
    StackPane root;
    @FXML
    Tab codeTab;
    @FXML
    Tab siteTab;
    @FXML
    Label banner;
    @FXML
    Label nameLabel;
    @FXML
    ComboBox<HealthCodeViewModel.Person> switcher;
    @FXML
    VBox card;
    @FXML
    Label colourLabel;
    @FXML
    Label badgeLabel;
    @FXML
    Label proxyLabel;
    @FXML
    ImageView veilImage;
    @FXML
    VBox veil;
    @FXML
    Button veilPrompt;
    @FXML
    ImageView unveiledQr;
    @FXML
    VBox unveiledInfo;
    @FXML
    Label passLabel;
    @FXML
    Label venueLabel;
    @FXML
    Label admittedLabel;
    @FXML
    Button closeButton;
    @FXML
    VBox scanPanel;
    @FXML
    TextField scanInput;
    @FXML
    Button scanButton;
    @FXML
    Button pickImage;
    @FXML
    VBox invalidBox;
    @FXML
    Label invalidLabel;
    @FXML
    Label invalidHint;
    @FXML
    Label scanLabel;
    @FXML
    Button rescanButton;
    @FXML
    Label nucleicLabel;
    @FXML
    Label vaccinationLabel;
    @FXML
    StackPane popup;
    @FXML
    Label popupReason;
    @FXML
    Label popupFollowUp;
    @FXML
    Button popupOk;

    private HealthCodeViewModel vm;
    private ApplicationViewModel applications;
    private Lang lang;

    /** @param applications the site-code tab's ViewModel, or null to leave that tab out */
    public static Parent load(HealthCodeViewModel vm, ApplicationViewModel applications, Lang lang) {
        PhoneView view = new PhoneView();
        view.vm = vm;
        view.applications = applications;
        view.lang = lang;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        banner.textProperty().bind(vm.bannerProperty());
        visibleWhen(banner, vm.bannerProperty().isNotEmpty());
        nameLabel.textProperty().bind(vm.maskedNameProperty());

        switcher.setItems(vm.persons());
        switcher.setCellFactory(l -> personCell());
        switcher.setButtonCell(personCell());
        vm.currentProperty().addListener((o, a, p) -> switcher.getSelectionModel().select(p));
        switcher.setOnAction(e -> {
            HealthCodeViewModel.Person p = switcher.getValue();
            if (p != null && p != vm.currentProperty().get()) {
                vm.switchTo(p);
            }
        });

        vm.colourProperty().addListener((o, a, c) -> showColour(c));
        showColour(vm.colourProperty().get());
        vm.badgeProperty().addListener((o, a, b) -> showBadge(b));
        showBadge(vm.badgeProperty().get());
        visibleWhen(proxyLabel, vm.proxyProperty());

        vm.veilPatternProperty().addListener((o, a, img) -> veilImage.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null)));
        visibleWhen(veilImage, vm.veiledProperty());
        visibleWhen(veil, vm.veiledProperty());
        visibleWhen(scanPanel, vm.veiledProperty());
        visibleWhen(unveiledQr, vm.veiledProperty().not());
        visibleWhen(unveiledInfo, vm.veiledProperty().not());
        // One screen pixel per image pixel: scaling would blur the modules the kiosk's camera has to read.
        vm.unveiledQrProperty().addListener((o, a, img) -> unveiledQr.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null)));
        passLabel.textProperty().bind(vm.passPromptProperty());
        venueLabel.textProperty().bind(vm.venueNameProperty().map(n -> n.isEmpty() ? "" : lang.get("phone.venue", n)));
        admittedLabel.textProperty().bind(vm.admittedAtProperty().map(t -> t.isEmpty() ? "" : lang.get("phone.admitted", t)));
        closeButton.setOnAction(e -> vm.close());

        scanInput.textProperty().bindBidirectional(vm.scanInputProperty());
        scanButton.setOnAction(e -> vm.scan());
        scanButton.disableProperty().bind(vm.busyProperty());
        pickImage.disableProperty().bind(vm.busyProperty());
        veilPrompt.setOnAction(e -> pickPoster());
        pickImage.setOnAction(e -> pickPoster());
        invalidLabel.textProperty().bind(vm.scanErrorProperty());
        invalidHint.textProperty().bind(vm.scanHintProperty());
        visibleWhen(invalidHint, vm.scanHintProperty().isNotEmpty());
        scanLabel.setLabelFor(scanInput);
        visibleWhen(invalidBox, vm.scanErrorProperty().isNotEmpty());
        rescanButton.setOnAction(e -> vm.rescan());

        nucleicLabel.textProperty().bind(vm.nucleicAcidProperty());
        vaccinationLabel.textProperty().bind(vm.vaccinationProperty());

        visibleWhen(popup, vm.popupShownProperty());
        popupReason.textProperty().bind(vm.popupReasonProperty().map(r -> lang.get("phone.popup.reason", r)));
        popupFollowUp.textProperty().bind(vm.popupFollowUpProperty().map(f -> lang.get("phone.popup.followUp", f)));
        popupOk.setOnAction(e -> vm.dismissPopup());

        // Leaving the health-code page closes it (FAQ 9): coming back means scanning again.
        codeTab.setOnSelectionChanged(e -> {
            if (!codeTab.isSelected()) {
                vm.close();
            }
        });
        if (applications != null) {
            siteTab.setContent(ApplicationView.load(applications, lang));
            siteTab.setOnSelectionChanged(e -> {
                if (siteTab.isSelected()) {
                    applications.load();
                }
            });
        } else {
            siteTab.getTabPane().getTabs().remove(siteTab);
        }
    }

    private ListCell<HealthCodeViewModel.Person> personCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(HealthCodeViewModel.Person p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? lang.get("phone.switch")
                        : p.maskedName() + (p.proxy() ? " " + lang.get("phone.proxyMark") : ""));
            }
        };
    }

    private static void visibleWhen(Node n, javafx.beans.value.ObservableValue<Boolean> condition) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(condition);
    }

    private void showColour(String c) {
        card.pseudoClassStateChanged(YELLOW, "YELLOW".equals(c));
        card.pseudoClassStateChanged(RED, "RED".equals(c));
        colourLabel.setText(c == null || c.isEmpty() ? "" : lang.get("phone.colour." + c));
    }

    private void showBadge(boolean b) {
        badgeLabel.setText(lang.get(b ? "phone.badge" : "phone.noBadge"));
        badgeLabel.pseudoClassStateChanged(NONE, !b);
    }

    /** The camera's stand-in: a picture of a venue-code poster. */
    private void pickPoster() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(lang.get("phone.scan.image"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(lang.get("phone.scan.imageFilter"),
                "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            vm.scanImage(f);
        }
    }

    /** The unveiled QR node, for the demo's virtual camera. */
    public static ImageView unveiledQrNode(Parent phoneRoot) {
        return (ImageView) phoneRoot.lookup(".unveiled-qr");
    }
}
