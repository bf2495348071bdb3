package org.venuegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.PublicKey;
import java.time.Clock;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.client.HubSession;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.DbKeyStore;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.phone.PhoneHubClient;
import org.venuegate.review.ReviewHubClient;

/**
 * Three hub nodes, each a real {@code venuegate hub} JVM, on one PostgreSQL behind HAProxy (round robin, health checks
 * on {@code /api/v1/health}), under the load bench's city mix. One node is killed with SIGKILL and started again
 * while the mix runs. Clients that retry see no error; every check-in sent is stored exactly once; two reviewers
 * deciding one application through two nodes get one success and one {@code DECISION_CONFLICT}; a key rotated
 * through one node is in the trust list the other two serve right away.
 *
 * <p>The nodes run from the test's own class path rather than {@code target/venuegate.jar}, so the test runs in
 * surefire's test phase (the jar is built only afterwards, in {@code package}) and still kills real processes.
 */
class HubClusterTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final int HEPING = 120101;

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final List<Node> nodes = new ArrayList<>();
    private EmbeddedPostgres pg;
    private Process haproxy;
    private LoadBench bench;

    /** One hub JVM on a fixed port, so it can be started again where HAProxy expects it. */
    final class Node {
        final String name;
        final int port;
        final Path data;
        final Path log;
        Process process;

        Node(String name) throws IOException {
            this.name = name;
            this.port = freePort();
            this.data = dir.resolve(name);
            this.log = dir.resolve(name + ".log");
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "org.venuegate.app.Launcher", "hub", "--port", Integer.toString(port), "--data", data.toString(),
                    "--db", pg.getJdbcUrl("postgres", "postgres"), "--db-user", "postgres")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        }

        void awaitHealthy() {
            await(name + " answering /api/v1/health", START, () -> {
                if (!process.isAlive()) {
                    fail(name + " exited with " + process.exitValue() + ":\n" + tail(log));
                }
                return status(url() + "/api/v1/health") == 200;
            });
        }

        /** SIGKILL: no shutdown hook, no graceful close of connections or transactions. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(name + " gone").isTrue();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bench != null) {
            bench.stop();
        }
        if (haproxy != null) {
            haproxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.destroy();
                if (!n.process.waitFor(15, TimeUnit.SECONDS)) {
                    n.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        if (pg != null) {
            pg.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void threeNodesBehindHaproxySurviveAKilledNodeWithoutLosingOrDoublingACheckin() throws Exception {
        assumeTrue(haproxyVersion() != null, "haproxy is not installed (Debian: apt-get install haproxy); the cluster test needs it");
        pg = EmbeddedPostgres.builder().start();
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        Node c = new Node("node-c");
        nodes.addAll(List.of(a, b, c));
        // The first node alone creates the schema, the key ring and the admin; the others find them.
        a.start();
        a.awaitHealthy();
        b.start();
        c.start();
        b.awaitHealthy();
        c.awaitHealthy();
        List<String> pwLines = Files.readAllLines(a.data.resolve("admin-password.txt"));
        String adminPassword = pwLines.get(pwLines.size() - 1).strip();

        int front = freePort();
        int statsPort = freePort();
        startHaproxy(front, statsPort);
        await("HAProxy seeing all three nodes up", START, () -> List.of("UP", "UP", "UP").equals(serverStates(statsPort)));

        // People for the cross-node decisions, made before the load (each account costs the hub a password hash).
        ReviewHubClient admin = new ReviewHubClient(http, a.url());
        admin.login("admin", adminPassword);
        ReviewHubClient reviewerOnA = reviewer(admin, a, "cluster-rev-a");
        ReviewHubClient reviewerOnC = reviewer(admin, c, "cluster-rev-c");
        long subject = admin.registerCitizen("集*试", true).subjectId();
        admin.createUser(new org.venuegate.api.UserRequest("cluster-citizen", "cluster-citizen-pw", org.venuegate.api.Role.CITIZEN,
                null, subject));
        PhoneHubClient organiser = new PhoneHubClient(http, a.url());
        organiser.login("cluster-citizen", "cluster-citizen-pw");

        StringWriter progress = new StringWriter();
        bench = new LoadBench(http, new LoadBench.Options(List.of(HttpUrl.get("http://127.0.0.1:" + front)), Duration.ZERO,
                Duration.ofSeconds(LoadBench.MAX_SECONDS), 3, 2, "admin", adminPassword), new PrintWriter(progress, true));
        CompletableFuture<LoadBench.Result> load = CompletableFuture.supplyAsync(() -> {
            try {
                return bench.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long started = System.nanoTime();
        awaitCheckins("the mix under way", 30, load);

        // Killed while it works on a request when possible, so that some client loses an answer and must retry.
        boolean busy = awaitOrGiveUp(Duration.ofSeconds(10), () -> inFlight(statsPort, "node-b") > 0);
        b.kill();
        System.out.println("cluster: node-b killed " + (busy ? "while HAProxy had a request on it" : "between requests"));
        await("HAProxy marking node-b down", Duration.ofSeconds(20), () -> "DOWN".equals(serverStates(statsPort).get(1)));
        awaitCheckins("check-ins while node-b is dead", 30, load);

        b.start();
        b.awaitHealthy();
        await("HAProxy seeing node-b up again", Duration.ofSeconds(30), () -> "UP".equals(serverStates(statsPort).get(1)));
        long servedBefore = answered(statsPort, "node-b");
        await("node-b serving the mix again", Duration.ofSeconds(30), () -> answered(statsPort, "node-b") >= servedBefore + 10);

        decisionsThroughTwoNodesConflict(organiser, reviewerOnA, reviewerOnC);
        keyRotatedOnOneNodeIsServedByAll(admin, List.of(b, c));
        awaitCheckins("check-ins after the restart", 20, load);

        bench.stop();
        LoadBench.Result r = load.get(3, TimeUnit.MINUTES);
        System.out.print(progress);
        System.out.println(r.json());
        System.out.printf(Locale.ROOT, "cluster scenario: %.1f s of load%n", (System.nanoTime() - started) / 1e9);

        assertThat(r.errors()).as("errors seen by clients that retry:\n" + progress).isZero();
        long balancerFailures = counter(statsPort, "FRONTEND", "hrsp_5xx");
        System.out.println("cluster: HAProxy answered 5xx " + balancerFailures + " times; the clients retried " + r.json().get("retries"));
        assertThat(r.json().get("retries").asLong()).as("every 5xx from the balancer was retried").isGreaterThanOrEqualTo(balancerFailures);
        assertThat(r.sent()).isPositive();
        assertThat(r.acknowledged()).isEqualTo(r.sent());
        assertThat(r.verified()).as("found again by a trace, as evidence").isEqualTo(r.sent());
        assertThat(r.unverified()).isZero();
        List<String> stored = ids("SELECT id::text FROM checkins");
        assertThat(stored).as("each check-in stored once").doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).as("exactly the check-ins sent").isEqualTo(new HashSet<>(r.sentIds()));
        assertThat(r.sentIds()).doesNotHaveDuplicates();
    }

    private ReviewHubClient reviewer(ReviewHubClient admin, Node node, String name) throws HubSession.HubException {
        admin.createUser(new org.venuegate.api.UserRequest(name, name + "-pw", org.venuegate.api.Role.REVIEWER, HEPING, null));
        ReviewHubClient r = new ReviewHubClient(http, node.url());
        r.login(name, name + "-pw");
        return r;
    }

    /** Two reviewers on two nodes decide the same application at the same moment: one wins, one gets 409. */
    private void decisionsThroughTwoNodesConflict(PhoneHubClient organiser, ReviewHubClient onA, ReviewHubClient onC)
            throws Exception {
        for (int round = 0; round < 2; round++) {
            org.venuegate.api.Submission app = new org.venuegate.api.Submission("集群冲突场所" + round, "天津测试商贸有限公司",
                    "91350100M000100Y43", "MALL", HEPING, "和平区滨江道" + round + "号 集群", false, null, "王五", "11010519491231002X",
                    "13800138000", org.venuegate.api.SubmitterRole.ORGANISER, null);
            long id = organiser.submit(app).id();
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<String> x = decideWhenReleased(go, onA, id);
            CompletableFuture<String> y = decideWhenReleased(go, onC, id);
            go.countDown();
            List<String> outcomes = List.of(x.get(60, TimeUnit.SECONDS), y.get(60, TimeUnit.SECONDS));
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("OK", "409 DECISION_CONFLICT");
            String winner = outcomes.get(0).equals("OK") ? onA.username() : onC.username();
            assertThat(onA.application(id).application().decidedBy()).isEqualTo(winner);
            assertThat(ids("SELECT CAST(id AS text) FROM venues WHERE application_id = " + id)).as("one venue issued").hasSize(1);
        }
    }

    private static CompletableFuture<String> decideWhenReleased(CountDownLatch go, ReviewHubClient reviewer, long id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                reviewer.decide(id, org.venuegate.api.Verdict.PASS, null, 1);
                return "OK";
            } catch (HubSession.HubException e) {
                return e.status() + " " + e.code();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
    }

    /** Rotated through node A; the very next trust list from B and from C, verified under the root, has the key. */
    private void keyRotatedOnOneNodeIsServedByAll(ReviewHubClient adminOnA, List<Node> others) throws Exception {
        PublicKey root = rootKey();
        String keyId = adminOnA.rotateKey(org.venuegate.core.keys.KeyRole.HEALTH, 1).keyId();
        for (Node n : others) {
            String doc = body(n.url() + "/api/v1/trust-list");
            SignedTrustList.Opened opened = SignedTrustList.open(doc, root);
            assertThat(opened.ok()).as(n.name + ": " + opened.problem()).isTrue();
            assertThat(opened.list().key(keyId)).as(n.name + " serves the rotated key " + keyId).isPresent();
        }
    }

    /** The root key as the database holds it, independent of what any node says. */
    private PublicKey rootKey() throws IOException {
        try (Database db = Database.postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", null)) {
            return KeyRing.open(new DbKeyStore(db, Clock.systemUTC())).root().orElseThrow().decodedPublic();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void startHaproxy(int front, int statsPort) throws IOException {
        StringBuilder servers = new StringBuilder();
        for (Node n : nodes) {
            servers.append("    server ").append(n.name).append(" 127.0.0.1:").append(n.port).append(" check\n");
        }
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, """
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # a connection refused by a dead node is tried on another one; anything later is the client's to retry
                    retries 3
                    option redispatch 1
                frontend hub
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri /api/v1/health
                    http-check expect status 200
                    default-server inter 300ms fastinter 300ms downinter 500ms fall 2 rise 2
                %slisten stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                """.formatted(front, servers, statsPort), StandardCharsets.UTF_8);
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("haproxy.log").toFile())).start();
    }

    /** HAProxy's view of node-a, node-b and node-c: UP, DOWN, or a transition such as "UP 1/2". */
    private List<String> serverStates(int statsPort) {
        List<Map<String, String>> rows = stats(statsPort);
        List<String> states = new ArrayList<>();
        for (Node n : nodes) {
            states.add(rows.stream().filter(r -> n.name.equals(r.get("svname"))).map(r -> r.get("status")).findFirst().orElse("?"));
        }
        return states;
    }

    /** 2xx answers HAProxy has relayed from one node. */
    private long answered(int statsPort, String node) {
        return counter(statsPort, node, "hrsp_2xx");
    }

    /** Requests HAProxy has at this moment on one node. */
    private long inFlight(int statsPort, String node) {
        return counter(statsPort, node, "scur");
    }

    private long counter(int statsPort, String node, String column) {
        return stats(statsPort).stream().filter(r -> node.equals(r.get("svname"))).map(r -> r.getOrDefault(column, ""))
                .filter(v -> !v.isEmpty()).mapToLong(Long::parseLong).sum();
    }

    private List<Map<String, String>> stats(int statsPort) {
        String csv = body("http://127.0.0.1:" + statsPort + "/stats;csv");
        if (csv == null) {
            return List.of();
        }
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).replaceFirst("^# ", "").split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.length, f.length); i++) {
                row.put(header[i], f[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private void awaitCheckins(String what, int more, CompletableFuture<LoadBench.Result> load) {
        long target = checkins() + more;
        await(what + " (" + more + " more check-ins)", Duration.ofSeconds(60), () -> {
            if (load.isDone()) {
                fail("the load ended early: " + load.join().json());
            }
            return checkins() >= target;
        });
    }

    private long checkins() {
        return ids("SELECT CAST(COUNT(*) AS text) FROM checkins").stream().mapToLong(Long::parseLong).sum();
    }

    private List<String> ids(String sql) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code();
        } catch (IOException e) {
            return 0;
        }
    }

    private String body(String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.isSuccessful() ? r.body().string() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Waits for a condition, failing with its description when the deadline passes. */
    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        if (!awaitOrGiveUp(timeout, condition)) {
            fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
        System.out.printf(Locale.ROOT, "cluster: %.1f s for %s%n", (System.nanoTime() - start) / 1e9, what);
    }

    /** @return whether the condition came true before the deadline */
    private static boolean awaitOrGiveUp(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String haproxyVersion() {
        try {
            Process p = new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.lines().findFirst().orElse("") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
