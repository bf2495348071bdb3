package org.venuegate.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.venuegate.api.AuditEntry;
import org.venuegate.api.Category;
import org.venuegate.api.CategoryRequest;
import org.venuegate.api.DeviceHealth;
import org.venuegate.api.KeyInfo;
import org.venuegate.api.PairingCode;
import org.venuegate.api.Retention;
import org.venuegate.api.Revocations;
import org.venuegate.api.RevokedVenue;
import org.venuegate.api.Role;
import org.venuegate.api.User;
import org.venuegate.api.UserRequest;
import org.venuegate.api.UserUpdate;
import org.venuegate.api.Venue;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.core.place.Districts;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The admin's screens: users (create, disable, reset password, role and district), devices (list, revoke, pairing
 * codes for a printable sheet), revocations (venues with reason, keys) and key rotation, industry categories, the
 * audit log with filters, and retention with the last purge. Texts are localized here; what the user typed stays
 * when the hub refuses or cannot be reached.
 */
public final class AdminViewModel extends BackOfficeViewModel {
    /** Roles an admin gives to accounts made here (citizens sign up on the phone). */
    public static final List<Role> ROLES = List.of(Role.REVIEWER, Role.ADMIN, Role.TRACER);
    /** Key roles that can be rotated here (the root key is pinned by every kiosk). */
    public static final List<KeyRole> ROTATABLE = List.of(KeyRole.HEALTH, KeyRole.VENUE);
    /** Audit actions the filter offers, in the order the list shows them. */
    public static final List<String> ACTIONS = List.of("DECISION_PASS", "DECISION_FAIL", "VENUE_REVOKE", "DEVICE_PAIRED",
            "DEVICE_REVOKE", "PAIRING_CODE", "CATEGORY_ADD", "KEY_ROTATE", "KEY_REVOKE", "USER_UPDATE", "PASSWORD_RESET",
            "USER_UNLOCK", "CITIZEN_REGISTER", "COLOUR_CHANGE", "DEPENDANT_ADD", "TRACE_VENUE", "TRACE_SUBJECT", "RETENTION_SET",
            "RETENTION_PURGE");
    public static final int AUDIT_PAGE = 100;

    /** A user account row. */
    public record UserRow(long id, String username, Role role, String roleText, Integer district, String districtText,
                          boolean active, String statusText, String created) {
    }

    /** A paired kiosk. */
    public record DeviceRow(long id, String label, long venueId, String venue, String paired, String statusText, boolean revoked) {
    }

    /** A pairing code made in this session, for the printable sheet. */
    public record PairingRow(String code, long venueId, String venueName, String expires) {
    }

    /** A revoked venue. */
    public record RevokedRow(String number, String name, String when, String by, String reason) {
    }

    /** A signing key. */
    public record KeyRow(String keyId, KeyRole role, String roleText, String validFrom, String validTo, String statusText,
                         boolean revoked) {
    }

    /** An industry category, by name. */
    public record CategoryRow(String code, String nameZh, String nameEn) {
    }

    /** An audit entry for the screen, every part in the screen's language (the detail from its message). */
    public record AuditRow(String time, String actor, String action, String target, String detail) {
    }

    private final ReviewHubClient hub;
    private final UiExecutor executor;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper bannerIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<DashboardViewModel> dashboard = new ReadOnlyObjectWrapper<>();

    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final StringProperty newUsername = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.REVIEWER);
    private final ObjectProperty<Integer> newDistrict = new SimpleObjectProperty<>();
    private final ObjectProperty<UserRow> selectedUser = new SimpleObjectProperty<>();
    private final ObjectProperty<Role> editRole = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> editDistrict = new SimpleObjectProperty<>();
    private final BooleanProperty editActive = new SimpleBooleanProperty(true);
    private final StringProperty resetPassword = new SimpleStringProperty("");

    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final StringProperty pairingVenueId = new SimpleStringProperty("");
    private final ObservableList<PairingRow> pairingCodes = FXCollections.observableArrayList();

    private final ObservableList<RevokedRow> revokedVenues = FXCollections.observableArrayList();
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final StringProperty revokeVenueId = new SimpleStringProperty("");
    private final StringProperty revokeReason = new SimpleStringProperty("");
    private final ObjectProperty<KeyRole> rotateRole = new SimpleObjectProperty<>(KeyRole.VENUE);
    private final IntegerProperty rotateOverlapDays = new SimpleIntegerProperty(7);

    private final ObservableList<CategoryRow> categories = FXCollections.observableArrayList();
    private final StringProperty categoryCode = new SimpleStringProperty("");
    private final StringProperty categoryZh = new SimpleStringProperty("");
    private final StringProperty categoryEn = new SimpleStringProperty("");

    private final ObservableList<AuditRow> audit = FXCollections.observableArrayList();
    private final ObjectProperty<String> auditAction = new SimpleObjectProperty<>();
    private final StringProperty auditActor = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> auditFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> auditTo = new SimpleObjectProperty<>();
    private final IntegerProperty auditPage = new SimpleIntegerProperty(0);
    private final ReadOnlyBooleanWrapper auditHasNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper auditPageText = new ReadOnlyStringWrapper("");

    private final IntegerProperty retentionDays = new SimpleIntegerProperty(28);
    private final ReadOnlyStringWrapper retentionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastPurgeText = new ReadOnlyStringWrapper("");

    public AdminViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang) {
        this(hub, executor, lang, Clock.systemUTC());
    }

    public AdminViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang, Clock clock) {
        super(lang);
        this.hub = hub;
        this.executor = executor;
        this.clock = clock;
        selectedUser.addListener((o, a, u) -> {
            editRole.set(u == null ? null : u.role());
            editDistrict.set(u == null ? null : u.district());
            editActive.set(u == null || u.active());
            resetPassword.set("");
        });
    }

    private void ok(String text) {
        bannerIsError.set(false);
        banner.set(text);
    }

    @Override
    protected void failed(Throwable e) {
        bannerIsError.set(true);
        super.failed(e);
    }

    private void refused(String key, Object... args) {
        bannerIsError.set(true);
        banner.set(lang.get(key, args));
    }

    private record All(List<User> users, List<DeviceHealth> devices, Revocations revocations, List<Category> categories,
                       List<AuditEntry> audit, Retention retention) {
    }

    /** Loads every section (kiosks from the fleet view, which names their venues). */
    public void refresh() {
        busy.set(true);
        AuditQuery q = auditQuery(0);
        executor.run(() -> new All(hub.users(), hub.fleet(), hub.revocations(), hub.categories(), q.run(hub), hub.retention()), all -> {
            busy.set(false);
            showUsers(all.users());
            showDevices(all.devices());
            showRevocations(all.revocations());
            showCategories(all.categories());
            auditPage.set(0);
            showAudit(all.audit());
            showRetention(all.retention());
            if (bannerIsError.get()) {
                banner.set("");
            }
        }, this::failed);
    }

    // ------------------------------------------------------------------ users

    private void showUsers(List<User> list) {
        Long keep = selectedUser.get() == null ? null : selectedUser.get().id();
        List<UserRow> rows = new ArrayList<>();
        for (User u : list) {
            rows.add(new UserRow(u.id(), u.username(), u.role(), BackOffice.role(lang, u.role()), u.district(),
                    u.role() == Role.REVIEWER ? BackOffice.district(lang, u.district()) : lang.get("bo.none"),
                    u.active(), lang.get(u.active() ? "bo.user.active" : "bo.user.disabled"), BackOffice.time(u.createdAt())));
        }
        users.setAll(rows);
        selectedUser.set(rows.stream().filter(r -> keep != null && r.id() == keep).findFirst().orElse(null));
    }

    public void createUser() {
        String name = newUsername.get().trim().toLowerCase(Locale.ROOT);
        String password = newPassword.get();
        Role role = newRole.get();
        Integer district = role == Role.REVIEWER ? newDistrict.get() : null;
        if (name.isEmpty()) {
            refused("bo.user.nameRequired");
            return;
        }
        if (password.length() < 8) {
            refused("bo.user.passwordShort");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            hub.createUser(new UserRequest(name, password, role, district, null));
            return hub.users();
        }, list -> {
            busy.set(false);
            showUsers(list);
            newUsername.set("");
            newPassword.set("");
            ok(lang.get("bo.user.created", name, BackOffice.role(lang, role)));
        }, this::failed);
    }

    public void saveUser() {
        UserRow u = selectedUser.get();
        if (u == null) {
            refused("bo.user.selectFirst");
            return;
        }
        Role role = editRole.get() == null ? u.role() : editRole.get();
        Integer district = role == Role.REVIEWER ? editDistrict.get() : null;
        boolean active = editActive.get();
        busy.set(true);
        executor.run(() -> {
            hub.updateUser(u.id(), new UserUpdate(role, district, active));
            return hub.users();
        }, list -> {
            busy.set(false);
            showUsers(list);
            ok(lang.get(active ? "bo.user.saved" : "bo.user.disabledNow", u.username()));
        }, this::failed);
    }

    public void resetPassword() {
        UserRow u = selectedUser.get();
        String password = resetPassword.get();
        if (u == null) {
            refused("bo.user.selectFirst");
            return;
        }
        if (password.length() < 8) {
            refused("bo.user.passwordShort");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            hub.resetPassword(u.id(), password);
            return Boolean.TRUE;
        }, done -> {
            busy.set(false);
            resetPassword.set("");
            ok(lang.get("bo.user.passwordReset", u.username()));
        }, this::failed);
    }

    // ------------------------------------------------------------------ devices and pairing codes

    private void showDevices(List<DeviceHealth> list) {
        List<DeviceRow> rows = new ArrayList<>();
        for (DeviceHealth d : list) {
            boolean revoked = d.revokedAt() != null;
            rows.add(new DeviceRow(d.deviceId(), BackOffice.deviceLabel(lang, d), d.venueId(),
                    d.venueName() == null ? lang.get("bo.venueNo", Long.toString(d.venueId())) : d.venueName(),
                    BackOffice.time(d.pairedAt()),
                    revoked ? lang.get("bo.device.revokedAt", BackOffice.time(d.revokedAt())) : lang.get("bo.device.active"),
                    revoked));
        }
        devices.setAll(rows);
    }

    public void revokeDevice(DeviceRow d) {
        if (d == null || d.revoked()) {
            refused("bo.device.selectActive");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            hub.revokeDevice(d.id());
            return hub.fleet();
        }, list -> {
            busy.set(false);
            showDevices(list);
            ok(lang.get("bo.device.revoked", d.label()));
        }, this::failed);
    }

    public void createPairingCode() {
        Long venue = number(pairingVenueId.get());
        if (venue == null) {
            refused("bo.venueIdNumber");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            PairingCode p = hub.createPairingCode(venue);
            Venue v = hub.venue(venue);
            return new PairingRow(p.code(), venue, v.name(), BackOffice.time(p.expiresAt()));
        }, row -> {
            busy.set(false);
            pairingCodes.add(row);
            pairingVenueId.set("");
            ok(lang.get("bo.pairing.created", row.code(), row.venueName(), row.expires()));
        }, this::failed);
    }

    // ------------------------------------------------------------------ revocations and keys

    private void showRevocations(Revocations r) {
        List<RevokedRow> venues = new ArrayList<>();
        for (RevokedVenue v : r.venues()) {
            venues.add(new RevokedRow(v.number(), v.name(), BackOffice.time(v.revokedAt()), orEmpty(v.revokedBy()),
                    orEmpty(v.reason())));
        }
        revokedVenues.setAll(venues);
        Instant now = clock.instant();
        List<KeyRow> ks = new ArrayList<>();
        for (KeyInfo k : r.keys()) {
            Instant from = k.notBefore();
            Instant to = k.notAfter();
            String status = k.revoked() ? lang.get("bo.key.revoked") : now.isBefore(from) ? lang.get("bo.key.future")
                    : now.isAfter(to) ? lang.get("bo.key.expired") : lang.get("bo.key.valid");
            ks.add(new KeyRow(k.keyId(), k.role(), keyRole(k.role()), BackOffice.time(from), BackOffice.time(to), status,
                    k.revoked()));
        }
        keys.setAll(ks);
    }

    public void revokeVenue() {
        Long venue = number(revokeVenueId.get());
        String reason = revokeReason.get().trim();
        if (venue == null) {
            refused("bo.venueIdNumber");
            return;
        }
        if (reason.isEmpty()) {
            refused("bo.revoke.reasonRequired");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            Venue v = hub.revokeVenue(venue, reason);
            return new Revoked(v, hub.revocations());
        }, out -> {
            busy.set(false);
            showRevocations(out.revocations());
            revokeVenueId.set("");
            revokeReason.set("");
            ok(lang.get("bo.revoke.done", out.venue().name()));
        }, this::failed);
    }

    public void rotateKey() {
        KeyRole role = rotateRole.get();
        int overlap = rotateOverlapDays.get();
        if (role == null || !ROTATABLE.contains(role)) {
            refused("bo.key.chooseRole");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            hub.rotateKey(role, overlap);
            return hub.revocations();
        }, r -> {
            busy.set(false);
            showRevocations(r);
            ok(lang.get("bo.key.rotated", keyRole(role), Integer.toString(overlap)));
        }, this::failed);
    }

    public void revokeKey(KeyRow k) {
        if (k == null || k.revoked()) {
            refused("bo.key.selectValid");
            return;
        }
        if (k.role() == KeyRole.ROOT) {
            refused("bo.key.rootPinned");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            hub.revokeKey(k.keyId());
            return hub.revocations();
        }, r -> {
            busy.set(false);
            showRevocations(r);
            ok(lang.get("bo.key.revokedNow", k.roleText()));
        }, this::failed);
    }

    // ------------------------------------------------------------------ categories

    private void showCategories(List<Category> list) {
        categories.setAll(list.stream().map(c -> new CategoryRow(c.code(), c.nameZh(), c.nameEn())).toList());
    }

    public void addCategory() {
        String code = categoryCode.get().trim().toUpperCase(Locale.ROOT);
        String zh = categoryZh.get().trim();
        String en = categoryEn.get().trim();
        if (code.isEmpty() || zh.isEmpty() || en.isEmpty()) {
            refused("bo.category.allRequired");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            hub.addCategory(new CategoryRequest(code, zh, en));
            return hub.categories();
        }, list -> {
            busy.set(false);
            showCategories(list);
            categoryCode.set("");
            categoryZh.set("");
            categoryEn.set("");
            ok(lang.get("bo.category.added", BackOffice.english(lang) ? en : zh));
        }, this::failed);
    }

    // ------------------------------------------------------------------ audit log

    private record AuditQuery(String action, String actor, String from, String to, int page) {
        List<AuditEntry> run(ReviewHubClient hub) throws ReviewHubClient.HubException {
            return hub.audit(action, actor, from, to, page, AUDIT_PAGE);
        }
    }

    private AuditQuery auditQuery(int page) {
        String actor = auditActor.get().trim().toLowerCase(Locale.ROOT);
        return new AuditQuery(auditAction.get(), actor.isEmpty() ? null : actor,
                auditFrom.get() == null ? null : auditFrom.get().toString(),
                auditTo.get() == null ? null : auditTo.get().toString(), page);
    }

    public void searchAudit() {
        loadAudit(0);
    }

    public void nextAuditPage() {
        if (auditHasNext.get()) {
            loadAudit(auditPage.get() + 1);
        }
    }

    public void previousAuditPage() {
        if (auditPage.get() > 0) {
            loadAudit(auditPage.get() - 1);
        }
    }

    private void loadAudit(int page) {
        if (auditFrom.get() != null && auditTo.get() != null && auditTo.get().isBefore(auditFrom.get())) {
            refused("bo.audit.badRange");
            return;
        }
        AuditQuery q = auditQuery(page);
        busy.set(true);
        executor.run(() -> q.run(hub), list -> {
            busy.set(false);
            auditPage.set(page);
            showAudit(list);
            if (bannerIsError.get()) {
                banner.set("");
            }
        }, this::failed);
    }

    private void showAudit(List<AuditEntry> list) {
        List<AuditRow> rows = new ArrayList<>();
        for (AuditEntry e : list) {
            String key = "bo.audit.action." + e.action();
            rows.add(new AuditRow(BackOffice.time(e.at()), actor(e.actor()),
                    lang.bundle().containsKey(key) ? lang.get(key) : lang.get("bo.audit.action.other"),
                    target(orEmpty(e.target())), AuditWording.detail(lang, e)));
        }
        audit.setAll(rows);
        auditHasNext.set(rows.size() == AUDIT_PAGE);
        auditPageText.set(lang.get("bo.audit.page", Integer.toString(auditPage.get() + 1)));
    }

    private String actor(String actor) {
        if ("system".equals(actor)) {
            return lang.get("bo.audit.system");
        }
        if (actor.startsWith("device:")) {
            return lang.get("bo.fleet.device", actor.substring(7));
        }
        return actor;
    }

    /** "venue:12" as "场所 12": the kind of thing localized, its id as it is. */
    private String target(String target) {
        int colon = target.indexOf(':');
        if (colon <= 0) {
            return target.equals("checkins") ? lang.get("bo.audit.target.checkins") : target;
        }
        String kind = target.substring(0, colon);
        String id = target.substring(colon + 1);
        if (kind.equals("category")) {
            // a category by its name in the screen's language, not its code
            for (CategoryRow c : categories) {
                if (c.code().equals(id)) {
                    id = "zh".equals(lang.locale().getLanguage()) ? c.nameZh() : c.nameEn();
                    break;
                }
            }
        }
        String key = "bo.audit.target." + kind;
        return lang.bundle().containsKey(key) ? lang.get(key, id) : target;
    }

    // ------------------------------------------------------------------ retention

    private void showRetention(Retention r) {
        retentionDays.set(r.days());
        retentionText.set(lang.get("bo.retention.current", Integer.toString(r.days()), Integer.toString(r.defaultDays())));
        if (r.lastPurgeAt() == null) {
            lastPurgeText.set(lang.get("bo.retention.neverPurged"));
        } else {
            lastPurgeText.set(lang.get("bo.retention.lastPurge", BackOffice.time(r.lastPurgeAt()), r.lastPurgeDeleted(),
                    BackOffice.time(r.lastPurgeCutoff())));
        }
    }

    public void saveRetention() {
        int days = retentionDays.get();
        if (days < 1 || days > 365) {
            refused("bo.retention.range");
            return;
        }
        busy.set(true);
        executor.run(() -> hub.setRetention(days), r -> {
            busy.set(false);
            showRetention(r);
            ok(lang.get("bo.retention.saved", Integer.toString(days)));
        }, this::failed);
    }

    /** A revoked venue and the revocations after it. */
    private record Revoked(Venue venue, Revocations revocations) {
    }

    private String keyRole(KeyRole role) {
        return lang.get("bo.key.role." + role.name());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Long number(String s) {
        try {
            long v = Long.parseLong(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyBooleanProperty bannerIsErrorProperty() {
        return bannerIsError.getReadOnlyProperty();
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public ObjectProperty<Integer> newDistrictProperty() {
        return newDistrict;
    }

    public ObjectProperty<UserRow> selectedUserProperty() {
        return selectedUser;
    }

    public ObjectProperty<Role> editRoleProperty() {
        return editRole;
    }

    public ObjectProperty<Integer> editDistrictProperty() {
        return editDistrict;
    }

    public BooleanProperty editActiveProperty() {
        return editActive;
    }

    public StringProperty resetPasswordProperty() {
        return resetPassword;
    }

    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    public StringProperty pairingVenueIdProperty() {
        return pairingVenueId;
    }

    /** The hub address kiosks pair with, printed on the pairing sheet. */
    public String hubUrl() {
        return hub.hubUrl();
    }

    public ObservableList<PairingRow> pairingCodes() {
        return pairingCodes;
    }

    public ObservableList<RevokedRow> revokedVenues() {
        return revokedVenues;
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    public StringProperty revokeVenueIdProperty() {
        return revokeVenueId;
    }

    public StringProperty revokeReasonProperty() {
        return revokeReason;
    }

    public ObjectProperty<KeyRole> rotateRoleProperty() {
        return rotateRole;
    }

    public IntegerProperty rotateOverlapDaysProperty() {
        return rotateOverlapDays;
    }

    public ObservableList<CategoryRow> categories() {
        return categories;
    }

    public StringProperty categoryCodeProperty() {
        return categoryCode;
    }

    public StringProperty categoryZhProperty() {
        return categoryZh;
    }

    public StringProperty categoryEnProperty() {
        return categoryEn;
    }

    public ObservableList<AuditRow> audit() {
        return audit;
    }

    public ObjectProperty<String> auditActionProperty() {
        return auditAction;
    }

    public StringProperty auditActorProperty() {
        return auditActor;
    }

    public ObjectProperty<LocalDate> auditFromProperty() {
        return auditFrom;
    }

    public ObjectProperty<LocalDate> auditToProperty() {
        return auditTo;
    }

    public ReadOnlyBooleanProperty auditHasNextProperty() {
        return auditHasNext.getReadOnlyProperty();
    }

    public IntegerProperty auditPageProperty() {
        return auditPage;
    }

    public ReadOnlyStringProperty auditPageTextProperty() {
        return auditPageText.getReadOnlyProperty();
    }

    public IntegerProperty retentionDaysProperty() {
        return retentionDays;
    }

    public ReadOnlyStringProperty retentionTextProperty() {
        return retentionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastPurgeTextProperty() {
        return lastPurgeText.getReadOnlyProperty();
    }

    /** Districts for the district choice, null first (all districts). */
    public static List<Integer> districtChoices() {
        List<Integer> out = new ArrayList<>();
        out.add(null);
        out.addAll(Districts.all(false).keySet());
        return out;
    }

    // ------------------------------------------------------------------ the dashboard on this screen's toolbar

    /**
     * Puts the dashboard on this screen's own toolbar; only for a role that may see it
     * ({@link DashboardViewModel#shownTo}), so any other role never gets the button.
     */
    public void offerDashboard(DashboardViewModel d) {
        dashboard.set(d != null && DashboardViewModel.shownTo(hub.role()) ? d : null);
    }

    /** The dashboard this screen offers, or null when it offers none. */
    public ReadOnlyObjectProperty<DashboardViewModel> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }
}
