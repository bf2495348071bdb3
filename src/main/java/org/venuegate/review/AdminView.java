package org.venuegate.review;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.venuegate.api.Role;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.review.AdminViewModel.AuditRow;
import org.venuegate.review.AdminViewModel.CategoryRow;
import org.venuegate.review.AdminViewModel.DeviceRow;
import org.venuegate.review.AdminViewModel.KeyRow;
import org.venuegate.review.AdminViewModel.PairingRow;
import org.venuegate.review.AdminViewModel.RevokedRow;
import org.venuegate.review.AdminViewModel.UserRow;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The admin screens in one tabbed window; thin bindings to {@link AdminViewModel}, no logic, no network. */
public final class AdminView {
    @FXML
    Button refresh;
    @FXML
    Button dashboardButton;
    @FXML
    Label banner;
    @FXML
    TableView<UserRow> users;
    @FXML
    TableColumn<UserRow, String> uName;
    @FXML
    TableColumn<UserRow, String> uRole;
    @FXML
    TableColumn<UserRow, String> uDistrict;
    @FXML
    TableColumn<UserRow, String> uStatus;
    @FXML
    TableColumn<UserRow, String> uCreated;
    @FXML
    TextField newName;
    @FXML
    PasswordField newPassword;
    @FXML
    ChoiceBox<Role> newRole;
    @FXML
    ChoiceBox<Integer> newDistrict;
    @FXML
    Button create;
    @FXML
    Label selectedName;
    @FXML
    ChoiceBox<Role> editRole;
    @FXML
    ChoiceBox<Integer> editDistrict;
    @FXML
    CheckBox editActive;
    @FXML
    Button save;
    @FXML
    PasswordField resetPassword;
    @FXML
    Button reset;
    @FXML
    TableView<DeviceRow> devices;
    @FXML
    TableColumn<DeviceRow, String> dLabel;
    @FXML
    TableColumn<DeviceRow, String> dVenue;
    @FXML
    TableColumn<DeviceRow, String> dPaired;
    @FXML
    TableColumn<DeviceRow, String> dStatus;
    @FXML
    Button revokeDevice;
    @FXML
    TextField pairingVenue;
    @FXML
    Button createPairing;
    @FXML
    TableView<PairingRow> pairingCodes;
    @FXML
    TableColumn<PairingRow, String> pCode;
    @FXML
    TableColumn<PairingRow, String> pVenue;
    @FXML
    TableColumn<PairingRow, String> pExpires;
    @FXML
    Button printSheet;
    @FXML
    Label printStatus;
    @FXML
    TableView<RevokedRow> revoked;
    @FXML
    TableColumn<RevokedRow, String> rNumber;
    @FXML
    TableColumn<RevokedRow, String> rName;
    @FXML
    TableColumn<RevokedRow, String> rWhen;
    @FXML
    TableColumn<RevokedRow, String> rReason;
    @FXML
    TextField revokeVenue;
    @FXML
    TextField revokeReason;
    @FXML
    Button revokeVenueButton;
    @FXML
    TableView<KeyRow> keys;
    @FXML
    TableColumn<KeyRow, String> kRole;
    @FXML
    TableColumn<KeyRow, String> kFrom;
    @FXML
    TableColumn<KeyRow, String> kTo;
    @FXML
    TableColumn<KeyRow, String> kStatus;
    @FXML
    ChoiceBox<KeyRole> rotateRole;
    @FXML
    Spinner<Integer> overlap;
    @FXML
    Button rotate;
    @FXML
    Button revokeKey;
    @FXML
    TableView<CategoryRow> categories;
    @FXML
    TableColumn<CategoryRow, String> cZh;
    @FXML
    TableColumn<CategoryRow, String> cEn;
    @FXML
    TextField categoryCode;
    @FXML
    TextField categoryZh;
    @FXML
    TextField categoryEn;
    @FXML
    Button addCategory;
    @FXML
    ChoiceBox<String> auditAction;
    @FXML
    TextField auditActor;
    @FXML
    DatePicker auditFrom;
    @FXML
    DatePicker auditTo;
    @FXML
    Button auditSearch;
    @FXML
    TableView<AuditRow> audit;
    @FXML
    TableColumn<AuditRow, String> aTime;
    @FXML
    TableColumn<AuditRow, String> aActor;
    @FXML
    TableColumn<AuditRow, String> aAction;
    @FXML
    TableColumn<AuditRow, String> aTarget;
    @FXML
    TableColumn<AuditRow, String> aDetail;
    @FXML
    TextArea auditDetail;
    @FXML
    Button auditPrevious;
    @FXML
    Label auditPage;
    @FXML
    Button auditNext;
    @FXML
    Label retentionText;
    @FXML
    Spinner<Integer> retentionDays;
    @FXML
    Button saveRetention;
    @FXML
    Label lastPurge;

    private AdminViewModel vm;
    private Lang lang;

    /** The admin screens in their one window (a second call brings it to the front); Esc closes it. */
    public static Stage show(Window owner, AdminViewModel vm, Lang lang) {
        Stage stage = BackOffice.window(AdminView.class, vm, owner, lang.get("bo.admin.title"), () -> load(vm, lang), 1280, 720);
        vm.refresh();
        return stage;
    }

    /** The admin screens as a node, for the main window of an admin's session. */
    public static Parent load(AdminViewModel vm, Lang lang) {
        AdminView view = new AdminView();
        view.vm = vm;
        view.lang = lang;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        refresh.setOnAction(e -> vm.refresh());
        DashboardView.offer(dashboardButton, vm.dashboardProperty(), lang);
        refresh.disableProperty().bind(vm.busyProperty());
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        // users
        users.setItems(vm.users());
        DashboardView.column(uName, UserRow::username);
        DashboardView.column(uRole, UserRow::roleText);
        DashboardView.column(uDistrict, UserRow::districtText);
        DashboardView.column(uStatus, UserRow::statusText);
        DashboardView.column(uCreated, UserRow::created);
        users.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> vm.selectedUserProperty().set(u));
        vm.selectedUserProperty().addListener((o, a, u) -> {
            if (u == null) {
                users.getSelectionModel().clearSelection();
            } else if (users.getSelectionModel().getSelectedItem() != u) {
                users.getSelectionModel().select(u);
            }
        });
        newName.textProperty().bindBidirectional(vm.newUsernameProperty());
        newPassword.textProperty().bindBidirectional(vm.newPasswordProperty());
        roles(newRole);
        newRole.valueProperty().bindBidirectional(vm.newRoleProperty());
        districts(newDistrict);
        newDistrict.valueProperty().bindBidirectional(vm.newDistrictProperty());
        newDistrict.disableProperty().bind(newRole.valueProperty().isNotEqualTo(Role.REVIEWER));
        create.setOnAction(e -> vm.createUser());
        selectedName.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedUserProperty().get() == null
                ? lang.get("bo.user.noneSelected") : lang.get("bo.user.selected", vm.selectedUserProperty().get().username()),
                vm.selectedUserProperty()));
        roles(editRole);
        editRole.valueProperty().bindBidirectional(vm.editRoleProperty());
        districts(editDistrict);
        editDistrict.valueProperty().bindBidirectional(vm.editDistrictProperty());
        editDistrict.disableProperty().bind(editRole.valueProperty().isNotEqualTo(Role.REVIEWER));
        editActive.selectedProperty().bindBidirectional(vm.editActiveProperty());
        resetPassword.textProperty().bindBidirectional(vm.resetPasswordProperty());
        for (Node n : List.of(editRole, editDistrict, editActive, save, resetPassword, reset)) {
            n.disableProperty().bind(vm.selectedUserProperty().isNull().or(n == editDistrict
                    ? editRole.valueProperty().isNotEqualTo(Role.REVIEWER) : vm.selectedUserProperty().isNull()));
        }
        save.setOnAction(e -> vm.saveUser());
        reset.setOnAction(e -> vm.resetPassword());

        // devices and pairing codes
        devices.setItems(vm.devices());
        DashboardView.column(dLabel, DeviceRow::label);
        DashboardView.column(dVenue, DeviceRow::venue);
        DashboardView.column(dPaired, DeviceRow::paired);
        DashboardView.column(dStatus, DeviceRow::statusText);
        revokeDevice.disableProperty().bind(devices.getSelectionModel().selectedItemProperty().isNull());
        revokeDevice.setOnAction(e -> {
            DeviceRow d = devices.getSelectionModel().getSelectedItem();
            if (d != null && confirm(lang.get("bo.device.confirm", d.label()))) {
                vm.revokeDevice(d);
            }
        });
        pairingVenue.textProperty().bindBidirectional(vm.pairingVenueIdProperty());
        createPairing.setOnAction(e -> vm.createPairingCode());
        pairingCodes.setItems(vm.pairingCodes());
        DashboardView.column(pCode, PairingRow::code);
        DashboardView.column(pVenue, PairingRow::venueName);
        DashboardView.column(pExpires, PairingRow::expires);
        printSheet.disableProperty().bind(Bindings.isEmpty(vm.pairingCodes()));
        printSheet.setOnAction(e -> print());

        // revocations and keys
        revoked.setItems(vm.revokedVenues());
        DashboardView.column(rNumber, RevokedRow::number);
        DashboardView.column(rName, RevokedRow::name);
        DashboardView.column(rWhen, RevokedRow::when);
        DashboardView.column(rReason, RevokedRow::reason);
        revokeVenue.textProperty().bindBidirectional(vm.revokeVenueIdProperty());
        revokeReason.textProperty().bindBidirectional(vm.revokeReasonProperty());
        revokeVenueButton.setOnAction(e -> {
            if (confirm(lang.get("bo.revoke.confirm", vm.revokeVenueIdProperty().get().trim()))) {
                vm.revokeVenue();
            }
        });
        keys.setItems(vm.keys());
        DashboardView.column(kRole, KeyRow::roleText);
        DashboardView.column(kFrom, KeyRow::validFrom);
        DashboardView.column(kTo, KeyRow::validTo);
        DashboardView.column(kStatus, KeyRow::statusText);
        rotateRole.getItems().setAll(AdminViewModel.ROTATABLE);
        rotateRole.setConverter(converter(r -> lang.get("bo.key.role." + r)));
        rotateRole.valueProperty().bindBidirectional(vm.rotateRoleProperty());
        overlap.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 90, vm.rotateOverlapDaysProperty().get()));
        overlap.valueProperty().addListener((o, a, v) -> vm.rotateOverlapDaysProperty().set(v == null ? 0 : v));
        rotate.setOnAction(e -> {
            if (confirm(lang.get("bo.key.confirmRotate", lang.get("bo.key.role." + vm.rotateRoleProperty().get()),
                    Integer.toString(vm.rotateOverlapDaysProperty().get())))) {
                vm.rotateKey();
            }
        });
        revokeKey.disableProperty().bind(keys.getSelectionModel().selectedItemProperty().isNull());
        revokeKey.setOnAction(e -> {
            KeyRow k = keys.getSelectionModel().getSelectedItem();
            if (k != null && confirm(lang.get("bo.key.confirmRevoke", k.roleText()))) {
                vm.revokeKey(k);
            }
        });

        // categories
        categories.setItems(vm.categories());
        DashboardView.column(cZh, CategoryRow::nameZh);
        DashboardView.column(cEn, CategoryRow::nameEn);
        categoryCode.textProperty().bindBidirectional(vm.categoryCodeProperty());
        categoryZh.textProperty().bindBidirectional(vm.categoryZhProperty());
        categoryEn.textProperty().bindBidirectional(vm.categoryEnProperty());
        addCategory.setOnAction(e -> vm.addCategory());

        // audit log
        auditAction.getItems().add(null);
        auditAction.getItems().addAll(AdminViewModel.ACTIONS);
        auditAction.setConverter(converter(a -> a == null ? lang.get("bo.audit.allActions") : lang.get("bo.audit.action." + a)));
        auditAction.valueProperty().bindBidirectional(vm.auditActionProperty());
        auditActor.textProperty().bindBidirectional(vm.auditActorProperty());
        auditFrom.valueProperty().bindBidirectional(vm.auditFromProperty());
        auditTo.valueProperty().bindBidirectional(vm.auditToProperty());
        auditSearch.setOnAction(e -> vm.searchAudit());
        audit.setItems(vm.audit());
        DashboardView.column(aTime, AuditRow::time);
        DashboardView.column(aActor, AuditRow::actor);
        DashboardView.column(aAction, AuditRow::action);
        DashboardView.column(aTarget, AuditRow::target);
        DashboardView.column(aDetail, AuditRow::detail);
        auditDetail.textProperty().bind(Bindings.createStringBinding(() -> {
            AuditRow r = audit.getSelectionModel().getSelectedItem();
            return r == null ? "" : r.detail();
        }, audit.getSelectionModel().selectedItemProperty()));
        auditPrevious.disableProperty().bind(vm.auditPageProperty().isEqualTo(0));
        auditNext.disableProperty().bind(vm.auditHasNextProperty().not());
        auditPrevious.setOnAction(e -> vm.previousAuditPage());
        auditNext.setOnAction(e -> vm.nextAuditPage());
        auditPage.textProperty().bind(vm.auditPageTextProperty());

        // retention
        retentionText.textProperty().bind(vm.retentionTextProperty());
        retentionDays.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 365, vm.retentionDaysProperty().get()));
        vm.retentionDaysProperty().addListener((o, a, v) -> retentionDays.getValueFactory().setValue(v.intValue()));
        retentionDays.valueProperty().addListener((o, a, v) -> vm.retentionDaysProperty().set(v == null ? 1 : v));
        saveRetention.setOnAction(e -> vm.saveRetention());
        lastPurge.textProperty().bind(vm.lastPurgeTextProperty());
    }

    private void roles(ChoiceBox<Role> box) {
        box.getItems().setAll(AdminViewModel.ROLES);
        box.setConverter(converter(r -> r == null ? "" : BackOffice.role(lang, r)));
    }

    private void districts(ChoiceBox<Integer> box) {
        box.getItems().setAll(AdminViewModel.districtChoices());
        box.setConverter(converter(d -> BackOffice.district(lang, d)));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private boolean confirm(String text) {
        ButtonType yes = new ButtonType(lang.get("bo.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(lang.get("bo.confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, no);
        alert.setTitle(lang.get("bo.confirm.title"));
        alert.setHeaderText(null);
        alert.initOwner(banner.getScene().getWindow());
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    private void print() {
        Node sheet = pairingSheet(vm.pairingCodes(), vm.hubUrl(), lang);
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            printStatus.setText(lang.get("bo.pairing.noPrinter"));
            return;
        }
        if (job.showPrintDialog(banner.getScene().getWindow()) && job.printPage(sheet)) {
            job.endJob();
            printStatus.setText(lang.get("bo.pairing.printed"));
        } else {
            job.cancelJob();
            printStatus.setText("");
        }
    }

    /** The printable sheet of pairing codes: one row per code with its venue and expiry, and how to use it. */
    public static VBox pairingSheet(List<PairingRow> codes, String hubUrl, Lang lang) {
        VBox sheet = new VBox();
        sheet.getStylesheets().add(AdminView.class.getResource("backoffice.css").toExternalForm());
        sheet.getStyleClass().addAll("review", "pairing-sheet");
        Label title = new Label(lang.get("bo.sheet.title"));
        title.getStyleClass().add("sheet-title");
        Label how = new Label(lang.get("bo.sheet.how"));
        how.setWrapText(true);
        how.setMaxWidth(480);
        Label address = new Label(lang.get("bo.sheet.hub", hubUrl));
        address.getStyleClass().add("sheet-hub");
        sheet.getChildren().addAll(title, how, address);
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 0, 0, 0));
        grid.addRow(0, new Label(lang.get("bo.pairing.col.code")), new Label(lang.get("bo.fleet.col.venue")),
                new Label(lang.get("bo.pairing.col.expires")));
        int row = 1;
        for (PairingRow p : codes) {
            Label code = new Label(p.code());
            code.getStyleClass().add("sheet-code");
            grid.addRow(row++, code, new Label(p.venueName()), new Label(p.expires()));
        }
        sheet.getChildren().add(grid);
        return sheet;
    }
}
