package org.venuegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.Evidence;
import org.venuegate.hub.store.Sql;

/**
 * {@code venuegate bench load} for a few seconds against a real in-process hub: the JSON line has its fields, nothing
 * failed, and every check-in the kiosks made is in the database exactly once, judged as verified evidence.
 */
class BenchLoadTest {
    @TempDir
    Path dir;

    @Test
    void theCitysMixRunsWithoutErrorsAndEveryCheckinLandsOnce() throws Exception {
        try (TestHub hub = new TestHub()) {
            Path password = Files.writeString(dir.resolve("admin-password.txt"), "root-admin\npassword-1\n");
            // Two addresses of the same node: the round robin is exercised, and both count as loopback.
            String urls = hub.url + ",http://127.0.0.1:" + hub.server.port();
            BenchIngestTest.Run r = BenchIngestTest.run("bench", "load", "--hub", urls, "--seconds", "4", "--warmup", "0",
                    "--clients", "2", "--batch", "3", "--admin-user", "root-admin", "--admin-password-file", password.toString());
            System.out.print(r.err() + r.out()); // the figures, for the build log; timing is never asserted
            assertThat(r.status()).as(r.out() + r.err()).isZero();
            assertThat(r.out().lines()).as("one JSON line and nothing else on standard output").hasSize(1);
            JsonNode j = r.json();
            assertThat(j.get("bench").asText()).isEqualTo("load");
            assertThat(j.get("nodes").asInt()).isEqualTo(2);
            assertThat(j.get("errors").asLong()).isZero();
            assertThat(j.get("requests").asLong()).isPositive();
            assertThat(j.get("requests_per_s").asDouble()).isPositive();
            assertThat(j.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(j.has("load_average_before")).isTrue();
            assertThat(j.has("load_average_after")).isTrue();
            for (String kind : List.of("unveil", "checkin", "trace", "submit", "decision")) {
                JsonNode k = j.get("kinds").get(kind);
                assertThat(k).as(kind).isNotNull();
                assertThat(k.get("errors").asLong()).as(kind).isZero();
                assertThat(k.get("requests").asLong()).as(kind + " requests").isPositive();
                for (String f : List.of("requests", "per_s", "p50_ms", "p99_ms", "retries")) {
                    assertThat(k.has(f)).as(kind + "." + f).isTrue();
                }
            }
            JsonNode unveil = j.get("kinds").get("unveil");
            assertThat(unveil.get("per_s").asDouble()).isPositive();
            assertThat(unveil.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(unveil.get("p50_ms").asDouble()).isPositive();
            assertThat(j.get("kinds").get("checkin").get("checkins_per_s").asDouble()).isPositive();
            assertThat(j.get("per_node")).hasSize(2).allSatisfy(n -> assertThat(n.get("requests").asLong()).isPositive());

            long sent = j.get("checkins_sent").asLong();
            assertThat(sent).isPositive();
            assertThat(j.get("checkins_acknowledged").asLong()).isEqualTo(sent);
            assertThat(j.get("checkins_verified").asLong()).isEqualTo(sent);
            assertThat(j.get("checkins_unverified").asLong()).isZero();
            // The hub's own table: exactly the check-ins sent, each once, each judged against its unveil.
            long rows = hub.hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"));
            long distinct = hub.hub.db().read(c -> Sql.count(c, "SELECT COUNT(DISTINCT id) FROM checkins"));
            long verified = hub.hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM " + Evidence.checkins(hub.hub.db().dialect()) + " WHERE "
                    + Evidence.OF_ROW + " = 'VERIFIED'"));
            assertThat(rows).isEqualTo(sent).isEqualTo(distinct).isEqualTo(verified);
        }
    }

    /**
     * Two of three nodes are no good: one refuses connections, one answers 502 to everything, as a load balancer does
     * for a node that went away. The clients retry on the next node, so the mix sees no error and nothing doubles.
     */
    @Test
    void clientsRetryElsewhereWhenANodeIsGone() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (TestHub hub = new TestHub(); mockwebserver3.MockWebServer badGateway = new mockwebserver3.MockWebServer()) {
            badGateway.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return new mockwebserver3.MockResponse.Builder().code(502).body("<html>502 Bad Gateway</html>").build();
                }
            });
            badGateway.start();
            String urls = hub.url + ",http://127.0.0.1:" + closed + ",http://127.0.0.1:" + badGateway.getPort();
            BenchIngestTest.Run r = BenchIngestTest.run("bench", "load", "--hub", urls, "--seconds", "3", "--warmup", "0",
                    "--clients", "2", "--admin-user", "root-admin", "--admin-password", "password-1");
            System.out.print(r.err() + r.out());
            assertThat(r.status()).as(r.out() + r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.get("errors").asLong()).isZero();
            assertThat(j.get("retries").asLong()).isPositive();
            assertThat(j.get("kinds").get("unveil").get("retries").asLong()).isPositive();
            assertThat(j.get("kinds").get("checkin").get("retries").asLong()).isPositive();
            assertThat(j.get("per_node").get(1).get("failures").asLong()).as("refused").isPositive();
            assertThat(j.get("per_node").get(2).get("failures").asLong()).as("502").isPositive();
            assertThat(j.get("per_node").get(0).get("failures").asLong()).as("the live node").isZero();
            long sent = j.get("checkins_sent").asLong();
            assertThat(j.get("checkins_verified").asLong()).isEqualTo(sent).isPositive();
            long rows = hub.hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"));
            assertThat(rows).isEqualTo(sent);
        }
    }

    @Test
    void usageErrors() throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "secret\n");
        String pw = password.toString();
        assertThat(BenchIngestTest.run("bench", "load", "--admin-password-file", pw).status()).as("--hub is required").isEqualTo(2);
        BenchIngestTest.Run remote = BenchIngestTest.run("bench", "load", "--hub", "http://192.0.2.1:8470", "--admin-password-file", pw);
        assertThat(remote.status()).isEqualTo(2);
        assertThat(remote.err()).contains("not a loopback address", "--allow-remote");
        assertThat(BenchIngestTest.run("bench", "load", "--hub", "http://127.0.0.1:1/api/v1", "--admin-password-file", pw).err())
                .contains("is not a hub address");
        assertThat(BenchIngestTest.run("bench", "load", "--hub", "http://127.0.0.1:1", "--seconds", "601",
                "--admin-password-file", pw).err()).contains("--seconds must be 1..600");
        assertThat(BenchIngestTest.run("bench", "load", "--hub", "http://127.0.0.1:1", "--clients", "65",
                "--admin-password-file", pw).err()).contains("--clients must be 1..64");
        assertThat(BenchIngestTest.run("bench", "load", "--hub", "http://127.0.0.1:1").err())
                .contains("exactly one of --admin-password-file and --admin-password");
        // A node that is not there: setup fails with a message, not a stack trace, and exit 1.
        BenchIngestTest.Run down = BenchIngestTest.run("bench", "load", "--hub", "http://127.0.0.1:1", "--admin-password", "x");
        assertThat(down.status()).isEqualTo(1);
        assertThat(down.err()).contains("setting up failed");
    }
}
