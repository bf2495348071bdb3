package org.venuegate.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.venuegate.core.json.Json;

/**
 * The review workstation's view of the hub. One shared {@link OkHttpClient} (passed in); every response closed.
 * Failures come back as {@link HubException}s that say whether retrying can help.
 */
public final class ReviewHubClient {
    private static final MediaType JSON = MediaType.get("application/json");

    /** A failed call: {@code status} 0 means the hub could not be reached at all. */
    public static final class HubException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        public HubException(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public boolean unreachable() {
            return status == 0 || status >= 500;
        }

        public boolean sessionExpired() {
            return status == 401;
        }

        public boolean conflict() {
            return status == 409;
        }
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private volatile String token;
    private volatile String username;

    public ReviewHubClient(OkHttpClient http, String hubUrl) {
        this.http = http;
        HttpUrl parsed = HttpUrl.parse(hubUrl.endsWith("/") ? hubUrl + "api/v1/" : hubUrl + "/api/v1/");
        if (parsed == null) {
            throw new IllegalArgumentException("'" + hubUrl + "' is not an http(s) URL");
        }
        this.base = parsed;
    }

    public JsonNode login(String user, String password) throws HubException {
        JsonNode r = call("POST", "auth/login", Map.of(), Map.of("username", user, "password", password));
        token = r.get("token").asText();
        username = r.get("username").asText();
        return r;
    }

    public String username() {
        return username;
    }

    public JsonNode counts() throws HubException {
        return call("GET", "applications/counts", Map.of(), null);
    }

    public JsonNode list(Map<String, String> query) throws HubException {
        return call("GET", "applications", query, null);
    }

    public JsonNode get(long id) throws HubException {
        return call("GET", "applications/" + id, Map.of(), null);
    }

    public JsonNode decide(long id, String decision, String reason, int version) throws HubException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("version", version);
        if (reason != null) {
            body.put("reason", reason);
        }
        return call("POST", "applications/" + id + "/decision", Map.of(), body);
    }

    public JsonNode dashboard() throws HubException {
        return call("GET", "applications/dashboard", Map.of(), null);
    }

    public JsonNode categories() throws HubException {
        return call("GET", "categories", Map.of(), null);
    }

    public JsonNode addCategory(String code, String nameZh, String nameEn) throws HubException {
        return call("POST", "categories", Map.of(), Map.of("code", code, "nameZh", nameZh, "nameEn", nameEn));
    }

    public JsonNode createPairingCode(long venueId) throws HubException {
        return call("POST", "pairing-codes", Map.of(), Map.of("venueId", venueId));
    }

    public JsonNode venue(long id) throws HubException {
        return call("GET", "venues/" + id, Map.of(), null);
    }

    public JsonNode venuesOf(String creditCode) throws HubException {
        return call("GET", "venues", Map.of("creditCode", creditCode), null);
    }

    /** The signed trust list, checked against the hub's root key (the reviewer trusts the hub it logs into). */
    public org.venuegate.core.trust.TrustList trustList() throws HubException {
        JsonNode root = call("GET", "trust-list/root", Map.of(), null);
        JsonNode doc = call("GET", "trust-list", Map.of(), null);
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

    JsonNode call(String method, String path, Map<String, String> query, Object body) throws HubException {
        HttpUrl resolved = base.resolve(path);
        if (resolved == null) {
            throw new IllegalArgumentException(path);
        }
        HttpUrl.Builder url = resolved.newBuilder();
        query.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.addQueryParameter(k, v);
            }
        });
        RequestBody rb = null;
        if (body != null) {
            try {
                rb = RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Request.Builder req = new Request.Builder().url(url.build()).method(method, rb);
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        try (Response r = http.newCall(req.build()).execute()) {
            String text = r.body().string();
            JsonNode json = text.isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(text);
            if (!r.isSuccessful()) {
                String code = json.path("error").asText("HTTP_" + r.code());
                throw new HubException(r.code(), code, json.path("message").asText("HTTP " + r.code()));
            }
            return json;
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw new HubException(0, "UNREACHABLE", "the hub at " + base + " cannot be reached: " + e.getMessage());
        }
    }
}
