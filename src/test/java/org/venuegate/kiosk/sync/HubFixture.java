package org.venuegate.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.venuegate.core.json.Json;
import org.venuegate.hub.Hub;
import org.venuegate.hub.HubConfig;
import org.venuegate.hub.HubServer;

/**
 * A real hub in this JVM on an embedded database, with an admin, a reviewer, a citizen who applied for a venue that
 * passed review, so a kiosk can pair with it. Driven over HTTP like the real clients.
 */
final class HubFixture implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json");
    static final int HEPING = 120101;

    final Hub hub;
    final OkHttpClient http;
    HubServer server;
    int port;
    final String admin;

    HubFixture(Path dataDir, OkHttpClient http) throws IOException {
        this.http = http;
        hub = new Hub(HubConfig.embedded(dataDir).withPasswordIterations(1000), Clock.systemUTC());
        String password = hub.bootstrapAdmin().orElseThrow();
        server = new HubServer(hub).start(0);
        port = server.port();
        admin = login("admin", password);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The hub goes away: nothing listens on its port any more. */
    void stopServer() {
        server.close();
    }

    /** The hub comes back on the same port and database. */
    void restartServer() {
        server = new HubServer(hub).start(port);
    }

    JsonNode call(String method, String path, String token, Object body, int expect) {
        RequestBody rb = null;
        try {
            if (body != null) {
                rb = RequestBody.create(Json.mapper().writeValueAsString(body), JSON);
            } else if (!method.equals("GET")) {
                rb = RequestBody.create(new byte[0], JSON);
            }
            Request.Builder b = new Request.Builder().url(baseUrl() + HubServer.PREFIX + path).method(method, rb);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try (Response r = http.newCall(b.build()).execute()) {
                String text = r.body().string();
                assertThat(r.code()).as(method + " " + path + ": " + text).isEqualTo(expect);
                return text.isEmpty() ? null : Json.mapper().readTree(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String login(String user, String password) {
        return call("POST", "/auth/login", null, Map.of("username", user, "password", password), 200).get("token").asText();
    }

    String user(String name, String role, Integer district, Long subject) {
        ObjectNode body = Json.mapper().createObjectNode().put("username", name).put("password", "secret-" + name).put("role", role);
        if (district != null) {
            body.put("district", district);
        }
        if (subject != null) {
            body.put("subjectId", subject);
        }
        call("POST", "/users", admin, body, 201);
        return login(name, "secret-" + name);
    }

    /** A venue that passed review, created the way the product does it. */
    long venue(String name) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String reviewer = user("rev" + suffix, "REVIEWER", HEPING, null);
        ObjectNode citizenBody = Json.mapper().createObjectNode().put("maskedName", "张*明").put("colour", "GREEN")
                .put("vaccinated", true).put("independent", true)
                .put("lastNegativeTest", Instant.now().minus(Duration.ofHours(20)).toString());
        long subject = call("POST", "/citizens", admin, citizenBody, 201).get("subjectId").asLong();
        String citizen = user("cit" + suffix, "CITIZEN", null, subject);
        ObjectNode app = Json.mapper().createObjectNode().put("placeName", name).put("unitName", "天津测试商贸有限公司")
                .put("creditCode", "91350100M000100Y43").put("category", "MALL").put("district", HEPING)
                .put("address", "和平区滨江道1号 " + name).put("mobile", false)
                .put("responsibleName", "王五").put("responsibleIdNumber", "11010519491231002X")
                .put("responsiblePhone", "13800138000").put("submitterRole", "ORGANISER");
        long appId = call("POST", "/applications", citizen, app, 201).get("id").asLong();
        return call("POST", "/applications/" + appId + "/decision", reviewer, Map.of("decision", "PASS", "version", 1), 200)
                .get("application").get("venueId").asLong();
    }

    String pairingCode(long venueId) {
        return call("POST", "/pairing-codes", admin, Map.of("venueId", venueId), 201).get("code").asText();
    }

    long checkins(long venueId) {
        return hub.db().read(c -> org.venuegate.hub.store.Sql.count(c, "SELECT COUNT(*) FROM checkins WHERE venue_id = ?", venueId));
    }

    @Override
    public void close() {
        server.close();
        hub.close();
    }
}
