package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.venuegate.api.Checkin;
import org.venuegate.api.CheckinBatch;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.json.Json;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.Reason;
import org.venuegate.core.verify.ReplayGuard;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.core.verify.VerificationResult;

/**
 * The hub's HTTP API driven for real over HTTP: every endpoint, allowed and refused roles, conflicts, idempotent
 * ingestion and bad input. Subclasses run it on SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HubApiContract {
    static final MediaType JSON = MediaType.get("application/json");
    static final String CREDIT = "91350100M000100Y43";
    static final String CREDIT_2 = "91110000802100433B";
    static final String ID_NUMBER = "11010519491231002X";
    static final int HEPING = 120101;

    Path dir;
    Hub hub;
    HubServer server;
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    String base;
    String admin;
    String reviewer;
    String reviewer2;
    String otherReviewer;
    String tracer;
    String citizen;
    String citizen2;
    long citizenSubject;
    long citizen2Subject;

    /** The database under test. */
    abstract HubConfig config(Path dataDir) throws Exception;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("hub-api");
        hub = new Hub(config(dir).withPasswordIterations(1000), Clock.systemUTC());
        String adminPassword = hub.bootstrapAdmin().orElseThrow();
        server = new HubServer(hub).start(0);
        base = "http://localhost:" + server.port() + HubServer.PREFIX;
        admin = login("admin", adminPassword);
        reviewer = user("rev-hp", "REVIEWER", HEPING, null);
        reviewer2 = user("rev-hp2", "REVIEWER", HEPING, null);
        otherReviewer = user("rev-hd", "REVIEWER", 120102, null);
        tracer = user("tracer", "TRACER", null, null);
        citizenSubject = registerCitizen("张*明", "GREEN", true).get("subjectId").asLong();
        citizen2Subject = registerCitizen("李*", "GREEN", false).get("subjectId").asLong();
        citizen = user("citizen1", "CITIZEN", null, citizenSubject);
        citizen2 = user("citizen2", "CITIZEN", null, citizen2Subject);
    }

    /**
     * No request takes a second database connection while it holds one: with every connection of the pool so held
     * (a node busy with as many batches), each would wait for one the others hold until the pool's timeout.
     */
    @org.junit.jupiter.api.AfterEach
    void noRequestHeldTwoConnections() {
        assertThat(hub.db().nestedBorrows() - nestedBefore).as("connections taken while one was held (see the log's warning)")
                .isZero();
    }

    private long nestedBefore;

    @org.junit.jupiter.api.BeforeEach
    void countNestedBorrows() {
        nestedBefore = hub.db().nestedBorrows();
    }

    @AfterAll
    void stop() {
        server.close();
        hub.close();
    }

    record Resp(int status, JsonNode json, String text, okhttp3.Headers headers, byte[] bytes) {
        String error() {
            return json == null || json.get("error") == null ? null : json.get("error").asText();
        }
    }

    Resp call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    /** Device tokens from {@link #pairDevice}, with their device ids, so check-ins posted with them get signed. */
    final Map<String, Long> deviceIds = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A batch posted with a paired device's token is signed as that kiosk would sign it (tests of the signature
     * itself post their own "signature", which is left alone).
     */
    @SuppressWarnings("unchecked")
    Object signedIfBatch(String path, String token, Object body) {
        Long deviceId = token == null ? null : deviceIds.get(token);
        if (!"/checkins".equals(path) || deviceId == null || !(body instanceof Map<?, ?> m) || m.containsKey("signature")
                || !(m.get("checkins") instanceof List<?> items)) {
            return body;
        }
        // signed under the scheme the body names, else under the one kiosks use now, named as they name it
        Object named = m.get("scheme");
        String scheme = named == null && m.containsKey("scheme") ? org.venuegate.core.checkin.CheckinChain.LEGACY_SCHEME
                : named == null ? org.venuegate.core.checkin.CheckinChain.SCHEME : String.valueOf(named);
        if (!CheckinBatch.SCHEMES.contains(scheme)) {
            return body;
        }
        List<Checkin> signed = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> i = item instanceof Map<?, ?> im ? (Map<String, Object>) im : Map.of();
            signed.add(new Checkin(null, i.get("seq") instanceof Number n ? n.longValue() : Long.valueOf(-1), i.get("chain") instanceof String ch ? ch : "",
                    null, null, null, null, null, null, null, null, null, null, null));
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>((Map<String, Object>) m);
        out.put("signature", CheckinBatch.signed(scheme, deviceId, signed, TestDevices.KEY.getPrivate()).signature());
        if (named == null && !m.containsKey("scheme")) {
            out.put("scheme", scheme);
        }
        return out;
    }

    Resp call(String method, String path, String token, Object body, Map<String, String> headers) {
        body = signedIfBatch(path, token, body);
        RequestBody rb = null;
        if (body != null) {
            try {
                rb = RequestBody.create(body instanceof String s ? s : Json.mapper().writeValueAsString(body), JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            rb = RequestBody.create(new byte[0], JSON);
        }
        Request.Builder b = new Request.Builder().url(base + path).method(method, rb);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try (Response r = http.newCall(b.build()).execute()) {
            byte[] bytes = r.body().bytes();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode json = null;
            String type = r.header("Content-Type", "");
            if (type.startsWith("application/json") && !text.isEmpty()) {
                json = Json.mapper().readTree(text);
            }
            return new Resp(r.code(), json, text, r.headers(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String login(String user, String password) {
        Resp r = call("POST", "/auth/login", null, Map.of("username", user, "password", password));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    String user(String name, String role, Integer district, Long subject) {
        ObjectNode body = Json.mapper().createObjectNode().put("username", name).put("password", "secret-" + name).put("role", role);
        if (district != null) {
            body.put("district", district);
        }
        if (subject != null) {
            body.put("subjectId", subject);
        }
        Resp r = call("POST", "/users", admin, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return login(name, "secret-" + name);
    }

    JsonNode registerCitizen(String maskedName, String colour, boolean independent) {
        ObjectNode body = Json.mapper().createObjectNode().put("maskedName", maskedName).put("colour", colour)
                .put("vaccinated", true).put("independent", independent)
                .put("lastNegativeTest", Instant.now().minus(Duration.ofHours(20)).toString());
        if (!colour.equals("GREEN")) {
            body.put("colourReason", "近期与确诊病例有时空交集").put("colourFollowUp", "请尽快进行核酸检测并向社区报备");
        }
        Resp r = call("POST", "/citizens", admin, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    static ObjectNode application(String name) {
        return Json.mapper().createObjectNode().put("placeName", name).put("unitName", "天津测试商贸有限公司")
                .put("creditCode", CREDIT).put("category", "MALL").put("district", HEPING)
                .put("address", "和平区滨江道" + name.length() + "号 " + name).put("mobile", false)
                .put("responsibleName", "王五").put("responsibleIdNumber", ID_NUMBER)
                .put("responsiblePhone", "13800138000").put("submitterRole", "ORGANISER");
    }

    JsonNode submit(String name) {
        Resp r = call("POST", "/applications", citizen, application(name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    JsonNode pass(long appId) {
        Resp r = call("POST", "/applications/" + appId + "/decision", reviewer, Map.of("decision", "PASS", "version", 1));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    long passedVenue(String name) {
        return pass(submit(name).get("id").asLong()).get("application").get("venueId").asLong();
    }

    SignedTrustList.Opened trustList() {
        Resp r = call("GET", "/trust-list", null, null);
        assertThat(r.status()).isEqualTo(200);
        return SignedTrustList.open(r.text(), hub.trust().root().decodedPublic());
    }

    long count(String sql, Object... params) {
        return hub.db().read(c -> org.venuegate.hub.store.Sql.count(c, sql, params));
    }

    // ---------------------------------------------------------------- auth and roles

    @Test
    void authenticationAndRoles() {
        assertThat(call("GET", "/categories", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/categories", "not-a-token", null).error()).isEqualTo("UNAUTHENTICATED");
        assertThat(call("GET", "/audit", reviewer, null).status()).isEqualTo(403);
        assertThat(call("GET", "/audit", citizen, null).error()).isEqualTo("FORBIDDEN");
        assertThat(call("POST", "/users", reviewer, Map.of("username", "x", "password", "y")).status()).isEqualTo(403);
        assertThat(call("GET", "/trace/venues/1?from=2026-01-01&to=2026-01-02", reviewer, null).status()).isEqualTo(403);
        assertThat(call("POST", "/applications", reviewer, application("审核员不能申请")).status()).isEqualTo(403);
        assertThat(call("GET", "/no/such/route", admin, null).error()).isEqualTo("NO_ROUTE");
        assertThat(call("GET", "/health", null, null).json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void wrongPasswordsAreRateLimitedAndLogoutEndsTheSession() {
        user("locked", "TRACER", null, null);
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/auth/login", null, Map.of("username", "locked", "password", "wrong")).error())
                    .isEqualTo("BAD_CREDENTIALS");
        }
        Resp limited = call("POST", "/auth/login", null, Map.of("username", "locked", "password", "secret-locked"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("TOO_MANY_ATTEMPTS");

        String token = user("leaving", "TRACER", null, null);
        assertThat(call("POST", "/auth/logout", token, null).status()).isEqualTo(204);
        assertThat(call("GET", "/categories", token, null).status()).isEqualTo(401);
    }

    @Test
    void usersAreUnique() {
        Resp dup = call("POST", "/users", admin, Map.of("username", "rev-hp", "password", "12345678", "role", "REVIEWER"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(call("POST", "/users", admin, Map.of("username", "x y", "password", "12345678", "role", "REVIEWER")).status())
                .isEqualTo(400);
        assertThat(call("POST", "/users", admin, Map.of("username", "kiosk", "password", "12345678", "role", "DEVICE")).status())
                .isEqualTo(400);
    }

    // ---------------------------------------------------------------- applications

    @Test
    void organiserSubmitsAndAgentIsRefused() {
        JsonNode a = submit("滨江道百货大楼");
        assertThat(a.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(a.get("responsibleIdNumberMasked").asText()).doesNotContain("19491231").startsWith("110");
        ObjectNode agent = application("代办的场所").put("submitterRole", "AGENT");
        Resp r = call("POST", "/applications", citizen, agent);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("AGENT_NOT_ALLOWED");
        assertThat(r.json().get("message").asText()).contains("organiser");
    }

    @Test
    void mobilePlaceIsNamedByItsPlate() {
        ObjectNode taxi = application("ignored").put("mobile", true).put("plateOrShip", "津B·D12345").put("category", "TAXI");
        taxi.remove("placeName");
        Resp r = call("POST", "/applications", citizen, taxi);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("placeName").asText()).isEqualTo("津BD12345");
        ObjectNode wrongName = application("出租车").put("mobile", true).put("plateOrShip", "津BD12345");
        assertThat(call("POST", "/applications", citizen, wrongName).error()).isEqualTo("INVALID_FIELD");
        ObjectNode badPlate = application("x").put("mobile", true).put("plateOrShip", "ABC");
        badPlate.remove("placeName");
        assertThat(call("POST", "/applications", citizen, badPlate).json().get("message").asText()).contains("plateOrShip");
    }

    @Test
    void badInputGetsASpecificErrorAndWritesNothing() {
        long before = count("SELECT COUNT(*) FROM applications");
        assertThat(call("POST", "/applications", citizen, "{\"placeName\": ").error()).isEqualTo("MALFORMED_JSON");
        assertThat(call("POST", "/applications", citizen, "").error()).isEqualTo("MISSING_BODY");
        assertThat(call("POST", "/applications", citizen, application("x").put("colour", "green")).error()).isEqualTo("UNKNOWN_FIELD");
        assertThat(call("POST", "/applications", citizen, application("x").put("district", "heping")).error())
                .isIn("INVALID_TYPE", "INVALID_VALUE");
        assertThat(call("POST", "/applications", citizen, application("x").put("submitterRole", "FRIEND")).error()).isEqualTo("INVALID_VALUE");
        assertThat(call("POST", "/applications", citizen, application("x").put("creditCode", "91350100M000100Y44")).json()
                .get("message").asText()).startsWith("creditCode");
        assertThat(call("POST", "/applications", citizen, application("x").put("responsibleIdNumber", "110105194912310021")).json()
                .get("message").asText()).startsWith("responsibleIdNumber");
        assertThat(call("POST", "/applications", citizen, application("x").put("category", "NOPE")).json()
                .get("message").asText()).contains("FAQ site-code 6");
        assertThat(call("POST", "/applications", citizen, application("x").put("district", 999999)).error()).isEqualTo("INVALID_FIELD");
        assertThat(call("POST", "/applications", citizen, application("x").put("responsiblePhone", "12345")).error()).isEqualTo("INVALID_FIELD");
        assertThat(call("POST", "/applications", citizen, application("名".repeat(31))).error()).isEqualTo("INVALID_FIELD");
        ObjectNode missing = application("x");
        missing.remove("address");
        assertThat(call("POST", "/applications", citizen, missing).json().get("message").asText()).isEqualTo("address: is required");
        assertThat(call("POST", "/applications", citizen, application("x").put("replacesId", 99999999)).error()).isEqualTo("INVALID_FIELD");
        Resp huge = call("POST", "/applications", citizen, "{\"placeName\":\"" + "x".repeat(4_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.error()).isEqualTo("BODY_TOO_LARGE");
        assertThat(call("GET", "/applications?status=MAYBE", reviewer, null).error()).isEqualTo("INVALID_PARAMETER");
        assertThat(call("GET", "/applications?size=100000", reviewer, null).error()).isEqualTo("INVALID_PARAMETER");
        assertThat(call("GET", "/applications/abc", reviewer, null).error()).isEqualTo("INVALID_PARAMETER");
        assertThat(count("SELECT COUNT(*) FROM applications")).isEqualTo(before);
    }

    @Test
    void junkBodiesOnEveryWriteRouteGetA4xxNeverA500() {
        String[][] routes = {
            {"POST", "/auth/login", null}, {"POST", "/users", "admin"}, {"POST", "/categories", "admin"},
            {"POST", "/applications", "citizen"}, {"POST", "/applications/1/decision", "reviewer"},
            {"POST", "/venues/1/revoke", "admin"}, {"POST", "/keys/rotate", "admin"}, {"POST", "/pairing-codes", "admin"},
            {"POST", "/devices/pair", null}, {"POST", "/citizens", "admin"}, {"POST", "/citizens/1/unveil", "citizen"},
            {"PUT", "/citizens/1/colour", "admin"}, {"POST", "/citizens/1/dependants", "admin"},
        };
        String[] junk = {"[]", "1", "null", "\"x\"", "{}", "{\"a\":1}", "{\"", "\u0000", "{\"username\":[1,2]}", "{\"venueId\":\"x\"}"};
        Map<String, String> tokens = Map.of("admin", admin, "citizen", citizen, "reviewer", reviewer);
        for (String[] route : routes) {
            for (String body : junk) {
                Resp r = call(route[0], route[1], route[2] == null ? null : tokens.get(route[2]), body);
                assertThat(r.status()).as(route[0] + " " + route[1] + " with " + body + ": " + r.text()).isBetween(400, 499);
                assertThat(r.error()).as(route[1]).isNotBlank();
            }
        }
    }

    @Test
    void submittedApplicationsCannotBeModifiedOrDeleted() {
        long id = submit("不可修改的场所").get("id").asLong();
        assertThat(call("PUT", "/applications/" + id, citizen, application("改名")).status()).isIn(404, 405);
        assertThat(call("DELETE", "/applications/" + id, admin, null).status()).isIn(404, 405);
        assertThat(call("GET", "/applications/" + id, citizen, null).json().get("application").get("placeName").asText())
                .isEqualTo("不可修改的场所");
    }

    @Test
    void listPagesSortsSearchesAndScopes() {
        String tag = "检索" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            submit(tag + "店" + i);
        }
        JsonNode page = call("GET", "/applications?status=UNDER_REVIEW&q=" + tag + "&size=2&page=1&sort=NAME", reviewer, null).json();
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("placeName").asText()).isEqualTo(tag + "店2");
        assertThat(call("GET", "/applications?q=" + tag, otherReviewer, null).json().get("total").asLong()).isZero();
        assertThat(call("GET", "/applications?q=" + tag, citizen2, null).json().get("total").asLong()).isZero();
        assertThat(call("GET", "/applications?q=" + tag + "&creditCode=" + CREDIT + "&district=" + HEPING + "&category=MALL&from=2020-01-01&to=2099-01-01",
                admin, null).json().get("total").asLong()).isEqualTo(5);
        assertThat(call("GET", "/applications?q=" + tag + "&to=2020-01-01", admin, null).json().get("total").asLong()).isZero();
        JsonNode counts = call("GET", "/applications/counts", reviewer, null).json();
        assertThat(counts.get("UNDER_REVIEW").asLong()).isGreaterThanOrEqualTo(5);
        long id = page.get("items").get(0).get("id").asLong();
        assertThat(call("GET", "/applications/" + id, otherReviewer, null).status()).isEqualTo(403);
        assertThat(call("GET", "/applications/" + id, citizen2, null).status()).isEqualTo(404);
    }

    @Test
    void passIssuesAVerifiableVenueCodeAndFailNeedsAReason() {
        long id = submit("通过的场所").get("id").asLong();
        Resp noReason = call("POST", "/applications/" + id + "/decision", reviewer, Map.of("decision", "FAIL", "version", 1));
        assertThat(noReason.json().get("message").asText()).contains("reason");
        JsonNode passed = pass(id);
        long venueId = passed.get("application").get("venueId").asLong();
        assertThat(passed.get("history")).extracting(h -> h.get("action").asText()).containsExactly("SUBMITTED", "PASSED");
        Resp code = call("GET", "/venues/" + venueId + "/code", reviewer, null);
        VerificationResult r = new CodeVerifier(trustList().list(), VerificationPolicy.DEFAULT)
                .verifyVenue(code.json().get("text").asText(), Instant.now());
        assertThat(r.reason()).isEqualTo(Reason.VALID);
        assertThat(r.venue().venueId()).isEqualTo(venueId);
        assertThat(r.venue().name()).isEqualTo("通过的场所");

        long failId = submit("不通过的场所").get("id").asLong();
        Resp failed = call("POST", "/applications/" + failId + "/decision", reviewer,
                Map.of("decision", "FAIL", "reason", "统一社会信用代码与单位名称不符", "version", 1));
        assertThat(failed.json().get("application").get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.json().get("application").get("failReason").asText()).contains("不符");
        assertThat(call("POST", "/applications/" + failId + "/decision", otherReviewer,
                Map.of("decision", "PASS", "version", 2)).status()).isEqualTo(403);
    }

    @Test
    void dashboardCountsWaitingAndTodaysDecisionsPerReviewer() {
        long before = call("GET", "/applications/dashboard", reviewer, null).json().get("waiting").asLong();
        long a = submit("看板场所一").get("id").asLong();
        submit("看板场所二");
        JsonNode mid = call("GET", "/applications/dashboard", reviewer, null).json();
        assertThat(mid.get("waiting").asLong()).isEqualTo(before + 2);
        long passedBefore = mid.get("decisionsToday").path("rev-hp2").asLong(0);
        call("POST", "/applications/" + a + "/decision", reviewer2, Map.of("decision", "PASS", "version", 1));
        JsonNode after = call("GET", "/applications/dashboard", reviewer, null).json();
        assertThat(after.get("waiting").asLong()).isEqualTo(before + 1);
        assertThat(after.get("decisionsToday").get("rev-hp2").asLong()).isEqualTo(passedBefore + 1);
        assertThat(after.get("medianHoursToDecision").isNumber()).isTrue();
        assertThat(call("GET", "/applications/dashboard", citizen, null).status()).isEqualTo(403);
    }

    @Test
    void twoReviewersDecidingGetOneSuccessAndOneConflict() throws Exception {
        long id = submit("两人同时审核").get("id").asLong();
        Resp first = call("POST", "/applications/" + id + "/decision", reviewer, Map.of("decision", "PASS", "version", 1));
        Resp second = call("POST", "/applications/" + id + "/decision", reviewer2,
                Map.of("decision", "FAIL", "reason", "重复", "version", 1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error()).isEqualTo("DECISION_CONFLICT");
        assertThat(second.json().get("message").asText()).contains("rev-hp");

        long raced = submit("并发审核").get("id").asLong();
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = i % 2 == 0 ? reviewer : reviewer2;
            results.add(pool.submit(() -> {
                go.await();
                return call("POST", "/applications/" + raced + "/decision", token, Map.of("decision", "PASS", "version", 1)).status();
            }));
        }
        go.countDown();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger conflict = new AtomicInteger();
        for (Future<Integer> f : results) {
            int s = f.get();
            (s == 200 ? ok : s == 409 ? conflict : new AtomicInteger()).incrementAndGet();
        }
        pool.shutdown();
        assertThat(ok.get()).isEqualTo(1);
        assertThat(conflict.get()).isEqualTo(n - 1);
        assertThat(count("SELECT COUNT(*) FROM venues WHERE application_id = ?", raced)).isEqualTo(1);
    }

    @Test
    void reApplicationShowsWhatItReplacesAndDuplicatesAreFlagged() {
        JsonNode old = submit("重复的场所");
        ObjectNode again = application("重复的场所");
        again.put("replacesId", old.get("id").asLong());
        Resp r = call("POST", "/applications", citizen, again);
        assertThat(r.status()).isEqualTo(201);
        JsonNode detail = call("GET", "/applications/" + r.json().get("id").asLong(), reviewer, null).json();
        assertThat(detail.get("replaces").get("id").asLong()).isEqualTo(old.get("id").asLong());
        JsonNode third = submit("重复的场所");
        JsonNode d3 = call("GET", "/applications/" + third.get("id").asLong(), reviewer, null).json();
        assertThat(d3.get("possibleDuplicates").size()).isGreaterThanOrEqualTo(1);
        assertThat(d3.get("checks")).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("DUPLICATE");
            assertThat(c.get("passed").asBoolean()).isFalse();
        });
        ObjectNode foreign = application("别人的");
        foreign.put("replacesId", old.get("id").asLong());
        assertThat(call("POST", "/applications", citizen2, foreign).error()).isEqualTo("INVALID_FIELD");
    }

    // ---------------------------------------------------------------- venues, posters, trust list, keys

    @Test
    void venuePostersAndRevocation() {
        long venueId = passedVenue("海报场所");
        Resp v = call("GET", "/venues/" + venueId, citizen, null);
        assertThat(v.json().get("name").asText()).isEqualTo("海报场所");
        assertThat(call("GET", "/venues/" + venueId, citizen2, null).status()).isEqualTo(404);
        Resp png = call("GET", "/venues/" + venueId + "/poster.png?mode=mono", reviewer, null);
        assertThat(png.status()).as(png.text()).isEqualTo(200);
        assertThat(png.headers().get("Content-Type")).startsWith("image/png");
        assertThat(png.bytes()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Resp pdf = call("GET", "/venues/" + venueId + "/poster.pdf?paper=A3", citizen, null);
        assertThat(pdf.bytes()).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(call("GET", "/venues/" + venueId + "/poster.png?paper=B5", reviewer, null).error()).isEqualTo("INVALID_PARAMETER");
        assertThat(call("GET", "/venues?creditCode=" + CREDIT, reviewer, null).json()).isNotEmpty();

        assertThat(call("POST", "/venues/" + venueId + "/revoke", reviewer, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(call("POST", "/venues/" + venueId + "/revoke", admin, Map.of()).error()).isEqualTo("INVALID_FIELD");
        Resp revoked = call("POST", "/venues/" + venueId + "/revoke", admin, Map.of("reason", "场所已停业"));
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        assertThat(trustList().list().venueRevoked(venueId)).isTrue();
        assertThat(call("POST", "/venues/" + venueId + "/revoke", admin, Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(call("GET", "/venues/" + venueId + "/poster.png", reviewer, null).error()).isEqualTo("VENUE_REVOKED");
        assertThat(call("GET", "/venues/424242", reviewer, null).status()).isEqualTo(404);
    }

    @Test
    void trustListHasAnETagAndRotationAddsAKey() {
        Resp first = call("GET", "/trust-list", null, null);
        String etag = first.headers().get("ETag");
        assertThat(etag).startsWith("\"tl-");
        assertThat(call("GET", "/trust-list", null, null, Map.of("If-None-Match", etag)).status()).isEqualTo(304);
        assertThat(trustList().ok()).isTrue();

        assertThat(call("POST", "/keys/rotate", reviewer, Map.of("role", "HEALTH")).status()).isEqualTo(403);
        assertThat(call("POST", "/keys/rotate", admin, Map.of("role", "ROOT")).error()).isEqualTo("INVALID_FIELD");
        Resp rotated = call("POST", "/keys/rotate", admin, Map.of("role", "HEALTH", "overlapDays", 3));
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(201);
        String kid = rotated.json().get("keyId").asText();
        Resp after = call("GET", "/trust-list", null, null, Map.of("If-None-Match", etag));
        assertThat(after.status()).isEqualTo(200);
        assertThat(trustList().list().key(kid)).isPresent();
        assertThat(call("POST", "/keys/ffffffff/revoke", admin, null).status()).isEqualTo(404);
    }

    @Test
    void categoriesListAndAdminAdds() {
        assertThat(call("GET", "/categories", citizen, null).json()).anySatisfy(c -> assertThat(c.get("code").asText()).isEqualTo("MALL"));
        Map<String, String> cat = Map.of("code", "ESPORTS", "nameZh", "电竞馆", "nameEn", "E-sports hall");
        assertThat(call("POST", "/categories", reviewer, cat).status()).isEqualTo(403);
        assertThat(call("POST", "/categories", admin, cat).status()).isEqualTo(201);
        assertThat(call("POST", "/categories", admin, cat).error()).isEqualTo("CATEGORY_EXISTS");
        assertThat(call("POST", "/categories", admin, Map.of("code", "a b", "nameZh", "x", "nameEn", "y")).error()).isEqualTo("INVALID_FIELD");
        assertThat(call("GET", "/audit?action=CATEGORY_ADD", admin, null).json()).anySatisfy(e ->
                assertThat(e.get("target").asText()).isEqualTo("category:ESPORTS"));
    }

    // ---------------------------------------------------------------- devices and check-ins

    String pairDevice(long venueId) {
        Resp code = call("POST", "/pairing-codes", admin, Map.of("venueId", venueId));
        assertThat(code.status()).as(code.text()).isEqualTo(201);
        Resp paired = call("POST", "/devices/pair", null, Map.of("pairingCode", code.json().get("code").asText().toLowerCase(), "label", "东门",
                "publicKey", TestDevices.publicKey()));
        assertThat(paired.status()).as(paired.text()).isEqualTo(201);
        deviceIds.put(paired.json().get("token").asText(), paired.json().get("deviceId").asLong());
        assertThat(paired.json().get("rootKeyId").asText()).isEqualTo(Ed25519.keyId(hub.trust().root().decodedPublic()));
        assertThat(SignedTrustList.open(paired.json().get("trustList").asText(),
                Ed25519.decodePublic(paired.json().get("rootPublicKey").asText())).ok()).isTrue();
        assertThat(call("POST", "/devices/pair", null, Map.of("pairingCode", code.json().get("code").asText())).error())
                .isEqualTo("PAIRING_CODE_INVALID");
        return paired.json().get("token").asText();
    }

    static Map<String, Object> checkin(String id, long seq, long venueId, String chain) {
        return Map.of("id", id, "seq", seq, "chain", chain, "venueId", venueId, "subject", "S12345", "manual", false,
                "outcome", "PASS", "colour", "GREEN", "proxy", false, "decidedAt", Instant.now().minusSeconds(60).toString());
    }

    static String chain(int i) {
        return String.format("%064x", i + 1);
    }

    @Test
    void devicesPairOnceAndSeeOnlyTheirVenue() {
        long venueId = passedVenue("配对场所");
        String device = pairDevice(venueId);
        assertThat(call("GET", "/device/venue", device, null).json().get("id").asLong()).isEqualTo(venueId);
        assertThat(call("GET", "/venues/" + venueId + "/code", device, null).status()).isEqualTo(200);
        assertThat(call("GET", "/applications", device, null).status()).isEqualTo(403);
        assertThat(call("GET", "/citizens/me", device, null).status()).isEqualTo(403);
        assertThat(call("POST", "/pairing-codes", reviewer, Map.of("venueId", venueId)).status()).isEqualTo(403);
        assertThat(call("POST", "/pairing-codes", admin, Map.of("venueId", 1)).status()).isEqualTo(404);
        long deviceId = call("GET", "/devices?venueId=" + venueId, admin, null).json().get(0).get("id").asLong();
        assertThat(call("POST", "/devices/" + deviceId + "/revoke", admin, null).status()).isEqualTo(204);
        assertThat(call("GET", "/device/venue", device, null).status()).isEqualTo(401);
    }

    @Test
    void checkinsAreStoredExactlyOnce() {
        long venueId = passedVenue("签到场所");
        String device = pairDevice(venueId);
        List<Map<String, Object>> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.add(checkin(id, i, venueId, chain(i)));
        }
        Resp first = call("POST", "/checkins", device, Map.of("checkins", batch.subList(0, 6)));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().get("accepted")).hasSize(6);
        Resp repeated = call("POST", "/checkins", device, Map.of("checkins", batch.subList(0, 6)));
        assertThat(repeated.json().get("accepted")).isEmpty();
        assertThat(repeated.json().get("duplicates")).hasSize(6);
        Resp overlapping = call("POST", "/checkins", device, Map.of("checkins", batch.subList(3, 10)));
        assertThat(overlapping.json().get("accepted")).hasSize(4);
        assertThat(overlapping.json().get("duplicates")).hasSize(3);
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE venue_id = ?", venueId)).isEqualTo(10);

        List<Map<String, Object>> mixed = List.of(
                checkin(UUID.randomUUID().toString(), 10, venueId, chain(10)),
                checkin(ids.get(0), 0, venueId, chain(99)),
                checkin("not-a-uuid", 11, venueId, chain(11)),
                checkin(UUID.randomUUID().toString(), 12, venueId + 1, chain(12)));
        Resp partial = call("POST", "/checkins", device, Map.of("checkins", mixed));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().get("accepted")).hasSize(1);
        List<String> errors = new ArrayList<>();
        partial.json().get("rejected").forEach(x -> errors.add(x.get("error").asText()));
        assertThat(errors).containsExactlyInAnyOrder("ID_CONFLICT", "INVALID_FIELD", "WRONG_VENUE");
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE venue_id = ?", venueId)).isEqualTo(11);

        assertThat(call("POST", "/checkins", device, Map.of("rows", List.of())).error()).isEqualTo("UNKNOWN_FIELD");
        assertThat(call("POST", "/checkins", reviewer, Map.of("checkins", List.of())).status()).isEqualTo(403);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < CheckinService.MAX_BATCH + 1; i++) {
            tooMany.add(Map.of("id", "x"));
        }
        assertThat(call("POST", "/checkins", device, Map.of("checkins", tooMany)).error()).isEqualTo("INVALID_FIELD");
    }

    // ---------------------------------------------------------------- citizens, unveil, trace, audit, retention

    @Test
    void citizenSeesOwnCodeAndDependantsAndUnveils() {
        long child = registerCitizen("张*", "GREEN", false).get("subjectId").asLong();
        long adult = registerCitizen("赵*强", "GREEN", true).get("subjectId").asLong();
        assertThat(call("POST", "/citizens/" + citizenSubject + "/dependants", admin, Map.of("subjectId", child)).status()).isEqualTo(204);
        assertThat(call("POST", "/citizens/" + citizen2Subject + "/dependants", admin, Map.of("subjectId", child)).status())
                .as("both parents may hold the same child (FAQ 19)").isEqualTo(204);
        assertThat(call("POST", "/citizens/" + citizenSubject + "/dependants", admin, Map.of("subjectId", adult)).error())
                .isEqualTo("DEPENDANT_INDEPENDENT");
        JsonNode me = call("GET", "/citizens/me", citizen, null).json();
        assertThat(me.get("self").get("subjectId").asLong()).isEqualTo(citizenSubject);
        assertThat(me.get("dependants")).extracting(d -> d.get("subjectId").asLong()).contains(child);

        long venueId = passedVenue("亮码场所");
        String venueCode = call("GET", "/venues/" + venueId + "/code", reviewer, null).json().get("text").asText();
        Resp own = call("POST", "/citizens/" + citizenSubject + "/unveil", citizen, Map.of("venueCode", venueCode));
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.json().get("venueName").asText()).isEqualTo("亮码场所");
        VerificationResult r = new CodeVerifier(trustList().list(), VerificationPolicy.DEFAULT)
                .verifyHealth(own.json().get("code").asText(), venueId, Instant.now(), ReplayGuard.NONE);
        assertThat(r.reason()).isEqualTo(Reason.VALID);
        assertThat(r.health().proxy()).isFalse();
        assertThat(r.health().maskedName()).isEqualTo("张*明");

        Resp forChild = call("POST", "/citizens/" + child + "/unveil", citizen, Map.of("venueCode", venueCode));
        assertThat(forChild.json().get("proxy").asBoolean()).isTrue();
        assertThat(call("POST", "/citizens/" + adult + "/unveil", citizen, Map.of("venueCode", venueCode)).status()).isEqualTo(404);

        Resp invalid = call("POST", "/citizens/" + citizenSubject + "/unveil", citizen, Map.of("venueCode", "https://pay.example/123"));
        assertThat(invalid.error()).isEqualTo("INVALID_VENUE_CODE");
        assertThat(invalid.json().get("message").asText()).startsWith("Not a valid venue code, please scan the QR code posted in key places");
        Resp healthAsVenue = call("POST", "/citizens/" + citizenSubject + "/unveil", citizen, Map.of("venueCode", own.json().get("code").asText()));
        assertThat(healthAsVenue.error()).isEqualTo("INVALID_VENUE_CODE");
    }

    @Test
    void adminChangesColourWithReasonAndItIsAudited() {
        long s = registerCitizen("孙*", "GREEN", true).get("subjectId").asLong();
        assertThat(call("PUT", "/citizens/" + s + "/colour", admin, Map.of("colour", "RED")).error()).isEqualTo("INVALID_FIELD");
        assertThat(call("PUT", "/citizens/" + s + "/colour", reviewer, Map.of("colour", "GREEN")).status()).isEqualTo(403);
        Resp red = call("PUT", "/citizens/" + s + "/colour", admin,
                Map.of("colour", "RED", "reason", "密切接触者", "followUp", "请居家隔离并联系社区"));
        assertThat(red.json().get("colour").asText()).isEqualTo("RED");
        assertThat(call("GET", "/citizens/" + s, admin, null).json().get("colourFollowUp").asText()).contains("隔离");
        assertThat(call("GET", "/audit?action=COLOUR_CHANGE", admin, null).json()).anySatisfy(e ->
                assertThat(e.get("target").asText()).isEqualTo("subject:" + s));
        assertThat(call("PUT", "/citizens/" + s + "/colour", admin, Map.of("colour", "PURPLE")).error()).isEqualTo("INVALID_VALUE");
    }

    /** A citizen's unveil for the venue, through the API: the nonce of the code the hub signed. */
    long unveilNonce(long venueId) {
        String venueCode = call("GET", "/venues/" + venueId + "/code", reviewer, null).json().get("text").asText();
        Resp unveiled = call("POST", "/citizens/" + citizenSubject + "/unveil", citizen, Map.of("venueCode", venueCode));
        assertThat(unveiled.status()).as(unveiled.text()).isEqualTo(200);
        return org.venuegate.core.code.CodeFormat.parse(unveiled.json().get("code").asText()).code().health().nonce();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> wire(Checkin c) {
        return Json.mapper().convertValue(c, Map.class);
    }

    static final String ZERO = org.venuegate.core.checkin.CheckinChain.ZERO;

    @Test
    void tracerFindsEachCheckinOnceAndEveryQueryIsAudited() {
        long venueId = passedVenue("追溯场所");
        String device = pairDevice(venueId);
        long nonce = unveilNonce(venueId);
        String subject = "S" + citizenSubject;
        Checkin scanned = TestDevices.chained(ZERO, UUID.randomUUID().toString(), 1, venueId, subject, false,
                "PASS", null, "GREEN", nonce, Instant.now());
        call("POST", "/checkins", device, Map.of("checkins", List.of(wire(scanned))));
        call("POST", "/checkins", device, Map.of("checkins", List.of(wire(scanned))));
        String window = "?caseRef=C-2026-0042&from=" + Instant.now().minus(Duration.ofHours(1)) + "&to=" + Instant.now().plus(Duration.ofHours(1));
        Resp atVenue = call("GET", "/trace/venues/" + venueId + window, tracer, null);
        assertThat(atVenue.json().get("visits")).hasSize(1);
        assertThat(atVenue.json().get("visits").get(0).get("subject").asText()).isEqualTo(subject);
        assertThat(atVenue.json().get("visits").get(0).get("evidence").asText()).isEqualTo("VERIFIED");
        assertThat(atVenue.json().get("unverified")).isEmpty();
        Resp ofSubject = call("GET", "/trace/subjects/" + subject + window, tracer, null);
        assertThat(ofSubject.json().get("visits")).anySatisfy(v -> assertThat(v.get("venueName").asText()).isEqualTo("追溯场所"));
        assertThat(call("GET", "/trace/venues/" + venueId + window, admin, null).status()).isEqualTo(403);
        assertThat(call("GET", "/trace/venues/" + venueId + "?caseRef=C-1&from=2026-01-01", tracer, null).error()).isEqualTo("INVALID_PARAMETER");
        assertThat(call("GET", "/trace/venues/" + venueId + "?caseRef=C-1&from=2026-01-01&to=2026-06-01", tracer, null).json().get("message").asText())
                .contains("31 days");
        JsonNode audit = call("GET", "/audit?size=500", admin, null).json();
        assertThat(audit).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("TRACE_VENUE"));
        assertThat(audit).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("TRACE_SUBJECT"));
        assertThat(audit).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("DECISION_PASS"));
        assertThat(audit).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("PAIRING_CODE"));
    }

    /**
     * A leaked kiosk token and key can post anything; what they cannot do is make the hub have unveiled a code. Every
     * such record is kept, but only among the unverified attempts, each saying why.
     */
    @Test
    void aForgedPassPostedWithARealDeviceNeverAppearsInATrace() {
        long venueId = passedVenue("伪造检验场所");
        long otherVenue = passedVenue("另一场所");
        String device = pairDevice(venueId);
        String subject = "S" + citizenSubject;
        long realNonce = unveilNonce(venueId);
        long nonceForOther = unveilNonce(otherVenue);
        Instant now = Instant.now();
        List<Checkin> items = new ArrayList<>();
        String prev = ZERO;
        Object[][] cases = {
                {"S900001", false, 4242L, now},                     // a code the hub never issued
                {"S900002", false, realNonce, now},                 // a real nonce under someone else's subject
                {subject, false, nonceForOther, now},               // unveiled for another venue
                {subject, false, realNonce, now.plus(Duration.ofMinutes(30))}, // long after the code expired
                {"M0123456789abcdef0123456789abcdef", true, null, now}, // hand registration
                {"S900003", false, null, now},                      // no code at all (a forged code's stop carries none)
        };
        for (int i = 0; i < cases.length; i++) {
            Object[] k = cases[i];
            boolean manual = (Boolean) k[1];
            boolean stop = k[2] == null && !manual;
            Checkin c = TestDevices.chained(prev, UUID.randomUUID().toString(), i + 1, venueId, (String) k[0], manual,
                    stop ? "STOP" : "PASS", stop ? "FORGED" : null, manual || stop ? null : "GREEN", (Long) k[2], (Instant) k[3]);
            items.add(c);
            prev = c.chain();
        }
        Resp r = call("POST", "/checkins", device, Map.of("checkins", items.stream().map(HubApiContract::wire).toList()));
        assertThat(r.json().get("accepted")).as(r.text()).hasSize(cases.length);

        String window = "?caseRef=C-FORGED&from=" + now.minus(Duration.ofHours(2)) + "&to=" + now.plus(Duration.ofHours(1));
        JsonNode atVenue = call("GET", "/trace/venues/" + venueId + window, tracer, null).json();
        assertThat(atVenue.get("visits")).as("no forged record is a visit").isEmpty();
        Map<String, String> why = new java.util.HashMap<>();
        atVenue.get("unverified").forEach(v -> why.merge(v.get("subject").asText(), v.get("evidence").asText(), (x, y) -> x + "," + y));
        assertThat(why).containsEntry("S900001", "NO_UNVEIL").containsEntry("S900002", "OTHER_SUBJECT")
                .containsEntry("M0123456789abcdef0123456789abcdef", "MANUAL").containsEntry("S900003", "NO_CODE");
        assertThat(why.get(subject).split(",")).containsExactlyInAnyOrder("OTHER_VENUE", "OUTSIDE_WINDOW");
        for (String s : List.of("S900001", "S900002", subject)) {
            JsonNode where = call("GET", "/trace/subjects/" + s + window, tracer, null).json();
            // this citizen has real visits elsewhere from other tests: none of them at this venue
            assertThat(where.get("visits")).as(s).noneSatisfy(v -> assertThat(v.get("venueId").asLong()).isEqualTo(venueId));
            assertThat(where.get("unverified")).as(s).anySatisfy(v -> assertThat(v.get("venueId").asLong()).isEqualTo(venueId));
        }
    }

    @Test
    void aBatchMustBeSignedWithTheKeyTheKioskRegisteredAndARevokedDeviceIsRefused() {
        long venueId = passedVenue("签名场所");
        String device = pairDevice(venueId);
        long deviceId = deviceIds.get(device);
        List<Checkin> items = List.of(TestDevices.chained(ZERO, UUID.randomUUID().toString(), 1, venueId, "S1",
                false, "PASS", null, "GREEN", null, Instant.now()));
        List<Map<String, Object>> wire = items.stream().map(HubApiContract::wire).toList();
        Map<String, Object> unsigned = new java.util.HashMap<>(Map.of("checkins", wire));
        unsigned.put("signature", null);
        Resp r = call("POST", "/checkins", device, unsigned);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("BATCH_SIGNATURE_INVALID");
        // a thief's own key: the token is right, the signature is not the device's
        String stranger = CheckinBatch.signed(deviceId, items, Ed25519.generate().getPrivate()).signature();
        assertThat(call("POST", "/checkins", device, Map.of("checkins", wire, "signature", stranger, "scheme", "VGB2")).error())
                .isEqualTo("BATCH_SIGNATURE_INVALID");
        // the device's own signature over other items does not carry over
        String forOther = CheckinBatch.signed(deviceId + 1, items, TestDevices.KEY.getPrivate()).signature();
        assertThat(call("POST", "/checkins", device, Map.of("checkins", wire, "signature", forOther, "scheme", "VGB2")).error())
                .isEqualTo("BATCH_SIGNATURE_INVALID");
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE device_id = " + deviceId)).isZero();
        assertThat(call("POST", "/checkins", device, Map.of("checkins", wire)).json().get("accepted")).hasSize(1);

        assertThat(call("POST", "/devices/pair", null, Map.of("pairingCode", "AAAAA-BBBBB", "publicKey", "bm90IGEga2V5")).status())
                .isEqualTo(401);
        Resp code = call("POST", "/pairing-codes", admin, Map.of("venueId", venueId));
        assertThat(call("POST", "/devices/pair", null, Map.of("pairingCode", code.json().get("code").asText())).error())
                .as("a kiosk without a key cannot pair").isEqualTo("INVALID_FIELD");
        assertThat(call("POST", "/devices/pair", null, Map.of("pairingCode", code.json().get("code").asText(),
                "publicKey", TestDevices.publicKey())).status()).as("the refused attempt did not spend the code").isEqualTo(201);

        assertThat(call("POST", "/devices/" + deviceId + "/revoke", admin, null).status()).isLessThan(300);
        assertThat(call("POST", "/checkins", device, Map.of("checkins", wire)).status()).isEqualTo(401);
    }

    @Test
    void aKiosksContactIsNotedWithoutLeavingTheConnectionLessDurable() {
        long venueId = passedVenue("联系时间场所");
        String device = pairDevice(venueId);
        long deviceId = deviceIds.get(device);
        assertThat(call("POST", "/checkins", device, Map.of("checkins", List.of())).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM device_health WHERE device_id = " + deviceId + " AND last_contact > 0")).isEqualTo(1);
        if (hub.db().dialect() != org.venuegate.hub.store.Database.Dialect.POSTGRES) {
            return;
        }
        // the contact's commit does not wait for the disk; the next transaction on that connection (a batch) must
        java.util.function.Supplier<String[]> pidAndSetting = () -> hub.db().read(c -> {
            try (java.sql.Statement st = c.createStatement();
                 // the source says whether a SET changed it for the session (the test server's default may be off)
                 java.sql.ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), setting || ' from ' || source FROM pg_settings"
                         + " WHERE name = 'synchronous_commit'")) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        });
        String[] before = pidAndSetting.get();
        hub.backOffice().touch(deviceId);
        String[] after = pidAndSetting.get();
        org.junit.jupiter.api.Assumptions.assumeTrue(before[0].equals(after[0]), "the pool gave this thread another connection");
        assertThat(after[1]).isEqualTo(before[1]).doesNotContain("session");
    }

    @Test
    void kiosksThatSignTheWholeMessageAreStillHeardAndNoSignatureCountsUnderTheOtherScheme() {
        long venueId = passedVenue("旧版终端场所");
        String device = pairDevice(venueId);
        long deviceId = deviceIds.get(device);
        Instant now = Instant.now();
        Checkin first = TestDevices.chained(ZERO, UUID.randomUUID().toString(), 1, venueId, "S1", false, "PASS", null, "GREEN",
                null, now);
        Checkin second = TestDevices.chained(first.chain(), UUID.randomUUID().toString(), 2, venueId, "S2", false, "PASS", null,
                "GREEN", null, now);
        List<Map<String, Object>> one = List.of(wire(first));
        List<Map<String, Object>> two = List.of(wire(second));
        String legacy = CheckinBatch.signed("VGB1", deviceId, List.of(first), TestDevices.KEY.getPrivate()).signature();
        String current = CheckinBatch.signed("VGB2", deviceId, List.of(first), TestDevices.KEY.getPrivate()).signature();

        // each signature holds under its own scheme only: the schemes' messages start with different tags
        assertThat(call("POST", "/checkins", device, Map.of("checkins", one, "signature", current)).error())
                .as("a current signature sent as a kiosk that names no scheme").isEqualTo("BATCH_SIGNATURE_INVALID");
        assertThat(call("POST", "/checkins", device, Map.of("checkins", one, "signature", legacy, "scheme", "VGB2")).error())
                .as("a legacy signature named as the current scheme").isEqualTo("BATCH_SIGNATURE_INVALID");
        Resp unknown = call("POST", "/checkins", device, Map.of("checkins", one, "signature", current, "scheme", "VGB3"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).isEqualTo("INVALID_FIELD");
        assertThat(unknown.json().get("message").asText()).contains("scheme").contains("VGB3").contains("VGB1").contains("VGB2");
        assertThat(call("POST", "/checkins", device, Map.of("checkins", one, "signature", current, "scheme", 2)).status())
                .isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE device_id = " + deviceId)).isZero();

        // a kiosk from before schemes signs the whole message and names none; the next batch, from the same
        // kiosk updated, signs the digest and names it: both are stored and the chain runs on across them
        Resp old = call("POST", "/checkins", device, Map.of("checkins", one, "signature", legacy));
        assertThat(old.json().get("accepted")).hasSize(1);
        Resp updated = call("POST", "/checkins", device, Map.of("checkins", two, "scheme", "VGB2"));
        assertThat(updated.json().get("accepted")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE device_id = " + deviceId)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE device_id = " + deviceId + " AND evidence = 'CHAIN_MISMATCH'"))
                .isZero();
    }

    JsonNode chainOf(long deviceId) {
        for (JsonNode d : call("GET", "/devices/health", admin, null).json()) {
            if (d.get("deviceId").asLong() == deviceId) {
                return d.get("chain");
            }
        }
        throw new AssertionError("device " + deviceId + " not in the fleet view");
    }

    @Test
    void aGapABrokenLinkAndARewrittenRecordMarkTheDeviceInTheFleetView() {
        long venueId = passedVenue("链条场所");
        String device = pairDevice(venueId);
        long deviceId = deviceIds.get(device);
        assertThat(chainOf(deviceId).get("status").asText()).isEqualTo("NONE");
        List<Checkin> all = new ArrayList<>();
        String prev = ZERO;
        Instant at = Instant.now().minusSeconds(30);
        for (int seq = 1; seq <= 10; seq++) {
            Checkin c = TestDevices.chained(prev, UUID.randomUUID().toString(), seq, venueId, "S" + seq, false,
                    "PASS", null, "GREEN", null, at.plusMillis(seq));
            all.add(c);
            prev = c.chain();
        }
        // batches out of order, one twice, as after a crash: the hub waits for the missing ones
        call("POST", "/checkins", device, Map.of("checkins", all.subList(0, 3).stream().map(HubApiContract::wire).toList()));
        call("POST", "/checkins", device, Map.of("checkins", all.subList(6, 8).stream().map(HubApiContract::wire).toList()));
        JsonNode gap = chainOf(deviceId);
        assertThat(gap.get("status").asText()).isEqualTo("GAP");
        assertThat(gap.get("verifiedTo").asLong()).isEqualTo(3);
        assertThat(gap.get("from").asLong()).isEqualTo(4);
        assertThat(gap.get("to").asLong()).isEqualTo(6);
        call("POST", "/checkins", device, Map.of("checkins", all.subList(0, 3).stream().map(HubApiContract::wire).toList()));
        call("POST", "/checkins", device, Map.of("checkins", all.subList(3, 6).stream().map(HubApiContract::wire).toList()));
        JsonNode closed = chainOf(deviceId);
        assertThat(closed.get("status").asText()).as(closed.toString()).isEqualTo("OK");
        assertThat(closed.get("verifiedTo").asLong()).isEqualTo(8);

        // record 9 rewritten on the kiosk: its content no longer matches its chain value
        Map<String, Object> edited = new java.util.HashMap<>(wire(all.get(8)));
        edited.put("outcome", "STOP");
        edited.put("reason", "RED_CODE");
        call("POST", "/checkins", device, Map.of("checkins", List.of(edited)));
        JsonNode flagged = chainOf(deviceId);
        assertThat(flagged.get("status").asText()).isEqualTo("EDITED");
        assertThat(flagged.get("from").asLong()).isEqualTo(9);
        // a record 10 that does not follow the 9 the hub holds
        Checkin foreign = TestDevices.chained("ab".repeat(32), UUID.randomUUID().toString(), 10, venueId, "S10",
                false, "PASS", null, "GREEN", null, at);
        call("POST", "/checkins", device, Map.of("checkins", List.of(wire(foreign))));
        assertThat(chainOf(deviceId).get("status").asText()).isEqualTo("BROKEN");
        // the original 3 sent again with other content
        Map<String, Object> altered = new java.util.HashMap<>(wire(all.get(2)));
        altered.put("subject", "S999");
        assertThat(call("POST", "/checkins", device, Map.of("checkins", List.of(altered))).json().get("rejected").get(0)
                .get("error").asText()).isEqualTo("ID_CONFLICT");
        JsonNode rewritten = chainOf(deviceId);
        assertThat(rewritten.get("status").asText()).isEqualTo("REWRITTEN");
        assertThat(rewritten.get("from").asLong()).isEqualTo(3);
        assertThat(rewritten.get("problems").asLong()).isEqualTo(3);
    }

    @Test
    void aTraceWithoutCaseReferenceIsRefusedAndNotAudited() {
        long venueId = passedVenue("无案号场所");
        String window = "from=" + Instant.now().minus(Duration.ofHours(1)) + "&to=" + Instant.now().plus(Duration.ofHours(1));
        long before = count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'TRACE_%'");
        assertThat(call("GET", "/trace/venues/" + venueId + "?" + window, tracer, null).error()).isEqualTo("CASE_REFERENCE_REQUIRED");
        assertThat(call("GET", "/trace/subjects/S1?caseRef=%20&" + window, tracer, null).error()).isEqualTo("CASE_REFERENCE_REQUIRED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'TRACE_%'")).isEqualTo(before);
        assertThat(call("GET", "/trace/venues/" + venueId + "?caseRef=%E6%A1%88-7&" + window, tracer, null).status()).isEqualTo(200);
        assertThat(call("GET", "/audit?action=TRACE_VENUE&actor=tracer", admin, null).json().get(0).get("detail").asText())
                .startsWith("case 案-7:");
    }

    @Test
    void backOfficeRoutesCheckTheirRoles() {
        for (String path : List.of("/users", "/devices/health", "/revocations", "/retention")) {
            assertThat(call("GET", path, reviewer, null).status()).as(path).isEqualTo(403);
            assertThat(call("GET", path, tracer, null).status()).as(path).isEqualTo(403);
            assertThat(call("GET", path, admin, null).status()).as(path).isEqualTo(200);
        }
        assertThat(call("GET", "/dashboard", tracer, null).status()).isEqualTo(403);
        assertThat(call("GET", "/dashboard", citizen, null).status()).isEqualTo(403);
        assertThat(call("GET", "/dashboard?days=7", reviewer, null).json().get("perDay")).hasSize(7);
        assertThat(call("GET", "/dashboard?days=0", admin, null).error()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void adminDisablesUsersResetsPasswordsAndSetsRetention() {
        String token = user("rev-disable", "REVIEWER", HEPING, null);
        long id = findUser(call("GET", "/users", admin, null).json(), "rev-disable").get("id").asLong();
        Resp disabled = call("PUT", "/users/" + id, admin, Map.of("role", "REVIEWER", "district", 120102, "active", false));
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        assertThat(disabled.json().get("district").asInt()).isEqualTo(120102);
        assertThat(call("GET", "/applications/counts", token, null).status()).isEqualTo(401);
        assertThat(call("POST", "/auth/login", null, Map.of("username", "rev-disable", "password", "password-1")).status())
                .isEqualTo(401);
        call("PUT", "/users/" + id, admin, Map.of("role", "REVIEWER", "active", true));
        assertThat(call("POST", "/users/" + id + "/password", admin, Map.of("password", "short")).error()).isEqualTo("INVALID_FIELD");
        assertThat(call("POST", "/users/" + id + "/password", admin, Map.of("password", "new-password-2")).status()).isEqualTo(204);
        login("rev-disable", "new-password-2");
        assertThat(call("PUT", "/users/" + id, reviewer, Map.of("role", "ADMIN", "active", true)).status()).isEqualTo(403);
        assertThat(call("GET", "/audit?action=USER_UPDATE", admin, null).json()).isNotEmpty();
        assertThat(call("GET", "/audit?action=PASSWORD_RESET", admin, null).json().get(0).get("target").asText())
                .isEqualTo("user:rev-disable");

        assertThat(call("PUT", "/retention", admin, Map.of("days", 0)).error()).isEqualTo("INVALID_FIELD");
        assertThat(call("PUT", "/retention", admin, Map.of("days", 21)).json().get("days").asInt()).isEqualTo(21);
        hub.checkins().purge(hub.backOffice().retention());
        JsonNode retention = call("GET", "/retention", admin, null).json();
        assertThat(retention.get("days").asInt()).isEqualTo(21);
        assertThat(retention.get("lastPurgeAt").isNull()).isFalse();
        call("PUT", "/retention", admin, Map.of("days", 28));
    }

    @Test
    void kiosksReportTheirHealthAndEveryCallCountsAsContact() {
        long venueId = passedVenue("机队场所");
        String device = pairDevice(venueId);
        assertThat(call("POST", "/device/health", device, Map.of("pending", 3, "trustListSignedAt", Instant.now().minusSeconds(7200).toString(),
                "kioskTime", Instant.now().plusSeconds(90).toString())).status()).isEqualTo(204);
        assertThat(call("POST", "/device/health", device, Map.of("pending", -1)).error()).isEqualTo("INVALID_FIELD");
        assertThat(call("POST", "/device/health", admin, Map.of("pending", 1)).status()).isEqualTo(403);
        JsonNode mine = null;
        for (JsonNode d : call("GET", "/devices/health", admin, null).json()) {
            if (d.get("venueId").asLong() == venueId) {
                mine = d;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("pending").asLong()).isEqualTo(3);
        assertThat(mine.get("clockSkewMs").asLong()).isBetween(60_000L, 120_000L);
        assertThat(mine.get("venueName").asText()).isEqualTo("机队场所");
        assertThat(mine.get("lastContact").isNull()).isFalse();
    }

    @Test
    void retentionPurgesOldCheckinsAndLogsTheCount() {
        long venueId = passedVenue("保留期场所");
        String device = pairDevice(venueId);
        Map<String, Object> old = new java.util.HashMap<>(checkin(UUID.randomUUID().toString(), 0, venueId, chain(0)));
        old.put("decidedAt", Instant.now().minus(Duration.ofDays(30)).toString());
        Map<String, Object> fresh = checkin(UUID.randomUUID().toString(), 1, venueId, chain(1));
        // a kiosk paired long ago, under a longer retention period, so the hub takes the old one in
        hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "UPDATE devices SET created_at = ? WHERE venue_id = ?",
                Instant.now().minus(Duration.ofDays(40)).toEpochMilli(), venueId));
        call("PUT", "/retention", admin, Map.of("days", 60));
        try {
            call("POST", "/checkins", device, Map.of("checkins", List.of(old, fresh)));
        } finally {
            call("PUT", "/retention", admin, Map.of("days", 28));
        }
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE venue_id = ?", venueId)).isEqualTo(2);
        // the evidence goes with the check-ins it judges: an old unveil is purged, a fresh one kept
        long freshNonce = unveilNonce(venueId);
        hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "INSERT INTO unveils(nonce, subject, venue_id, admitted_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)", 31L, "S1", venueId, Instant.now().minus(Duration.ofDays(30)).toEpochMilli(),
                Instant.now().minus(Duration.ofDays(30)).plusSeconds(600).toEpochMilli()));
        int purged = hub.checkins().purge(Duration.ofDays(28));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM checkins WHERE venue_id = ?", venueId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM unveils WHERE nonce = ?", 31L)).isZero();
        assertThat(count("SELECT COUNT(*) FROM unveils WHERE nonce = ?", freshNonce)).isEqualTo(1);
        assertThat(call("GET", "/audit?action=RETENTION_PURGE", admin, null).json().get(0).get("detail").asText()).contains("deleted");
    }

    /**
     * Issue 14: a scanned check-in is judged against its unveil when it is read, so the purge must keep every unveil a
     * kept check-in needs: here one decided after the cutoff, within the clock slack after its code expired, which
     * expired before the cutoff.
     */
    @Test
    void thePurgeKeepsTheUnveilsOfTheCheckinsItKeeps() {
        long venueId = passedVenue("保留凭据场所");
        String device = pairDevice(venueId);
        hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "UPDATE devices SET created_at = ? WHERE venue_id = ?",
                Instant.now().minus(Duration.ofDays(40)).toEpochMilli(), venueId));
        Instant cutoff = Instant.now().minus(Duration.ofDays(28));
        Instant decided = cutoff.plusSeconds(60);
        Instant expired = decided.minusSeconds(90);
        long nonce = org.venuegate.hub.UnveilLog.nonce(expired, 977);
        hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "INSERT INTO unveils(nonce, subject, venue_id, admitted_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)", nonce, "S910001", venueId, expired.minusSeconds(600).toEpochMilli(), expired.toEpochMilli()));
        Checkin late = TestDevices.chained(ZERO, UUID.randomUUID().toString(), 1, venueId, "S910001", false, "PASS", null,
                "GREEN", nonce, decided);
        call("PUT", "/retention", admin, Map.of("days", 60));
        try {
            assertThat(call("POST", "/checkins", device, Map.of("checkins", List.of(wire(late)))).json().get("accepted")).hasSize(1);
        } finally {
            call("PUT", "/retention", admin, Map.of("days", 28));
        }
        hub.checkins().purge(Duration.ofDays(28));

        assertThat(count("SELECT COUNT(*) FROM checkins WHERE venue_id = ?", venueId)).isEqualTo(1);
        String window = "?caseRef=C-KEPT&from=" + cutoff.minus(Duration.ofDays(1)) + "&to=" + cutoff.plus(Duration.ofDays(1));
        JsonNode atVenue = call("GET", "/trace/venues/" + venueId + window, tracer, null).json();
        assertThat(atVenue.get("visits")).as(atVenue.toString()).hasSize(1);
        assertThat(atVenue.get("visits").get(0).get("evidence").asText()).isEqualTo("VERIFIED");
    }

    /** The newest audit entry of {@code action} on {@code target}, as the API serves it. */
    JsonNode audited(String action, String target) {
        for (JsonNode e : call("GET", "/audit?size=500&action=" + action, admin, null).json()) {
            if (e.get("target").asText().equals(target)) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " entry on " + target);
    }

    static List<String> args(JsonNode entry) {
        List<String> out = new ArrayList<>();
        entry.get("detailArgs").forEach(a -> out.add(a.isNull() ? null : a.asText()));
        return out;
    }

    /**
     * Issue 12: every detail comes as a message with its arguments (so a screen words it in its own language), next to
     * the English sentence logs read; typed text stays as typed, times and durations are ISO-8601, enums by name.
     */
    @Test
    void auditDetailsCarryAMessageAndItsArguments() {
        JsonNode app = submit("审计详情场所");
        long venueId = pass(app.get("id").asLong()).get("application").get("venueId").asLong();
        JsonNode pass = audited("DECISION_PASS", "application:" + app.get("id").asLong());
        assertThat(pass.get("detailKey").asText()).isEqualTo("VENUE_CREATED");
        assertThat(args(pass)).containsExactly(Long.toString(venueId));
        assertThat(pass.get("detail").asText()).isEqualTo("venue " + venueId);

        long failed = submit("审计退回场所").get("id").asLong();
        call("POST", "/applications/" + failed + "/decision", reviewer, Map.of("decision", "FAIL", "reason", "营业执照照片不清晰", "version", 1));
        JsonNode fail = audited("DECISION_FAIL", "application:" + failed);
        assertThat(fail.get("detailKey").asText()).isEqualTo("REASON");
        assertThat(args(fail)).containsExactly("营业执照照片不清晰");

        pairDevice(venueId);
        JsonNode code = audited("PAIRING_CODE", "venue:" + venueId);
        assertThat(code.get("detailKey").asText()).isEqualTo("PAIRING_EXPIRES");
        assertThat(Instant.parse(args(code).get(0))).isAfter(Instant.now());
        JsonNode paired = audited("DEVICE_PAIRED", "venue:" + venueId);
        assertThat(paired.get("detailKey").asText()).isEqualTo("DEVICE_LABEL");
        assertThat(args(paired)).containsExactly("东门");

        call("POST", "/venues/" + venueId + "/revoke", admin, Map.of("reason", "场所已搬迁"));
        assertThat(args(audited("VENUE_REVOKE", "venue:" + venueId))).containsExactly("场所已搬迁");

        call("POST", "/categories", admin, Map.of("code", "AUDITED", "nameZh", "审计馆", "nameEn", "Audit hall"));
        JsonNode category = audited("CATEGORY_ADD", "category:AUDITED");
        assertThat(category.get("detailKey").asText()).isEqualTo("CATEGORY_NAMES");
        assertThat(args(category)).containsExactly("审计馆", "Audit hall");

        long s = registerCitizen("钱*", "GREEN", false).get("subjectId").asLong();
        assertThat(audited("CITIZEN_REGISTER", "subject:" + s).get("detailKey").asText()).isEqualTo("CITIZEN_COLOUR");
        assertThat(args(audited("CITIZEN_REGISTER", "subject:" + s))).containsExactly("GREEN");
        call("POST", "/citizens/" + citizenSubject + "/dependants", admin, Map.of("subjectId", s));
        assertThat(args(audited("DEPENDANT_ADD", "subject:" + s))).containsExactly(Long.toString(citizenSubject));
        call("PUT", "/citizens/" + s + "/colour", admin, Map.of("colour", "YELLOW", "reason", "次密接", "followUp", "请三天两检"));
        JsonNode colour = audited("COLOUR_CHANGE", "subject:" + s);
        assertThat(colour.get("detailKey").asText()).isEqualTo("COLOUR_CHANGE_REASON");
        assertThat(args(colour)).containsExactly("GREEN", "YELLOW", "次密接");
        call("PUT", "/citizens/" + s + "/colour", admin, Map.of("colour", "GREEN"));
        assertThat(audited("COLOUR_CHANGE", "subject:" + s).get("detailKey").asText()).isEqualTo("COLOUR_CHANGE");

        String kid = call("POST", "/keys/rotate", admin, Map.of("role", "HEALTH", "overlapDays", 3)).json().get("keyId").asText();
        JsonNode rotated = audited("KEY_ROTATE", kid);
        assertThat(rotated.get("detailKey").asText()).isEqualTo("KEY_ROTATED");
        assertThat(args(rotated)).containsExactly("HEALTH", "PT72H");

        user("rev-audited", "REVIEWER", HEPING, null);
        long id = findUser(call("GET", "/users", admin, null).json(), "rev-audited").get("id").asLong();
        call("PUT", "/users/" + id, admin, Map.of("role", "REVIEWER", "district", 120102, "active", false));
        JsonNode update = audited("USER_UPDATE", "user:rev-audited");
        assertThat(update.get("detailKey").asText()).isEqualTo("USER_UPDATE");
        assertThat(args(update)).containsExactly("REVIEWER", "REVIEWER", Integer.toString(HEPING), "120102", "true", "false");
        call("PUT", "/users/" + id, admin, Map.of("role", "TRACER", "active", true));
        assertThat(args(audited("USER_UPDATE", "user:rev-audited"))).containsExactly("REVIEWER", "TRACER", "120102", null, "false", "true");

        String window = "?caseRef=" + java.net.URLEncoder.encode("案-0815", java.nio.charset.StandardCharsets.UTF_8) + "&from=" + Instant.parse("2026-11-01T00:00:00Z") + "&to=" + Instant.parse("2026-11-02T00:00:00Z");
        call("GET", "/trace/venues/" + venueId + window, tracer, null);
        JsonNode trace = audited("TRACE_VENUE", "venue:" + venueId);
        assertThat(trace.get("detailKey").asText()).isEqualTo("TRACE");
        assertThat(args(trace)).containsExactly("案-0815", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "0", "0");

        int days = (int) hub.backOffice().retention().toDays();
        try {
            call("PUT", "/retention", admin, Map.of("days", 30));
            JsonNode retention = call("GET", "/audit?action=RETENTION_SET", admin, null).json().get(0);
            assertThat(retention.get("detailKey").asText()).isEqualTo("RETENTION_CHANGE");
            assertThat(args(retention)).containsExactly(Integer.toString(days), "30");
            int purged = hub.checkins().purge(hub.backOffice().retention());
            JsonNode purge = call("GET", "/audit?action=RETENTION_PURGE", admin, null).json().get(0);
            assertThat(purge.get("detailKey").asText()).isIn("RETENTION_PURGE", "RETENTION_PURGE_PARTITIONS");
            assertThat(args(purge).get(0)).isEqualTo(Integer.toString(purged));
            assertThat(Instant.parse(args(purge).get(1))).isBefore(Instant.now().minus(Duration.ofDays(29)));
            assertThat(args(purge).get(2)).isEqualTo("30");
        } finally {
            call("PUT", "/retention", admin, Map.of("days", days));
        }

        // An entry without a detail has no message; one written before messages existed keeps its sentence.
        JsonNode reset = call("GET", "/audit?action=PASSWORD_RESET", admin, null).json();
        reset.forEach(e -> assertThat(e.get("detailKey").isNull() && e.get("detailArgs").isEmpty()).isTrue());
        hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "INSERT INTO audit_log(at, actor, action, target, detail)"
                + " VALUES (?, ?, ?, ?, ?)", Instant.now().toEpochMilli(), "admin", "LEGACY_ENTRY", "venue:1", "expires 2026-01-01T00:00:00Z"));
        JsonNode legacy = audited("LEGACY_ENTRY", "venue:1");
        assertThat(legacy.get("detail").asText()).isEqualTo("expires 2026-01-01T00:00:00Z");
        assertThat(legacy.get("detailKey").isNull()).isTrue();
        assertThat(legacy.get("detailArgs")).isEmpty();
    }

    /** Issue 13, defect 1: times far outside any sane range were HTTP 500 (overflow); now each is refused by name. */
    @Test
    void timesOutsideTheProductsYearsAreRefusedNeverA500() {
        for (String q : new String[] {"to=%2B999999999-12-31", "from=%2B1000000000-01-01T00:00:00Z", "from=-999999999-01-01",
            "to=1899-12-31", "from=2300-01-01T00:00:00Z"}) {
            Resp r = call("GET", "/applications?" + q, reviewer, null);
            assertThat(r.status()).as(q + ": " + r.text()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("INVALID_PARAMETER");
        }
        for (String path : new String[] {"/trace/venues/1?caseRef=CASE-7&from=-999999999-01-01&to=2026-12-01",
            "/trace/subjects/S1?caseRef=CASE-7&from=2026-11-01&to=%2B999999999-12-31"}) {
            Resp r = call("GET", path, tracer, null);
            assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(400);
            assertThat(r.error()).as(path).isEqualTo("INVALID_PARAMETER");
        }
        ObjectNode citizen = Json.mapper().createObjectNode().put("maskedName", "王*").put("colour", "GREEN")
                .put("vaccinated", true).put("lastNegativeTest", "+1000000000-01-01T00:00:00Z");
        assertThat(call("POST", "/citizens", admin, citizen).status()).isEqualTo(400);
        citizen.put("lastNegativeTest", "1969-12-31T00:00:00Z");
        assertThat(call("POST", "/citizens", admin, citizen).error()).as("before the code format's epoch").isEqualTo("INVALID_FIELD");
        citizen.put("lastNegativeTest", Instant.now().plus(Duration.ofDays(2)).toString());
        assertThat(call("POST", "/citizens", admin, citizen).error()).as("a test not yet taken").isEqualTo("INVALID_FIELD");
        // 12 code points, 45 bytes in UTF-8: more than the health code can carry
        citizen.put("lastNegativeTest", Instant.now().minus(Duration.ofHours(3)).toString()).put("maskedName", "𠀀𠀀𠀀𠀀𠀀*𠀀𠀀𠀀𠀀𠀀𠀀");
        Resp wide = call("POST", "/citizens", admin, citizen);
        assertThat(wide.error()).as(wide.text()).isEqualTo("INVALID_FIELD");
        assertThat(wide.text()).contains("maskedName");
    }

    /** Issue 13, defects 1 and 6: one impossible item is refused in its own receipt line; the rest of the batch is stored. */
    @Test
    void anImpossibleCheckinIsRefusedInItsLineAndTheRestOfTheBatchIsStored() {
        long venueId = passedVenue("批次边界场所");
        String device = pairDevice(venueId);
        java.util.List<Map<String, Object>> items = new java.util.ArrayList<>();
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = java.util.UUID.randomUUID().toString();
        }
        items.add(checkin(ids[0], 0, venueId, chain(900)));
        Map<String, Object> ancient = new java.util.HashMap<>(checkin(ids[1], 1, venueId, chain(901)));
        ancient.put("decidedAt", "-1000000000-01-01T00:00:00Z");
        items.add(ancient);
        Map<String, Object> stopWithout = new java.util.HashMap<>(checkin(ids[2], 2, venueId, chain(902)));
        stopWithout.put("outcome", "STOP");
        items.add(stopWithout);
        Map<String, Object> passWith = new java.util.HashMap<>(checkin(ids[3], 3, venueId, chain(903)));
        passWith.put("reason", "RED_CODE");
        items.add(passWith);
        Map<String, Object> unknown = new java.util.HashMap<>(checkin(ids[4], 4, venueId, chain(904)));
        unknown.put("outcome", "STOP");
        unknown.put("reason", "FEELS_WRONG");
        items.add(unknown);
        items.add(checkin(ids[5], 5, venueId, chain(905)));
        Resp r = call("POST", "/checkins", device, Map.of("checkins", items));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("accepted")).extracting(JsonNode::asText).containsExactlyInAnyOrder(ids[0], ids[5]);
        Map<String, String> refused = new java.util.HashMap<>();
        r.json().get("rejected").forEach(x -> refused.put(x.get("id").asText(), x.get("error").asText()));
        assertThat(refused).containsEntry(ids[1], "INVALID_FIELD").containsEntry(ids[2], "STOP_WITHOUT_REASON")
                .containsEntry(ids[3], "PASS_WITH_REASON").containsEntry(ids[4], "UNKNOWN_REASON");
    }

    /** Issue 13, defect 4: Jetty's case-insensitive header cache let a case-flipped token authenticate on keep-alive. */
    @Test
    void aTokenWithItsLettersCaseFlippedDoesNotAuthenticate() {
        String token = tracer;
        StringBuilder flipped = new StringBuilder();
        for (char ch : token.toCharArray()) {
            flipped.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(!flipped.toString().equals(token), "the token has letters");
        // the same client and connection pool: the second request rides the first one's keep-alive connection
        assertThat(call("GET", "/audit", admin, null).status()).isEqualTo(200);
        assertThat(call("GET", "/trace/subjects/S1?from=2026-11-01&to=2026-11-02&caseRef=CASE-7", token, null).status()).isEqualTo(200);
        assertThat(call("GET", "/trace/subjects/S1?from=2026-11-01&to=2026-11-02&caseRef=CASE-7", flipped.toString(), null).status())
                .isEqualTo(401);
    }

    /** Issue 13, defect 7: an altered resend under a stored id was acknowledged as a duplicate (chain and device only). */
    @Test
    void anAlteredResendIsAConflictNotADuplicate() {
        long venueId = passedVenue("改写重发场所");
        String device = pairDevice(venueId);
        String id = java.util.UUID.randomUUID().toString();
        Map<String, Object> original = checkin(id, 0, venueId, chain(950));
        assertThat(call("POST", "/checkins", device, Map.of("checkins", List.of(original))).json().get("accepted")).hasSize(1);
        Resp same = call("POST", "/checkins", device, Map.of("checkins", List.of(original)));
        assertThat(same.json().get("duplicates")).extracting(JsonNode::asText).containsExactly(id);
        for (Map.Entry<String, Object> change : List.of(Map.<String, Object>entry("subject", "S99999"),
                Map.<String, Object>entry("colour", "RED"), Map.<String, Object>entry("decidedAt", Instant.now().minusSeconds(150).toString()))) {
            Map<String, Object> altered = new java.util.HashMap<>(original);
            altered.put(change.getKey(), change.getValue());
            Resp r = call("POST", "/checkins", device, Map.of("checkins", List.of(altered)));
            assertThat(r.json().get("duplicates")).as(change.getKey()).isEmpty();
            assertThat(r.json().get("rejected").get(0).get("error").asText()).as(change.getKey()).isEqualTo("ID_CONFLICT");
        }
    }

    /** Issue 13, defect 3: the failure count was read before PBKDF2 and written after, so parallel guesses all ran. */
    @Test
    void parallelWrongPasswordsAreNeverMoreThanTheLimit() throws Exception {
        user("throttled", "REVIEWER", HEPING, null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 30; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return call("POST", "/auth/login", null, Map.of("username", "throttled", "password", "guess-1234")).status();
                }));
            }
            go.countDown();
            int evaluated = 0;
            int refused = 0;
            for (var f : answers) {
                int status = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                evaluated += status == 401 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertThat(evaluated).as("passwords checked").isLessThanOrEqualTo(org.venuegate.hub.auth.AuthService.MAX_FAILURES);
            assertThat(evaluated + refused).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Issue 13, defect 8: users for no one, ids by enumeration, ids in non-ASCII digits. */
    @Test
    void usersMustBeForSomeoneIdsAreAsciiAndApplicationIdsDoNotLeak() {
        ObjectNode ghost = Json.mapper().createObjectNode().put("username", "ghost-citizen").put("password", "secret-ghost-1")
                .put("role", "CITIZEN").put("subjectId", 4_242_424_242L);
        assertThat(call("POST", "/users", admin, ghost).text()).contains("subjectId");
        ObjectNode badDistrict = Json.mapper().createObjectNode().put("username", "rev-minus").put("password", "secret-rev-1")
                .put("role", "REVIEWER").put("district", -1);
        Resp r = call("POST", "/users", admin, badDistrict);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("district");
        ObjectNode adminWithSubject = Json.mapper().createObjectNode().put("username", "admin-subject").put("password", "secret-adm-1")
                .put("role", "ADMIN").put("subjectId", citizenSubject);
        assertThat(call("POST", "/users", admin, adminWithSubject).status()).isEqualTo(400);

        assertThat(call("GET", "/venues/\uFF11\uFF12\uFF13", reviewer, null).error()).isEqualTo("INVALID_PARAMETER");
        assertThat(call("GET", "/applications/\u0661\u0662", reviewer, null).error()).isEqualTo("INVALID_PARAMETER");

        long others = call("POST", "/applications", citizen2, application("别人的场所")).json().get("id").asLong();
        Resp notMine = call("POST", "/applications", citizen, application("替换别人的场所").put("replacesId", others));
        Resp none = call("POST", "/applications", citizen, application("替换不存在的场所").put("replacesId", 987_654_321L));
        assertThat(notMine.status()).isEqualTo(400);
        assertThat(none.json().get("message").asText()).as("the same answer either way").isEqualTo(notMine.json().get("message").asText());
    }

    /** Issue 13, defect 6: decisions from before the kiosk was paired, or older than the retention period, are refused. */
    @Test
    void decisionsTheKioskCannotHaveMadeAreRefusedInTheirLine() {
        long venueId = passedVenue("时间不可能场所");
        String device = pairDevice(venueId);
        String beforePairing = java.util.UUID.randomUUID().toString();
        String beyondRetention = java.util.UUID.randomUUID().toString();
        String fine = java.util.UUID.randomUUID().toString();
        Map<String, Object> early = new java.util.HashMap<>(checkin(beforePairing, 0, venueId, chain(960)));
        early.put("decidedAt", Instant.now().minus(Duration.ofHours(2)).toString());
        Map<String, Object> ancient = new java.util.HashMap<>(checkin(beyondRetention, 1, venueId, chain(961)));
        ancient.put("decidedAt", Instant.now().minus(Duration.ofDays(40)).toString());
        Resp r = call("POST", "/checkins", device, Map.of("checkins", List.of(early, ancient, checkin(fine, 2, venueId, chain(962)))));
        assertThat(r.json().get("accepted")).extracting(JsonNode::asText).containsExactly(fine);
        Map<String, String> refused = new java.util.HashMap<>();
        r.json().get("rejected").forEach(x -> refused.put(x.get("id").asText(), x.get("error").asText()));
        // 40 days is older than the retention period (28 days) and also before pairing: either refusal is right
        assertThat(refused).containsEntry(beforePairing, "BEFORE_PAIRING").containsKey(beyondRetention);
    }

    /** A client whose connections leave from another loopback address (Linux answers on all of 127/8). */
    static OkHttpClient from(String address) {
        return new OkHttpClient.Builder().socketFactory(new javax.net.SocketFactory() {
            @Override
            public java.net.Socket createSocket() throws IOException {
                java.net.Socket s = new java.net.Socket();
                s.bind(new java.net.InetSocketAddress(address, 0));
                return s;
            }

            @Override
            public java.net.Socket createSocket(String host, int port) throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }
        }).build();
    }

    int loginFrom(String address, String username, String password) throws IOException {
        Request req = new Request.Builder().url(base + "/auth/login")
                .post(RequestBody.create(Json.mapper().writeValueAsString(Map.of("username", username, "password", password)), JSON))
                .build();
        try (okhttp3.Response r = from(address).newCall(req).execute()) {
            return r.code();
        }
    }

    /** Issue 13, defect 3: a guesser's address waits; the owner from a clean address gets in; an admin can unlock. */
    @Test
    void aLockedAccountDoesNotLockItsOwnerOutAndPairingIsThrottled() throws Exception {
        String name = "owner-locked";
        user(name, "REVIEWER", HEPING, null);
        String right = "secret-" + name;
        for (int i = 0; i < org.venuegate.hub.auth.AuthService.MAX_FAILURES; i++) {
            assertThat(loginFrom("127.0.0.1", name, "wrong-guess-" + i)).isEqualTo(401);
        }
        assertThat(loginFrom("127.0.0.1", name, right)).as("the guessing address waits, even with the right password").isEqualTo(429);
        assertThat(loginFrom("127.0.0.2", name, right)).as("the owner from another address gets in").isEqualTo(200);
        assertThat(loginFrom("127.0.0.1", name, right)).isEqualTo(429);
        long id = findUser(call("GET", "/users", admin, null).json(), name).get("id").asLong();
        assertThat(call("POST", "/users/" + id + "/unlock", reviewer, null).status()).isEqualTo(403);
        assertThat(call("POST", "/users/" + id + "/unlock", admin, null).status()).isEqualTo(204);
        assertThat(loginFrom("127.0.0.1", name, right)).as("unlocked by an admin").isEqualTo(200);
        assertThat(loginFrom("127.0.0.4", name, "wrong-again")).isEqualTo(401);
        assertThat(call("GET", "/audit?action=USER_UNLOCK", admin, null).json().get(0).get("target").asText())
                .isEqualTo("user:" + name);

        Request.Builder pair = new Request.Builder().url(base + "/devices/pair")
                .post(RequestBody.create("{\"pairingCode\": \"AAAAA-BBBBB\"}", JSON));
        OkHttpClient guesser = from("127.0.0.3");
        int limit = org.venuegate.hub.auth.AuthService.MAX_PAIRING_FAILURES;
        for (int i = 0; i <= limit; i++) {
            try (okhttp3.Response r = guesser.newCall(pair.build()).execute()) {
                assertThat(r.code()).as("attempt " + (i + 1)).isEqualTo(i < limit ? 401 : 429);
            }
        }
    }

    /**
     * Found by the API fuzz (issue 13 §3): revoking the only usable venue key made every later PASS a 500, and a
     * poster whose code's key was revoked was a 500 too, as if the poster had failed to render.
     */
    @Test
    void theOnlyUsableKeyIsNotRevokedAndAPosterOfARevokedKeyIsAConflict() {
        long signedByOldKey = passedVenue("旧密钥场所");
        String old = hub.trust().ring().signer(org.venuegate.core.keys.KeyRole.VENUE, Instant.now()).keyId();
        Resp last = call("POST", "/keys/" + old + "/revoke", admin, null);
        assertThat(last.status()).as(last.text()).isEqualTo(409);
        assertThat(last.error()).isEqualTo("LAST_SIGNING_KEY");
        assertThat(call("POST", "/keys/rotate", admin, Map.of("role", "VENUE", "overlapDays", 0)).status()).isEqualTo(201);
        assertThat(call("POST", "/keys/" + old + "/revoke", admin, null).status()).isEqualTo(204);
        passedVenue("新密钥场所");
        Resp poster = call("GET", "/venues/" + signedByOldKey + "/poster.png", reviewer, null);
        assertThat(poster.status()).as(poster.text()).isEqualTo(409);
        assertThat(poster.error()).isEqualTo("VENUE_CODE_KEY_REVOKED");
    }

    /** Found by the API fuzz (issue 13 §3): a kiosk clock far off overflowed the skew arithmetic into a 500. */
    @Test
    void aKioskTimeOutsideTheProductsYearsIsRefusedByName() {
        String device = pairDevice(passedVenue("时钟失常场所"));
        for (String field : List.of("kioskTime", "trustListSignedAt")) {
            for (String time : List.of("-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1999-12-31T00:00:00Z")) {
                Resp r = call("POST", "/device/health", device, Map.of(field, time));
                assertThat(r.status()).as(field + " " + time + ": " + r.text()).isEqualTo(400);
                assertThat(r.error()).isEqualTo("INVALID_FIELD");
                assertThat(r.json().get("message").asText()).startsWith(field);
            }
        }
    }

    /**
     * Found by the API fuzz (issue 13 §3): Javalin's decoding of a path parameter threw on a bare '%' just before a
     * query that starts with a hex digit, a 500. (Jetty itself refuses the other broken escapes with its own 400.)
     */
    @Test
    void aBrokenPercentEscapeInThePathIsABadParameter() throws IOException {
        for (String target : List.of("/venues/%?a=1", "/venues/%?b=1", "/trace/venues/%?caseRef=C-1&from=2026-01-01&to=2026-01-02")) {
            RawHttp.Answer a = RawHttp.get(server.port(), HubServer.PREFIX + target, target.startsWith("/trace") ? tracer : reviewer);
            assertThat(a.status()).as(target + ": " + a.text()).isEqualTo(400);
            assertThat(a.text()).contains("INVALID_PARAMETER");
        }
        RawHttp.Answer escaped = RawHttp.get(server.port(), HubServer.PREFIX + "/venues/%31?a=1", reviewer);
        assertThat(escaped.text()).as("a well-formed escape still decodes: venue 1").contains("NOT_FOUND", "venue 1 ");
    }

    /**
     * Found by the API fuzz: a trace query whose path was 3,000 percent-encoded emoji (36,092 characters) got no answer
     * at all. Jetty refused the request line past its 8 KB and closed while the client was still sending, and the client
     * saw a reset. The API now reads such a request whole and refuses it in JSON; what Jetty still refuses itself (an
     * unreadable request) is JSON too.
     */
    @Test
    void anOverLongOrUnreadableRequestIsRefusedInJson() throws IOException {
        String emoji = java.net.URLEncoder.encode("😀".repeat(3_000), java.nio.charset.StandardCharsets.UTF_8);
        for (String path : List.of("/trace/venues/" + emoji + "?caseRef=C-1&from=2026-01-01&to=2026-01-02",
                "/venues/1?q=" + "x".repeat(HubServer.MAX_TARGET_CHARS))) {
            Resp r = call("GET", path, tracer, null, Map.of());
            assertThat(r.status()).as(path.length() + " characters: " + r.text()).isEqualTo(414);
            assertThat(r.error()).isEqualTo("URI_TOO_LONG");
        }
        Resp ok = call("GET", "/venues/1?q=" + "x".repeat(HubServer.MAX_TARGET_CHARS - 200), reviewer, null, Map.of());
        assertThat(ok.status()).as("a target just under the limit reaches the route: " + ok.text()).isIn(200, 404);

        RawHttp.Answer broken = RawHttp.get(server.port(), HubServer.PREFIX + "/venues/%zz", reviewer);
        assertThat(broken.status()).as(broken.text()).isEqualTo(400);
        assertThat(Json.mapper().readTree(broken.text()).get("error").asText()).isEqualTo("BAD_REQUEST");
        byte[] noColon = ("GET " + HubServer.PREFIX + "/health HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        RawHttp.Answer header = RawHttp.exchange(server.port(), noColon, new byte[0]);
        assertThat(header.status()).as(header.text()).isEqualTo(400);
        assertThat(Json.mapper().readTree(header.text()).get("error").asText()).isEqualTo("BAD_REQUEST");
    }

    /** A user row by username in a users list. */
    static JsonNode findUser(JsonNode users, String username) {
        for (JsonNode u : users) {
            if (u.get("username").asText().equals(username)) {
                return u;
            }
        }
        throw new AssertionError("no user " + username + " in " + users);
    }
}
