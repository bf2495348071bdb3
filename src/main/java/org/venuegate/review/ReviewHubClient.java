package org.venuegate.review;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.venuegate.api.ApplicationDashboard;
import org.venuegate.api.ApplicationDetail;
import org.venuegate.api.ApplicationPage;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.AuditEntry;
import org.venuegate.api.Category;
import org.venuegate.api.Citizen;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.CategoryRequest;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Device;
import org.venuegate.api.DeviceHealth;
import org.venuegate.api.PairingCode;
import org.venuegate.api.PairingCodeRequest;
import org.venuegate.api.PasswordReset;
import org.venuegate.api.Retention;
import org.venuegate.api.RetentionRequest;
import org.venuegate.api.Revocations;
import org.venuegate.api.RevokeRequest;
import org.venuegate.api.RotateRequest;
import org.venuegate.api.RotatedKey;
import org.venuegate.api.Stats;
import org.venuegate.api.SubjectTrace;
import org.venuegate.api.TrustRoot;
import org.venuegate.api.User;
import org.venuegate.api.UserCreated;
import org.venuegate.api.UserRequest;
import org.venuegate.api.UserUpdate;
import org.venuegate.api.Venue;
import org.venuegate.api.VenueTrace;
import org.venuegate.api.Verdict;
import org.venuegate.client.HubSession;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;

/**
 * The review workstation's view of the hub, in the records of {@code org.venuegate.api}. One shared
 * {@link OkHttpClient} (passed in); every response closed. Failures come back as {@link HubException}s that say
 * whether retrying can help.
 */
public final class ReviewHubClient extends HubSession {
    /**
     * The queue's filters as the list's query parameters; null (or blank text) leaves a filter out. Dates are
     * Tianjin dates, {@code to} inclusive.
     */
    public record ListQuery(ApplicationStatus status, String text, ApplicationSort sort, Integer district, String category,
                            LocalDate from, LocalDate to, int page, int size) {
        Map<String, String> parameters() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("status", status == null ? null : status.name());
            q.put("q", text);
            q.put("page", Integer.toString(page));
            q.put("size", Integer.toString(size));
            q.put("sort", sort == null ? null : sort.name());
            q.put("district", district == null ? null : district.toString());
            q.put("category", category);
            q.put("from", from == null ? null : from.toString());
            q.put("to", to == null ? null : to.toString());
            return q;
        }
    }

    public ReviewHubClient(OkHttpClient http, String hubUrl) {
        super(http, hubUrl);
    }

    public ApplicationPage list(ListQuery query) throws HubException {
        return call("GET", "applications", query.parameters(), null, ApplicationPage.class);
    }

    public ApplicationDetail decide(long id, Verdict decision, String reason, int version) throws HubException {
        return call("POST", "applications/" + id + "/decision", Map.of(), new DecisionRequest(decision, reason, version),
                ApplicationDetail.class);
    }

    public ApplicationDashboard dashboard() throws HubException {
        return call("GET", "applications/dashboard", Map.of(), null, ApplicationDashboard.class);
    }

    public Category addCategory(CategoryRequest category) throws HubException {
        return call("POST", "categories", Map.of(), category, Category.class);
    }

    public PairingCode createPairingCode(long venueId) throws HubException {
        return call("POST", "pairing-codes", Map.of(), new PairingCodeRequest(venueId), PairingCode.class);
    }

    public List<Venue> venuesOf(String creditCode) throws HubException {
        return list("venues", Map.of("creditCode", creditCode), Venue.class);
    }

    /** The signed trust list, checked against the hub's root key (the reviewer trusts the hub it logs into). */
    public TrustList trustList() throws HubException {
        TrustRoot root = call("GET", "trust-list/root", Map.of(), null, TrustRoot.class);
        // the document exactly as sent: its signature covers the payload text inside it
        String doc = new String(bytes("GET", "trust-list", Map.of(), null), StandardCharsets.UTF_8);
        var opened = SignedTrustList.open(doc, Ed25519.decodePublic(root.publicKey()));
        if (!opened.ok()) {
            throw new HubException(502, "TRUST_LIST_INVALID", "the hub's trust list does not verify: " + opened.problem());
        }
        return opened.list();
    }

    // ------------------------------------------------------------------ back office (issue 12 §3)

    public Stats stats(int days) throws HubException {
        return call("GET", "dashboard", Map.of("days", Integer.toString(days)), null, Stats.class);
    }

    public List<DeviceHealth> fleet() throws HubException {
        return list("devices/health", Map.of(), DeviceHealth.class);
    }

    public List<User> users() throws HubException {
        return list("users", Map.of(), User.class);
    }

    public UserCreated createUser(UserRequest user) throws HubException {
        return call("POST", "users", Map.of(), user, UserCreated.class);
    }

    public User updateUser(long id, UserUpdate update) throws HubException {
        return call("PUT", "users/" + id, Map.of(), update, User.class);
    }

    /** Registers a citizen in the simulated registry (admin): a green, independent code; the answer carries its subject. */
    public Citizen registerCitizen(String maskedName, boolean vaccinated) throws HubException {
        return call("POST", "citizens", Map.of(), new CitizenInput(null, maskedName, org.venuegate.core.code.Colour.GREEN, null,
                null, vaccinated, null, true), Citizen.class);
    }

    public void resetPassword(long id, String password) throws HubException {
        send("POST", "users/" + id + "/password", new PasswordReset(password));
    }

    public List<Device> devices() throws HubException {
        return list("devices", Map.of(), Device.class);
    }

    public void revokeDevice(long id) throws HubException {
        send("POST", "devices/" + id + "/revoke", null);
    }

    public Revocations revocations() throws HubException {
        return call("GET", "revocations", Map.of(), null, Revocations.class);
    }

    public Venue revokeVenue(long id, String reason) throws HubException {
        return call("POST", "venues/" + id + "/revoke", Map.of(), new RevokeRequest(reason), Venue.class);
    }

    public RotatedKey rotateKey(KeyRole role, int overlapDays) throws HubException {
        return call("POST", "keys/rotate", Map.of(), new RotateRequest(role, overlapDays), RotatedKey.class);
    }

    public void revokeKey(String keyId) throws HubException {
        send("POST", "keys/" + segment(keyId) + "/revoke", null);
    }

    public List<AuditEntry> audit(String action, String actor, String from, String to, int page, int size) throws HubException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("action", action);
        q.put("actor", actor);
        q.put("from", from);
        q.put("to", to);
        q.put("page", Integer.toString(page));
        q.put("size", Integer.toString(size));
        return list("audit", q, AuditEntry.class);
    }

    public Retention retention() throws HubException {
        return call("GET", "retention", Map.of(), null, Retention.class);
    }

    public Retention setRetention(int days) throws HubException {
        return call("PUT", "retention", Map.of(), new RetentionRequest(days), Retention.class);
    }

    public VenueTrace traceVenue(String caseRef, long venueId, String from, String to) throws HubException {
        return call("GET", "trace/venues/" + venueId, Map.of("caseRef", caseRef, "from", from, "to", to), null, VenueTrace.class);
    }

    public SubjectTrace traceSubject(String caseRef, String subject, String from, String to) throws HubException {
        return call("GET", "trace/subjects/" + segment(subject), Map.of("caseRef", caseRef, "from", from, "to", to), null,
                SubjectTrace.class);
    }

    /** One path segment, percent-encoded (subjects and key ids are the caller's text). */
    private static String segment(String raw) {
        return HttpUrl.parse("http://x/").newBuilder().addPathSegment(raw).build().encodedPath().substring(1);
    }
}
