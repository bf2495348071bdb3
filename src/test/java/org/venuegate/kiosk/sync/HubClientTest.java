package org.venuegate.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.venuegate.api.Pairing;
import org.venuegate.core.code.Colour;
import org.venuegate.core.decide.StopReason;
import org.venuegate.core.decide.Verdict;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.journal.Entry;
import org.venuegate.kiosk.journal.Record;

/** Error mapping and wire format of the hub client, against a scripted server. */
class HubClientTest {
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(500)).build();
    static final String ID = "0b9e4a5c-1f2d-4c3b-8a7e-6d5c4b3a2f10";

    MockWebServer server;
    HubClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new HubClient(HTTP, server.url("/").toString(), "tok-123", 9, KEY.getPrivate());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void shutdown() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static final java.security.KeyPair KEY = org.venuegate.core.crypto.Ed25519.generate();

    static Record record() {
        return new Record(ID, 7, "ab".repeat(32), new Entry(42, "1001", false, Verdict.STOP, StopReason.YELLOW_CODE,
                Colour.YELLOW, true, 99L, Instant.parse("2025-03-01T02:00:00.123Z"), 1500), "cd".repeat(32));
    }

    @Test
    void baseUrlIsNormalised() {
        assertThat(new HubClient(HTTP, "http://hub:8080", "t").apiUrl().toString()).isEqualTo("http://hub:8080/api/v1/");
        assertThat(new HubClient(HTTP, "http://hub:8080/api/v1/", "t").apiUrl().toString()).isEqualTo("http://hub:8080/api/v1/");
        assertThat(new HubClient(HTTP, "https://x/city/", "t").apiUrl().toString()).isEqualTo("https://x/city/api/v1/");
        assertThatThrownBy(() -> new HubClient(HTTP, "hub:8080", "t")).hasMessageContaining("not an http");
    }

    @Test
    void postsCheckinsInTheHubFormatAndReadsTheReceipt() throws Exception {
        server.enqueue(json(200, "{\"receiptId\":\"r-1\",\"deviceId\":5,\"receivedAt\":\"2025-03-01T02:00:01Z\","
                + "\"accepted\":[\"" + ID + "\"],\"duplicates\":[],\"rejected\":[],\"futureField\":1}"));
        Receipt r = client.postCheckins(List.of(record()));
        assertThat(r.receiptId()).isEqualTo("r-1");
        assertThat(r.deviceId()).isEqualTo(5);
        assertThat(r.acknowledged()).containsExactly(ID);
        assertThat(r.json()).contains("futureField");

        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/v1/checkins");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
        JsonNode item = Json.mapper().readTree(req.getBody().utf8()).get("checkins").get(0);
        assertThat(item.get("id").asText()).isEqualTo(ID);
        assertThat(item.get("seq").asLong()).isEqualTo(7);
        assertThat(item.get("chain").asText()).isEqualTo("ab".repeat(32));
        assertThat(item.get("venueId").asLong()).isEqualTo(42);
        assertThat(item.get("subject").asText()).isEqualTo("1001");
        assertThat(item.get("outcome").asText()).isEqualTo("STOP");
        assertThat(item.get("reason").asText()).isEqualTo("YELLOW_CODE");
        assertThat(item.get("colour").asText()).isEqualTo("YELLOW");
        assertThat(item.get("proxy").asBoolean()).isTrue();
        assertThat(item.get("manual").asBoolean()).isFalse();
        assertThat(item.get("decidedAt").asText()).isEqualTo("2025-03-01T02:00:00.123Z");
        // what the hub needs to check the link and the evidence: the code's nonce, the chain before, the scan time
        assertThat(item.get("nonce").asLong()).isEqualTo(99);
        assertThat(item.get("prev").asText()).isEqualTo("cd".repeat(32));
        assertThat(item.get("scanMicros").asLong()).isEqualTo(1500);
        assertThat(item.size()).isEqualTo(14);
        // signed with the key made at pairing, over this device's id and the items' places and chain values
        // under the digest scheme, which the batch names
        JsonNode sent = Json.mapper().readTree(req.getBody().utf8());
        assertThat(sent.get("scheme").asText()).isEqualTo("VGB2");
        byte[] signature = java.util.Base64.getDecoder().decode(sent.get("signature").asText());
        byte[] message = new org.venuegate.core.checkin.CheckinChain.BatchDigest(9).add(7, "ab".repeat(32)).bytes();
        assertThat(org.venuegate.core.crypto.Ed25519.verify(KEY.getPublic(), message, signature)).isTrue();
        assertThat(org.venuegate.core.crypto.Ed25519.verify(KEY.getPublic(),
                new org.venuegate.core.checkin.CheckinChain.BatchDigest(10).add(7, "ab".repeat(32)).bytes(), signature)).isFalse();
        assertThat(org.venuegate.core.crypto.Ed25519.verify(KEY.getPublic(), org.venuegate.core.checkin.CheckinChain.batchMessage(9,
                List.of(new org.venuegate.core.checkin.CheckinChain.Signed(7, "ab".repeat(32)))), signature)).isFalse();
        assertThat(sent.size()).as("checkins, signature and scheme, nothing else").isEqualTo(3);
    }

    static final String RECEIPT = "{\"receiptId\":\"r-1\",\"deviceId\":9,\"receivedAt\":\"2025-03-01T02:00:01Z\","
            + "\"accepted\":[\"" + ID + "\"],\"duplicates\":[],\"rejected\":[]}";

    @Test
    void aHubThatPredatesSchemesIsSentTheLegacySignatureWithNoSchemeFromThenOn() throws Exception {
        // what a hub of the release before answers to a field it does not know (Requests, UNKNOWN_FIELD)
        server.enqueue(json(400, "{\"error\":\"UNKNOWN_FIELD\",\"message\":\"field 'scheme' is not known; known fields:"
                + " checkins, signature\"}"));
        server.enqueue(json(200, RECEIPT));
        server.enqueue(json(200, RECEIPT));
        assertThat(client.postCheckins(List.of(record())).accepted()).containsExactly(ID);
        assertThat(client.postCheckins(List.of(record())).accepted()).containsExactly(ID);

        JsonNode refused = Json.mapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(refused.get("scheme").asText()).isEqualTo("VGB2");
        byte[] legacyMessage = org.venuegate.core.checkin.CheckinChain.batchMessage(9,
                List.of(new org.venuegate.core.checkin.CheckinChain.Signed(7, "ab".repeat(32))));
        for (int i = 0; i < 2; i++) {
            JsonNode sent = Json.mapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
            assertThat(sent.has("scheme")).as("request %d names no scheme, not even null", i + 2).isFalse();
            assertThat(sent.size()).isEqualTo(2);
            assertThat(sent.get("checkins").get(0)).isEqualTo(refused.get("checkins").get(0));
            assertThat(org.venuegate.core.crypto.Ed25519.verify(KEY.getPublic(), legacyMessage,
                    java.util.Base64.getDecoder().decode(sent.get("signature").asText()))).isTrue();
        }
        assertThat(server.getRequestCount()).as("one refusal, then each batch once").isEqualTo(3);
    }

    @Test
    void anotherUnknownFieldIsNotTakenForAnOlderHub() {
        server.enqueue(json(400, "{\"error\":\"UNKNOWN_FIELD\",\"message\":\"field 'checkins[0].colourr' is not known\"}"));
        assertThatThrownBy(() -> client.postCheckins(List.of(record()))).isInstanceOf(HubRejectedException.class)
                .hasMessageContaining("UNKNOWN_FIELD");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreUnavailable() {
        server.enqueue(json(503, "{\"error\":\"STORAGE_UNAVAILABLE\",\"message\":\"retry later\"}"));
        assertThatThrownBy(() -> client.postCheckins(List.of(record())))
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("503").hasMessageContaining("STORAGE_UNAVAILABLE").hasMessageContaining("retry later");
        server.enqueue(new MockResponse.Builder().code(502).body("<html><body>Bad Gateway</body></html>").build());
        assertThatThrownBy(() -> client.postCheckins(List.of(record())))
                .isInstanceOf(HubUnavailableException.class).hasMessageContaining("502").hasMessageContaining("Bad Gateway");
    }

    @Test
    void malformedAnswersAreUnavailable() {
        server.enqueue(json(200, "{\"receiptId\": oops"));
        assertThatThrownBy(() -> client.postCheckins(List.of(record())))
                .isInstanceOf(HubUnavailableException.class).hasMessageContaining("not the expected JSON");
        server.enqueue(json(200, "{\"receiptId\":\"r\"}"));
        assertThatThrownBy(() -> client.postCheckins(List.of(record())))
                .isInstanceOf(HubUnavailableException.class).hasMessageContaining("lacks");
        server.enqueue(json(200, ""));
        assertThatThrownBy(() -> client.venue()).isInstanceOf(HubUnavailableException.class);
    }

    @Test
    void clientErrorsAreRejectedWithTheHubsReason() {
        server.enqueue(json(401, "{\"error\":\"UNAUTHENTICATED\",\"message\":\"the token is unknown, expired or revoked\"}"));
        assertThatThrownBy(() -> client.postCheckins(List.of(record())))
                .isInstanceOfSatisfying(HubRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.unauthenticated()).isTrue();
                    assertThat(e.error()).isEqualTo("UNAUTHENTICATED");
                    assertThat(e.hubMessage()).contains("revoked");
                    assertThat(e.getMessage()).contains("401").contains("sending 1 check-ins");
                });
        server.enqueue(new MockResponse.Builder().code(400).body("bad").build());
        assertThatThrownBy(() -> client.venue()).isInstanceOfSatisfying(HubRejectedException.class,
                e -> assertThat(e.error()).isEqualTo("HTTP_400"));
    }

    @Test
    void unreachableAndSlowHubsAreUnavailable() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> client.venue())
                .isInstanceOf(HubUnavailableException.class).hasMessageContaining("did not answer in time");
        String url = server.url("/").toString();
        server.close();
        HubClient gone = new HubClient(HTTP, url, "t");
        assertThatThrownBy(() -> gone.postCheckins(List.of(record())))
                .isInstanceOf(HubUnavailableException.class).hasMessageContaining("unreachable");
    }

    @Test
    void trustListUsesEtags() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("ETag", "\"v7\"").body("{\"signed\":1}").build());
        TrustListFetch first = client.fetchTrustList(null);
        assertThat(first.modified()).isTrue();
        assertThat(first.document()).isEqualTo("{\"signed\":1}");
        assertThat(first.etag()).isEqualTo("\"v7\"");
        server.enqueue(new MockResponse.Builder().code(304).addHeader("ETag", "\"v7\"").build());
        TrustListFetch second = client.fetchTrustList(first.etag());
        assertThat(second.modified()).isFalse();
        assertThat(second.document()).isNull();
        assertThat(second.etag()).isEqualTo("\"v7\"");
        server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isEqualTo("\"v7\"");
    }

    @Test
    void pairingNeedsNoToken() throws Exception {
        server.enqueue(json(201, "{\"deviceId\":9,\"token\":\"dev-tok\",\"rootPublicKey\":\"pk\",\"rootKeyId\":\"1a2b3c4d\","
                + "\"venue\":{\"id\":42,\"number\":\"HP-000042\",\"name\":\"滨江道百货大楼\",\"district\":120101,"
                + "\"applicationId\":3,\"mobile\":false},\"trustList\":\"{}\"}"));
        java.security.KeyPair key = org.venuegate.core.crypto.Ed25519.generate();
        Pairing p = HubClient.pair(HTTP, server.url("/").toString(), "ABCD-EFGH", "东门", key.getPublic());
        assertThat(p.token()).isEqualTo("dev-tok");
        assertThat(p.venue().name()).isEqualTo("滨江道百货大楼");
        assertThat(p.venue().revoked()).isFalse();
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getHeaders().get("Authorization")).isNull();
        assertThat(Json.mapper().readTree(req.getBody().utf8()).get("pairingCode").asText()).isEqualTo("ABCD-EFGH");
        // the kiosk registers its own public key; the private half never leaves it
        assertThat(Json.mapper().readTree(req.getBody().utf8()).get("publicKey").asText())
                .isEqualTo(org.venuegate.core.crypto.Ed25519.encodePublic(key.getPublic()));

        server.enqueue(json(401, "{\"error\":\"PAIRING_CODE_INVALID\",\"message\":\"ask the administrator for a new one\"}"));
        assertThatThrownBy(() -> HubClient.pair(HTTP, server.url("/").toString(), "x", null, key.getPublic()))
                .isInstanceOfSatisfying(HubRejectedException.class, e -> assertThat(e.error()).isEqualTo("PAIRING_CODE_INVALID"));
    }
}
