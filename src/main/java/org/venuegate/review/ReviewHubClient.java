package org.venuegate.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.venuegate.client.HubSession;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.venuegate.core.json.Json;

/**
 * The review workstation's view of the hub. One shared {@link OkHttpClient} (passed in); every response closed.
 * Failures come back as {@link HubException}s that say whether retrying can help.
 */
public final class ReviewHubClient extends HubSession {
    public ReviewHubClient(OkHttpClient http, String hubUrl) {
        super(http, hubUrl);
    }

    public JsonNode counts() throws HubException {
        return json("GET", "applications/counts", Map.of(), null);
    }

    public JsonNode list(Map<String, String> query) throws HubException {
        return json("GET", "applications", query, null);
    }

    public JsonNode get(long id) throws HubException {
        return json("GET", "applications/" + id, Map.of(), null);
    }

    public JsonNode decide(long id, String decision, String reason, int version) throws HubException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("version", version);
        if (reason != null) {
            body.put("reason", reason);
        }
        return json("POST", "applications/" + id + "/decision", Map.of(), body);
    }

    public JsonNode dashboard() throws HubException {
        return json("GET", "applications/dashboard", Map.of(), null);
    }

    public JsonNode categories() throws HubException {
        return json("GET", "categories", Map.of(), null);
    }

    public JsonNode addCategory(String code, String nameZh, String nameEn) throws HubException {
        return json("POST", "categories", Map.of(), Map.of("code", code, "nameZh", nameZh, "nameEn", nameEn));
    }

    public JsonNode createPairingCode(long venueId) throws HubException {
        return json("POST", "pairing-codes", Map.of(), Map.of("venueId", venueId));
    }

    public JsonNode venue(long id) throws HubException {
        return json("GET", "venues/" + id, Map.of(), null);
    }

    public JsonNode venuesOf(String creditCode) throws HubException {
        return json("GET", "venues", Map.of("creditCode", creditCode), null);
    }

    /** The signed trust list, checked against the hub's root key (the reviewer trusts the hub it logs into). */
    public org.venuegate.core.trust.TrustList trustList() throws HubException {
        JsonNode root = json("GET", "trust-list/root", Map.of(), null);
        JsonNode doc = json("GET", "trust-list", Map.of(), null);
        try {
            var opened = org.venuegate.core.trust.SignedTrustList.open(Json.mapper().writeValueAsString(doc),
                    org.venuegate.core.crypto.Ed25519.decodePublic(root.get("publicKey").asText()));
            if (!opened.ok()) {
                throw new HubException(502, "TRUST_LIST_INVALID", "the hub's trust list does not verify: " + opened.problem());
            }
            return opened.list();
        } catch (IOException e) {
            throw new HubException(502, "TRUST_LIST_INVALID", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ back office (issue 12 §3)

    public JsonNode stats(int days) throws HubException {
        return json("GET", "dashboard", Map.of("days", Integer.toString(days)), null);
    }

    public JsonNode fleet() throws HubException {
        return json("GET", "devices/health", Map.of(), null);
    }

    public JsonNode users() throws HubException {
        return json("GET", "users", Map.of(), null);
    }

    public JsonNode createUser(String username, String password, String role, Integer district) throws HubException {
        return createUser(username, password, role, district, null);
    }

    /** @param subjectId the citizen a CITIZEN account belongs to; null for the other roles */
    public JsonNode createUser(String username, String password, String role, Integer district, Long subjectId)
            throws HubException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        body.put("district", district);
        if (subjectId != null) {
            body.put("subjectId", subjectId);
        }
        return json("POST", "users", Map.of(), body);
    }

    /** Registers a citizen in the simulated registry (admin); the answer carries the new {@code subjectId}. */
    public JsonNode registerCitizen(String maskedName, boolean vaccinated) throws HubException {
        return json("POST", "citizens", Map.of(), Map.of("maskedName", maskedName, "colour", "GREEN",
                "vaccinated", vaccinated, "independent", true));
    }

    public JsonNode updateUser(long id, String role, Integer district, boolean active) throws HubException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("district", district);
        body.put("active", active);
        return json("PUT", "users/" + id, Map.of(), body);
    }

    public void resetPassword(long id, String password) throws HubException {
        bytes("POST", "users/" + id + "/password", Map.of(), Map.of("password", password));
    }

    public JsonNode devices() throws HubException {
        return json("GET", "devices", Map.of(), null);
    }

    public void revokeDevice(long id) throws HubException {
        bytes("POST", "devices/" + id + "/revoke", Map.of(), Map.of());
    }

    public JsonNode revocations() throws HubException {
        return json("GET", "revocations", Map.of(), null);
    }

    public JsonNode revokeVenue(long id, String reason) throws HubException {
        return json("POST", "venues/" + id + "/revoke", Map.of(), Map.of("reason", reason));
    }

    public JsonNode rotateKey(String role, int overlapDays) throws HubException {
        return json("POST", "keys/rotate", Map.of(), Map.of("role", role, "overlapDays", overlapDays));
    }

    public void revokeKey(String keyId) throws HubException {
        bytes("POST", "keys/" + keyId + "/revoke", Map.of(), Map.of());
    }

    public JsonNode audit(String action, String actor, String from, String to, int page, int size) throws HubException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("action", action);
        q.put("actor", actor);
        q.put("from", from);
        q.put("to", to);
        q.put("page", Integer.toString(page));
        q.put("size", Integer.toString(size));
        return json("GET", "audit", q, null);
    }

    public JsonNode retention() throws HubException {
        return json("GET", "retention", Map.of(), null);
    }

    public JsonNode setRetention(int days) throws HubException {
        return json("PUT", "retention", Map.of(), Map.of("days", days));
    }

    public JsonNode traceVenue(String caseRef, long venueId, String from, String to) throws HubException {
        return json("GET", "trace/venues/" + venueId, Map.of("caseRef", caseRef, "from", from, "to", to), null);
    }

    public JsonNode traceSubject(String caseRef, String subject, String from, String to) throws HubException {
        return json("GET", "trace/subjects/" + okhttp3.HttpUrl.parse("http://x/").newBuilder().addPathSegment(subject).build()
                .encodedPath().substring(1), Map.of("caseRef", caseRef, "from", from, "to", to), null);
    }
}
