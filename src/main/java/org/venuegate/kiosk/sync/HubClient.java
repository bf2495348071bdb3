package org.venuegate.kiosk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.venuegate.api.Checkin;
import org.venuegate.api.CheckinBatch;
import org.venuegate.api.HealthReport;
import org.venuegate.api.PairRequest;
import org.venuegate.api.Pairing;
import org.venuegate.api.TimeRequest;
import org.venuegate.api.Venue;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.journal.Entry;
import org.venuegate.kiosk.journal.Record;

/**
 * The kiosk's side of the hub API. Built around one shared {@link OkHttpClient} (its connection pool and threads are
 * meant to be shared; the kiosk owns it and closes it at exit). Every failure becomes a {@link HubUnavailableException}
 * (retry later) or a {@link HubRejectedException} (the hub said no, and why). What it sends and reads are the
 * hub's own records of {@code org.venuegate.api}, so a field renamed on either side does not compile on the other.
 */
public final class HubClient {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String PREFIX = "api/v1";
    // Lenient on unknown fields (a newer hub may add some, and the kiosk must keep syncing) and on numbers and flags
    // left out (read as 0 and false, as the kiosk's own records did before it read the API's): what the kiosk relies
    // on is checked where it is used, such as a receipt's three lists.
    private static final ObjectReader READER = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final OkHttpClient http;
    private final HttpUrl api;
    private final String token;
    private final long deviceId;
    private final PrivateKey deviceKey;

    /**
     * @param baseUrl   the hub's address, such as {@code http://hub.example:8080} (a trailing {@code /api/v1} is fine)
     * @param token     the device token from pairing
     * @param deviceId  this kiosk's device id from pairing, which its batch signatures name
     * @param deviceKey the key this kiosk made at pairing; null for a kiosk paired before kiosks had keys (the hub
     *                  then refuses its check-ins, saying to pair again)
     */
    /** A client that reads from the hub (trust list, time, venue) but cannot sign check-ins. */
    public HubClient(OkHttpClient http, String baseUrl, String token) {
        this(http, baseUrl, token, 0, null);
    }

    public HubClient(OkHttpClient http, String baseUrl, String token, long deviceId, PrivateKey deviceKey) {
        this.http = Objects.requireNonNull(http, "http");
        this.api = apiUrl(baseUrl);
        this.token = Objects.requireNonNull(token, "token");
        this.deviceId = deviceId;
        this.deviceKey = deviceKey;
    }

    static HttpUrl apiUrl(String baseUrl) {
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("hub address '" + baseUrl + "' is not an http:// or https:// URL");
        }
        String path = url.encodedPath().replaceAll("/+$", "");
        if (path.endsWith("/" + PREFIX)) {
            path = path.substring(0, path.length() - PREFIX.length() - 1);
        }
        return url.newBuilder().encodedPath(path + "/" + PREFIX + "/").build();
    }

    /** The hub's API root this client talks to, ending in {@code /api/v1/}. */
    public HttpUrl apiUrl() {
        return api;
    }

    /** Exchanges a one-time pairing code for a device token, registering this kiosk's public key; needs no token. */
    public static Pairing pair(OkHttpClient http, String baseUrl, String pairingCode, String label, PublicKey deviceKey)
            throws HubException {
        HttpUrl url = apiUrl(baseUrl).resolve("devices/pair");
        Request req = new Request.Builder().url(url)
                .post(body(new PairRequest(pairingCode, label, Ed25519.encodePublic(deviceKey)))).build();
        Raw raw = execute(http, req, "pairing");
        return parse(raw, Pairing.class, "pairing");
    }

    /**
     * True once a hub released before batches named their signature scheme refused the field: this client then signs
     * as that hub verifies, the whole message under the legacy scheme with no scheme named, until it is made again
     * (the kiosk restarts), so a kiosk updated before its hub keeps syncing.
     */
    private volatile boolean legacyHub;

    /** Sends check-ins; the receipt says for each one whether the hub holds it now. */
    public Receipt postCheckins(List<Record> records) throws HubException {
        List<Checkin> items = records.stream().map(HubClient::checkin).toList();
        if (deviceKey == null || legacyHub) {
            return postCheckins(items, org.venuegate.core.checkin.CheckinChain.LEGACY_SCHEME);
        }
        try {
            return postCheckins(items, org.venuegate.core.checkin.CheckinChain.SCHEME);
        } catch (HubRejectedException e) {
            if (!refusedTheSchemeField(e)) {
                throw e;
            }
            legacyHub = true; // nothing was stored: the hub refused the body before it looked at an item
            return postCheckins(items, org.venuegate.core.checkin.CheckinChain.LEGACY_SCHEME);
        }
    }

    /** An older hub's answer to a field it does not know, naming the scheme (its message is "field 'scheme' is not known..."). */
    static boolean refusedTheSchemeField(HubRejectedException e) {
        return e.status() == 400 && "UNKNOWN_FIELD".equals(e.error()) && e.hubMessage() != null
                && e.hubMessage().contains("'scheme'");
    }

    private Receipt postCheckins(List<Checkin> items, String scheme) throws HubException {
        // signed the way the hub checks it (CheckinBatch.message); unsigned without a key, which the hub refuses
        CheckinBatch signed = deviceKey == null ? new CheckinBatch(items, null, null)
                : CheckinBatch.signed(scheme, deviceId, items, deviceKey);
        // a batch under the legacy scheme names none, not even as null: the hubs that only know it refuse any unknown field
        com.fasterxml.jackson.databind.node.ObjectNode batch = Json.mapper().valueToTree(signed);
        if (signed.scheme() == null) {
            batch.remove("scheme");
        }
        Raw raw = execute(http, authorized("checkins").post(body(batch)).build(), "sending " + items.size() + " check-ins");
        org.venuegate.api.Receipt r = parse(raw, org.venuegate.api.Receipt.class, "sending check-ins");
        if (r.accepted() == null || r.duplicates() == null || r.rejected() == null) {
            throw new HubUnavailableException(raw.status, "the hub's receipt lacks accepted, duplicates or rejected: " + abbreviate(raw.body), null);
        }
        return new Receipt(r.receiptId(), r.deviceId(), r.receivedAt(), r.accepted(), r.duplicates(), r.rejected(), raw.body);
    }

    /** Fetches the trust list unless the hub's current one has this ETag (then 304, not modified). */
    public TrustListFetch fetchTrustList(String ifNoneMatchEtag) throws HubException {
        Request.Builder b = authorized("trust-list").get();
        if (ifNoneMatchEtag != null && !ifNoneMatchEtag.isBlank()) {
            b.header("If-None-Match", ifNoneMatchEtag);
        }
        Raw raw = execute(http, b.build(), "fetching the trust list");
        if (raw.status == 304) {
            return new TrustListFetch(false, null, raw.etag == null ? ifNoneMatchEtag : raw.etag);
        }
        if (raw.body.isBlank()) {
            throw new HubUnavailableException(raw.status, "the hub sent an empty trust list", null);
        }
        return new TrustListFetch(true, raw.body, raw.etag);
    }

    /** Asks the hub to sign its current time for this nonce; the answer is the signed document, unchecked. */
    public String fetchTime(String nonce) throws HubException {
        Raw raw = execute(http, authorized("time").post(body(new TimeRequest(nonce))).build(), "asking for the hub's time");
        if (raw.body.isBlank()) {
            throw new HubUnavailableException(raw.status, "the hub sent an empty time answer", null);
        }
        return raw.body;
    }

    /**
     * Tells the hub what waits here, when the trust list held here was signed and what this PC's clock says, for the
     * admins' fleet view. Carries no check-in and no subject.
     */
    public void reportHealth(long pending, Instant trustListSignedAt, Instant kioskTime) throws HubException {
        execute(http, authorized("device/health").post(body(new HealthReport(pending, trustListSignedAt, kioskTime))).build(),
                "reporting this kiosk's state");
    }

    /** This kiosk's venue (name, number, whether it was revoked). */
    public Venue venue() throws HubException {
        return parse(execute(http, authorized("device/venue").get().build(), "fetching the venue"), Venue.class,
                "fetching the venue");
    }

    private Request.Builder authorized(String path) {
        return new Request.Builder().url(api.resolve(path)).header("Authorization", "Bearer " + token);
    }

    /** A journal record in the hub's wire format: what the chain covers, so the hub can recompute it, and the nonce. */
    static Checkin checkin(Record r) {
        Entry e = r.entry();
        return new Checkin(r.id(), r.seq(), r.chain(), e.venueId(), e.subject(), e.manual(), e.verdict().name(),
                e.stopReason() == null ? null : e.stopReason().name(), e.colour() == null ? null : e.colour().name(),
                e.proxy(), e.decidedAt(), e.nonce(), r.previous(), e.scanToDecisionMicros());
    }

    private static RequestBody body(Object value) {
        try {
            return RequestBody.create(Json.mapper().writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request JSON", e);
        }
    }

    /** A response read fully, so the connection is released before any parsing. */
    private record Raw(int status, String body, String etag) {
    }

    private static Raw execute(OkHttpClient http, Request req, String what) throws HubException {
        String where = req.url().host() + ":" + req.url().port();
        try (Response r = http.newCall(req).execute()) {
            String body = r.body().string();
            int code = r.code();
            if (code == 304 || (code >= 200 && code < 300)) {
                return new Raw(code, body, r.header("ETag"));
            }
            String error = "HTTP_" + code;
            String message = abbreviate(body);
            try {
                JsonNode node = READER.readTree(body);
                if (node != null && node.hasNonNull("error")) {
                    error = node.get("error").asText();
                    message = node.path("message").asText("");
                }
            } catch (IOException notJson) {
                // keep the raw text: a proxy's HTML error page still says something useful
            }
            String text = "hub at " + where + " answered " + code + " " + error + " while " + what
                    + (message.isEmpty() ? "" : ": " + message);
            if (code >= 400 && code < 500) {
                throw new HubRejectedException(code, error, message, text);
            }
            throw new HubUnavailableException(code, text, null);
        } catch (IOException e) {
            // SocketTimeoutException says "timeout" or "Read timed out" depending on where it struck: name it ourselves
            String kind = e instanceof InterruptedIOException ? " did not answer in time" : " is unreachable";
            throw new HubUnavailableException("hub at " + where + kind + " while " + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private static <T> T parse(Raw raw, Class<T> type, String what) throws HubUnavailableException {
        try {
            T value = READER.forType(type).readValue(raw.body);
            if (value == null) {
                throw new HubUnavailableException(raw.status, "the hub sent an empty answer while " + what, null);
            }
            return value;
        } catch (IOException e) {
            throw new HubUnavailableException(raw.status, "the hub's answer while " + what + " is not the expected JSON ("
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + "): " + abbreviate(raw.body), e);
        }
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() <= 200 ? t : t.substring(0, 200) + "...";
    }
}
