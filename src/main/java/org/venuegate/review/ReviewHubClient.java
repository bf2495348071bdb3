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
}
