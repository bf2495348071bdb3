package org.venuegate.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.venuegate.core.json.Json;

/**
 * The citizen phone's view of the hub: its own health code and dependants, unveiling, and its own venue-code
 * applications. One shared {@link OkHttpClient} (passed in); every response closed; failures are {@link HubException}s.
 */
public final class PhoneHubClient {
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

        /** The hub refused the scanned text as a venue code (FAQ 5). */
        public boolean invalidVenueCode() {
            return "INVALID_VENUE_CODE".equals(code);
        }

        /** For {@code INVALID_FIELD} answers ("field: message"): the field, or null. */
        public String field() {
            String m = getMessage();
            int colon = m == null ? -1 : m.indexOf(':');
            return "INVALID_FIELD".equals(code) && colon > 0 ? m.substring(0, colon).trim() : null;
        }
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private volatile String token;

    public PhoneHubClient(OkHttpClient http, String hubUrl) {
        this.http = http;
        HttpUrl parsed = HttpUrl.parse(hubUrl.endsWith("/") ? hubUrl + "api/v1/" : hubUrl + "/api/v1/");
        if (parsed == null) {
            throw new IllegalArgumentException("'" + hubUrl + "' is not an http(s) URL");
        }
        this.base = parsed;
    }

    public JsonNode login(String user, String password) throws HubException {
        JsonNode r = json("POST", "auth/login", Map.of(), Map.of("username", user, "password", password));
        token = r.get("token").asText();
        return r;
    }

    /** Self and dependants, veiled: colour, reason, follow-up, badge, last negative test, proxy. */
    public JsonNode me() throws HubException {
        return json("GET", "citizens/me", Map.of(), null);
    }

    /** Lifts the veil for a scanned venue code; 400 {@code INVALID_VENUE_CODE} when it is not one. */
    public JsonNode unveil(long subject, String venueCode) throws HubException {
        return json("POST", "citizens/" + subject + "/unveil", Map.of(), Map.of("venueCode", venueCode));
    }

    public JsonNode categories() throws HubException {
        return json("GET", "categories", Map.of(), null);
    }

    /** Submits as the organiser: the phone never offers to apply as an agent (FAQ site-code 8). */
    public JsonNode submit(Map<String, Object> application) throws HubException {
        return json("POST", "applications", Map.of(), application);
    }

    public JsonNode applications(String status) throws HubException {
        return json("GET", "applications", Map.of("status", status, "sort", "SUBMITTED_AT_DESC", "size", "200"), null);
    }

    public JsonNode counts() throws HubException {
        return json("GET", "applications/counts", Map.of(), null);
    }

    public JsonNode application(long id) throws HubException {
        return json("GET", "applications/" + id, Map.of(), null);
    }

    public JsonNode venue(long id) throws HubException {
        return json("GET", "venues/" + id, Map.of(), null);
    }

    /** The venue-code text of one of the caller's own venues. */
    public String venueCodeText(long id) throws HubException {
        return json("GET", "venues/" + id + "/code", Map.of(), null).get("text").asText();
    }

    public byte[] posterPng(long id) throws HubException {
        return bytes("GET", "venues/" + id + "/poster.png", Map.of(), null);
    }

    private JsonNode json(String method, String path, Map<String, String> query, Object body) throws HubException {
        byte[] b = bytes(method, path, query, body);
        try {
            return b.length == 0 ? Json.mapper().nullNode() : Json.mapper().readTree(b);
        } catch (IOException e) {
            throw new HubException(502, "BAD_RESPONSE", "the hub answered something that is not JSON: " + e.getMessage());
        }
    }

    private byte[] bytes(String method, String path, Map<String, String> query, Object body) throws HubException {
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
            byte[] bytes = r.body().bytes();
            if (!r.isSuccessful()) {
                JsonNode err;
                try {
                    err = bytes.length == 0 ? Json.mapper().nullNode() : Json.mapper().readTree(bytes);
                } catch (IOException e) {
                    err = Json.mapper().nullNode();
                }
                throw new HubException(r.code(), err.path("error").asText("HTTP_" + r.code()),
                        err.path("message").asText("HTTP " + r.code()));
            }
            return bytes;
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw new HubException(0, "UNREACHABLE", "the hub at " + base + " cannot be reached: " + e.getMessage());
        }
    }
}
