package org.venuegate.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.venuegate.api.ApplicationCounts;
import org.venuegate.api.ApplicationDetail;
import org.venuegate.api.Category;
import org.venuegate.api.ErrorBody;
import org.venuegate.api.Login;
import org.venuegate.api.LoginRequest;
import org.venuegate.api.Role;
import org.venuegate.api.Venue;
import org.venuegate.core.json.Json;

/**
 * What the desktop clients of the hub (review workstation, phone) share: one {@link OkHttpClient} passed in, the
 * bearer token after login, calls under {@code /api/v1} that send and receive the records of
 * {@code org.venuegate.api} with every response closed, and failures as {@link HubException}s that say whether
 * retrying can help. The kiosk has its own client (device token, receipts).
 */
public abstract class HubSession {
    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * Answers are read leniently: a newer hub may add a field, and a workstation not yet updated should still work.
     * OpenApiContractTest keeps the records and the spec in step.
     */
    private static final ObjectReader ANSWERS = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final byte[] NO_BODY = new byte[0];

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
    private volatile Role role;

    protected HubSession(OkHttpClient http, String hubUrl) {
        this.http = http;
        HttpUrl parsed = HttpUrl.parse(hubUrl.endsWith("/") ? hubUrl + "api/v1/" : hubUrl + "/api/v1/");
        if (parsed == null) {
            throw new IllegalArgumentException("'" + hubUrl + "' is not an http(s) URL");
        }
        this.base = parsed;
    }

    public Login login(String user, String password) throws HubException {
        Login r = call("POST", "auth/login", Map.of(), new LoginRequest(user, password), Login.class);
        token = r.token();
        username = r.username();
        role = r.role();
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

    /** The role the hub gave at the last login, or null before it. */
    public Role role() {
        return role;
    }

    // ------------------------------------------------------------------ what both the phone and the workstation read

    /** Applications per status, of those the caller may see. */
    public ApplicationCounts counts() throws HubException {
        return call("GET", "applications/counts", Map.of(), null, ApplicationCounts.class);
    }

    /** One application with its history, checks and the one it replaces. */
    public ApplicationDetail application(long id) throws HubException {
        return call("GET", "applications/" + id, Map.of(), null, ApplicationDetail.class);
    }

    public List<Category> categories() throws HubException {
        return list("categories", Map.of(), Category.class);
    }

    public Venue venue(long id) throws HubException {
        return call("GET", "venues/" + id, Map.of(), null, Venue.class);
    }

    /** Sends {@code body} (a request record, or null) and reads the answer as {@code answer}. */
    protected <T> T call(String method, String path, Map<String, String> query, Object body, Class<T> answer)
            throws HubException {
        return read(bytes(method, path, query, body), Json.mapper().constructType(answer));
    }

    /** Reads an answer that is a JSON array of {@code element}. */
    protected <T> List<T> list(String path, Map<String, String> query, Class<T> element) throws HubException {
        return read(bytes("GET", path, query, null), Json.mapper().getTypeFactory().constructCollectionType(List.class, element));
    }

    /** A call whose answer has no body (204). */
    protected void send(String method, String path, Object body) throws HubException {
        bytes(method, path, Map.of(), body);
    }

    private static <T> T read(byte[] b, JavaType type) throws HubException {
        try {
            T value = ANSWERS.forType(type).readValue(b);
            if (value == null) {
                throw new HubException(502, "BAD_RESPONSE", "the hub answered nothing where a " + type + " was expected");
            }
            return value;
        } catch (IOException e) {
            throw new HubException(502, "BAD_RESPONSE", "the hub answered something that is not a " + type + ": " + e.getMessage());
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
        } else if (method.equals("POST") || method.equals("PUT")) {
            // commands without a body (revoke, unlock) still need one for OkHttp
            rb = RequestBody.create(NO_BODY, null);
        }
        Request.Builder req = new Request.Builder().url(url.build()).method(method, rb);
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        try (Response r = http.newCall(req.build()).execute()) {
            byte[] bytes = r.body().bytes();
            if (!r.isSuccessful()) {
                ErrorBody err = errorBody(bytes);
                throw new HubException(r.code(), err.error() != null ? err.error() : "HTTP_" + r.code(),
                        err.message() != null ? err.message() : "HTTP " + r.code());
            }
            return bytes;
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw new HubException(0, "UNREACHABLE", "the hub at " + base + " cannot be reached: " + e.getMessage());
        }
    }

    /** The error answer, or an empty one when a proxy or a crashed hub sent something else. */
    private static ErrorBody errorBody(byte[] bytes) {
        try {
            ErrorBody e = bytes.length == 0 ? null : ANSWERS.forType(ErrorBody.class).readValue(bytes);
            return e != null ? e : new ErrorBody(null, null);
        } catch (IOException e) {
            return new ErrorBody(null, null);
        }
    }
}
