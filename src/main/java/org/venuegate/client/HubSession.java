package org.venuegate.client;

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
 * What the desktop clients of the hub (review workstation, phone) share: one {@link OkHttpClient} passed in, the
 * bearer token after login, JSON calls under {@code /api/v1} with every response closed, and failures as
 * {@link HubException}s that say whether retrying can help. The kiosk has its own client (device token, receipts).
 */
public abstract class HubSession {
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
    private volatile String username;
    private volatile String role;

    protected HubSession(OkHttpClient http, String hubUrl) {
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
        username = r.get("username").asText();
        role = r.path("role").asText(null);
        return r;
    }

    /** The hub's address as the user gave it (without the API prefix), e.g. for a kiosk's pairing sheet. */
    public String hubUrl() {
        String s = base.toString();
        return s.substring(0, s.length() - "api/v1/".length());
    }

    public String username() {
        return username;
    }

    /** The role the hub gave at the last login ({@code REVIEWER}, {@code ADMIN}, ...), or null before it. */
    public String role() {
        return role;
    }

    protected JsonNode json(String method, String path, Map<String, String> query, Object body) throws HubException {
        byte[] b = bytes(method, path, query, body);
        try {
            return b.length == 0 ? Json.mapper().nullNode() : Json.mapper().readTree(b);
        } catch (IOException e) {
            throw new HubException(502, "BAD_RESPONSE", "the hub answered something that is not JSON: " + e.getMessage());
        }
    }

    protected byte[] bytes(String method, String path, Map<String, String> query, Object body) throws HubException {
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
