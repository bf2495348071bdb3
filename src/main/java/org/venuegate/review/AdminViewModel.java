package org.venuegate.review;

import com.fasterxml.jackson.databind.JsonNode;
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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.venuegate.core.place.Districts;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The admin's screens: users (create, disable, reset password, role and district), devices (list, revoke, pairing
 * codes for a printable sheet), revocations (venues with reason, keys) and key rotation, industry categories, the
 * audit log with filters, and retention with the last purge. Texts are localized here; what the user typed stays
 * when the hub refuses or cannot be reached.
 */
public final class AdminViewModel {
    /** Roles an admin gives to accounts made here (citizens sign up on the phone). */
    public static final List<String> ROLES = List.of("REVIEWER", "ADMIN", "TRACER");
    /** Key roles that can be rotated here (the root key is pinned by every kiosk). */
    public static final List<String> ROTATABLE = List.of("HEALTH", "VENUE");
    /** Audit actions the filter offers, in the order the list shows them. */
    public static final List<String> ACTIONS = List.of("DECISION_PASS", "DECISION_FAIL", "VENUE_REVOKE", "DEVICE_PAIRED",
            "DEVICE_REVOKE", "PAIRING_CODE", "CATEGORY_ADD", "KEY_ROTATE", "KEY_REVOKE", "USER_UPDATE", "PASSWORD_RESET",
            "CITIZEN_REGISTER", "COLOUR_CHANGE", "DEPENDANT_ADD", "TRACE_VENUE", "TRACE_SUBJECT", "RETENTION_SET",
            "RETENTION_PURGE");
    public static final int AUDIT_PAGE = 100;

    /** A user account row. */
    public record UserRow(long id, String username, String role, String roleText, Integer district, String districtText,
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
    public record KeyRow(String keyId, String role, String roleText, String validFrom, String validTo, String statusText,
                         boolean revoked) {
    }

    /** An industry category, by name. */
    public record CategoryRow(String code, String nameZh, String nameEn) {
    }

    /** An audit entry for the screen. */
    public record AuditRow(String time, String actor, String action, String target, String detail) {
    }

    private final ReviewHubClient hub;
    private final UiExecutor executor;
    private final Lang lang;
    private final Clock clock;

    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper bannerIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(false);

    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final StringProperty newUsername = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ObjectProperty<String> newRole = new SimpleObjectProperty<>("REVIEWER");
    private final ObjectProperty<Integer> newDistrict = new SimpleObjectProperty<>();
    private final ObjectProperty<UserRow> selectedUser = new SimpleObjectProperty<>();
    private final ObjectProperty<String> editRole = new SimpleObjectProperty<>();
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
    private final ObjectProperty<String> rotateRole = new SimpleObjectProperty<>("VENUE");
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
        this.hub = hub;
        this.executor = executor;
        this.lang = lang;
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

    private void failed(Throwable e) {
        busy.set(false);
        sessionExpired.set(BackOffice.expired(e));
        bannerIsError.set(true);
        banner.set(BackOffice.error(lang, e));
    }

    private void refused(String key, Object... args) {
        bannerIsError.set(true);
        banner.set(lang.get(key, args));
    }

    private record All(JsonNode users, JsonNode devices, JsonNode revocations, JsonNode categories, JsonNode audit,
                       JsonNode retention) {
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

    private void showUsers(JsonNode list) {
        Long keep = selectedUser.get() == null ? null : selectedUser.get().id();
        List<UserRow> rows = new ArrayList<>();
        for (JsonNode u : list) {
            Integer district = u.get("district").isNull() ? null : u.get("district").asInt();
            boolean active = u.get("active").asBoolean();
            rows.add(new UserRow(u.get("id").asLong(), u.get("username").asText(), u.get("role").asText(),
                    BackOffice.role(lang, u.get("role").asText()), district,
                    "REVIEWER".equals(u.get("role").asText()) ? BackOffice.district(lang, district) : lang.get("bo.none"),
                    active, lang.get(active ? "bo.user.active" : "bo.user.disabled"),
                    BackOffice.time(Instant.parse(u.get("createdAt").asText()))));
        }
        users.setAll(rows);
        selectedUser.set(rows.stream().filter(r -> keep != null && r.id() == keep).findFirst().orElse(null));
    }

    public void createUser() {
        String name = newUsername.get().trim().toLowerCase(Locale.ROOT);
        String password = newPassword.get();
        String role = newRole.get();
        Integer district = "REVIEWER".equals(role) ? newDistrict.get() : null;
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
            hub.createUser(name, password, role, district);
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
        String role = editRole.get() == null ? u.role() : editRole.get();
        Integer district = "REVIEWER".equals(role) ? editDistrict.get() : null;
        boolean active = editActive.get();
        busy.set(true);
        executor.run(() -> {
            hub.updateUser(u.id(), role, district, active);
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

    private void showDevices(JsonNode list) {
        List<DeviceRow> rows = new ArrayList<>();
        for (JsonNode d : list) {
            boolean revoked = !d.get("revokedAt").isNull();
            String label = d.get("label").isNull() || d.get("label").asText().isBlank()
                    ? lang.get("bo.fleet.device", Long.toString(d.get("deviceId").asLong())) : d.get("label").asText();
            rows.add(new DeviceRow(d.get("deviceId").asLong(), label, d.get("venueId").asLong(),
                    d.get("venueName").isNull() ? lang.get("bo.venueNo", Long.toString(d.get("venueId").asLong()))
                            : d.get("venueName").asText(),
                    BackOffice.time(Instant.parse(d.get("pairedAt").asText())),
                    revoked ? lang.get("bo.device.revokedAt", BackOffice.time(Instant.parse(d.get("revokedAt").asText())))
                            : lang.get("bo.device.active"), revoked));
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
            JsonNode p = hub.createPairingCode(venue);
            JsonNode v = hub.venue(venue);
            return new PairingRow(p.get("code").asText(), venue, v.get("name").asText(),
                    BackOffice.time(Instant.parse(p.get("expiresAt").asText())));
        }, row -> {
            busy.set(false);
            pairingCodes.add(row);
            pairingVenueId.set("");
            ok(lang.get("bo.pairing.created", row.code(), row.venueName(), row.expires()));
        }, this::failed);
    }

    // ------------------------------------------------------------------ revocations and keys

    private void showRevocations(JsonNode r) {
        List<RevokedRow> venues = new ArrayList<>();
        for (JsonNode v : r.get("venues")) {
            venues.add(new RevokedRow(v.get("number").asText(), v.get("name").asText(),
                    BackOffice.time(Instant.parse(v.get("revokedAt").asText())), v.path("revokedBy").asText(""),
                    v.path("reason").asText("")));
        }
        revokedVenues.setAll(venues);
        Instant now = clock.instant();
        List<KeyRow> ks = new ArrayList<>();
        for (JsonNode k : r.get("keys")) {
            boolean revoked = k.get("revoked").asBoolean();
            Instant from = Instant.parse(k.get("notBefore").asText());
            Instant to = Instant.parse(k.get("notAfter").asText());
            String status = revoked ? lang.get("bo.key.revoked") : now.isBefore(from) ? lang.get("bo.key.future")
                    : now.isAfter(to) ? lang.get("bo.key.expired") : lang.get("bo.key.valid");
            ks.add(new KeyRow(k.get("keyId").asText(), k.get("role").asText(), lang.get("bo.key.role." + k.get("role").asText()),
                    BackOffice.time(from), BackOffice.time(to), status, revoked));
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
            JsonNode v = hub.revokeVenue(venue, reason);
            return new Object[] {v, hub.revocations()};
        }, out -> {
            busy.set(false);
            showRevocations((JsonNode) out[1]);
            revokeVenueId.set("");
            revokeReason.set("");
            ok(lang.get("bo.revoke.done", ((JsonNode) out[0]).get("name").asText()));
        }, this::failed);
    }

    public void rotateKey() {
        String role = rotateRole.get();
        int overlap = rotateOverlapDays.get();
        if (role == null || !ROTATABLE.contains(role)) {
            refused("bo.key.chooseRole");
            return;
        }
        busy.set(true);
        executor.run(() -> {
            JsonNode k = hub.rotateKey(role, overlap);
            return new Object[] {k, hub.revocations()};
        }, out -> {
            busy.set(false);
            showRevocations((JsonNode) out[1]);
            ok(lang.get("bo.key.rotated", lang.get("bo.key.role." + role), Integer.toString(overlap)));
        }, this::failed);
    }

    public void revokeKey(KeyRow k) {
        if (k == null || k.revoked()) {
            refused("bo.key.selectValid");
            return;
        }
        if ("ROOT".equals(k.role())) {
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

    private void showCategories(JsonNode list) {
        List<CategoryRow> rows = new ArrayList<>();
        for (JsonNode c : list) {
            rows.add(new CategoryRow(c.get("code").asText(), c.get("nameZh").asText(), c.get("nameEn").asText()));
        }
        categories.setAll(rows);
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
            hub.addCategory(code, zh, en);
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
        JsonNode run(ReviewHubClient hub) throws ReviewHubClient.HubException {
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

    private void showAudit(JsonNode list) {
        List<AuditRow> rows = new ArrayList<>();
        for (JsonNode e : list) {
            String action = e.get("action").asText();
            String key = "bo.audit.action." + action;
            rows.add(new AuditRow(BackOffice.time(Instant.parse(e.get("at").asText())), actor(e.get("actor").asText()),
                    lang.bundle().containsKey(key) ? lang.get(key) : lang.get("bo.audit.action.other"),
                    target(e.path("target").asText("")), e.path("detail").asText("")));
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
        String key = "bo.audit.target." + target.substring(0, colon);
        return lang.bundle().containsKey(key) ? lang.get(key, target.substring(colon + 1)) : target;
    }

    // ------------------------------------------------------------------ retention

    private void showRetention(JsonNode r) {
        retentionDays.set(r.get("days").asInt());
        retentionText.set(lang.get("bo.retention.current", Integer.toString(r.get("days").asInt()),
                Integer.toString(r.get("defaultDays").asInt())));
        if (r.get("lastPurgeAt").isNull()) {
            lastPurgeText.set(lang.get("bo.retention.neverPurged"));
        } else {
            lastPurgeText.set(lang.get("bo.retention.lastPurge", BackOffice.time(Instant.parse(r.get("lastPurgeAt").asText())),
                    r.get("lastPurgeDeleted").asLong(), BackOffice.time(Instant.parse(r.get("lastPurgeCutoff").asText()))));
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

    private static Long number(String s) {
        try {
            long v = Long.parseLong(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerIsErrorProperty() {
        return bannerIsError.getReadOnlyProperty();
    }

    /** The hub no longer knows this session: the window asks for the password again; nothing typed is lost. */
    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    /** After a new login: the banner about the expired session goes. */
    public void sessionRenewed() {
        sessionExpired.set(false);
        banner.set("");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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

    public ObjectProperty<String> newRoleProperty() {
        return newRole;
    }

    public ObjectProperty<Integer> newDistrictProperty() {
        return newDistrict;
    }

    public ObjectProperty<UserRow> selectedUserProperty() {
        return selectedUser;
    }

    public ObjectProperty<String> editRoleProperty() {
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

    public ObjectProperty<String> rotateRoleProperty() {
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
}
