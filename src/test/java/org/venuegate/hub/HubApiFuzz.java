package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.venuegate.api.CheckinBatch;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Verdict;
import org.venuegate.core.code.Colour;
import org.venuegate.core.decide.StopReason;
import org.venuegate.core.json.Json;
import org.venuegate.hub.ApiFuzzer.Operation;
import org.venuegate.hub.ApiFuzzer.Slot;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;

/**
 * Issue 13 §3, a test that hunts: requests generated from every operation of {@code docs/openapi.yaml} (read now,
 * so a new endpoint is covered without touching this class; see {@link ApiFuzzer}) go over real HTTP to a real hub
 * from every role, from none and with wrong tokens. The property: the hub answers every one of them below 500 and
 * logs no error and no stack trace while doing so. Prints the seed and its counts; {@code -Dhunt.requests=50000}
 * runs longer, {@code -Dhunt.seed=N} repeats a run. Subclasses run it on SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HubApiFuzz implements ApiFuzzer.Fixtures {
    static final int REQUESTS = Integer.getInteger("hunt.requests", 1_500);
    /** -Dhunt.verbose=true prints every request and its answer. */
    static final boolean VERBOSE = Boolean.getBoolean("hunt.verbose");
    static final String CREDIT = "91350100M000100Y43";
    static final String ID_NUMBER = "11010519491231002X";
    static final int HEPING = 120101;
    /** Fixture calls leave from another loopback address, so the fuzz's wrong logins and pairing codes never throttle them. */
    static final String FIXTURE_ADDRESS = "127.0.0.9";

    /** Who sends a request. */
    enum Who { ADMIN, REVIEWER, TRACER, CITIZEN, DEVICE, NONE, WRONG, REVOKED, MALFORMED }

    private static final List<Who> ROLES = List.of(Who.ADMIN, Who.REVIEWER, Who.TRACER, Who.CITIZEN, Who.DEVICE);

    final long seed = Long.getLong("hunt.seed", new SplittableRandom().nextLong());

    abstract HubConfig config(Path dataDir) throws Exception;

    abstract String database();

    TestHub t;
    Hub hub;
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).retryOnConnectionFailure(false)
            .followRedirects(false).build();
    final OkHttpClient fixtureHttp = HubApiContract.from(FIXTURE_ADDRESS).newBuilder().callTimeout(Duration.ofSeconds(60)).build();
    final Map<Who, String> tokens = new EnumMap<>(Who.class);
    Principal reviewer;
    String revokedToken;
    final List<Long> applications = new ArrayList<>();
    final List<Long> venues = new ArrayList<>();
    final List<Long> revokedVenues = new ArrayList<>();
    final List<Long> victimUsers = new ArrayList<>();
    final List<Long> victimDevices = new ArrayList<>();
    final List<Long> subjects = new ArrayList<>();
    long deviceVenue;
    /** The fuzz's own kiosk, whose key {@link TestDevices#KEY} signs its batches. */
    long deviceId;
    long renewed;
    final Map<String, String> fixtureFailures = new TreeMap<>();
    SplittableRandom rnd;
    ApiFuzzer fuzzer;

    @BeforeAll
    void start() throws Exception {
        t = new TestHub(config(Files.createTempDirectory("hub-fuzz")), Clock.systemUTC());
        hub = t.hub;
        long reviewerId = hub.auth().createUser("fuzz-reviewer", "password-1", Role.REVIEWER, HEPING, null);
        reviewer = new Principal(Role.REVIEWER, reviewerId, "fuzz-reviewer", HEPING, null, null);
        hub.auth().createUser("fuzz-tracer", "password-1", Role.TRACER, null, null);
        hub.auth().createUser("fuzz-target", "password-1", Role.REVIEWER, HEPING, null);
        victimUsers.add(hub.auth().createUser("victim-a", "password-1", Role.REVIEWER, HEPING, null));
        victimUsers.add(hub.auth().createUser("victim-b", "password-1", Role.TRACER, null, null));
        for (Who who : List.of(Who.ADMIN, Who.REVIEWER, Who.TRACER, Who.CITIZEN)) {
            renew(who);
        }
        revokedToken = hub.auth().login("fuzz-tracer", "password-1", FIXTURE_ADDRESS).token();
        hub.auth().logout(revokedToken);

        long child = hub.citizens().register(t.admin, new CitizenInput(null, "张*", Colour.GREEN, null, null,
                true, null, false)).subjectId();
        hub.citizens().addDependant(t.admin, t.citizenSubject, child);
        long other = hub.citizens().register(t.admin, new CitizenInput(null, "赵*强", Colour.GREEN, null, null,
                true, null, true)).subjectId();
        subjects.addAll(List.of(t.citizenSubject, child, other));

        freshVenue();
        deviceVenue = freshVenue();
        applications.add(t.submit("模糊测试待审场所"));
        renew(Who.DEVICE);
        for (int i = 0; i < 2; i++) {
            victimDevices.add(pair(freshVenue()).get("deviceId").asLong());
        }
        rnd = new SplittableRandom(seed);
        fuzzer = new ApiFuzzer(rnd, this);
    }

    @AfterAll
    void stop() {
        if (t != null) {
            t.close();
        }
    }

    // ------------------------------------------------------------------------------------------ fixtures

    private long freshVenue() {
        long app = t.submit("模糊测试场所" + applications.size());
        applications.add(app);
        long venue = hub.applications().decide(reviewer, app, new DecisionRequest(Verdict.PASS, null, 1)).application().venueId();
        venues.add(venue);
        return venue;
    }

    /** Pairs a kiosk over HTTP, as a kiosk does (the Java side of pairing is someone else's to change). */
    private JsonNode pair(long venueId) throws IOException {
        String code = hub.venues().createPairingCode(t.admin, venueId).code();
        Request req = new Request.Builder().url(t.url + HubServer.PREFIX + "/devices/pair")
                .post(RequestBody.create("{\"pairingCode\":\"" + code + "\",\"label\":\"模糊测试\",\"publicKey\":\""
                        + TestDevices.publicKey() + "\"}", MediaType.get("application/json")))
                .build();
        try (Response r = fixtureHttp.newCall(req).execute()) {
            String text = r.body().string();
            assertThat(r.code()).as("pairing a kiosk for the fuzz: %s", text).isEqualTo(201);
            return Json.mapper().readTree(text);
        }
    }

    /** A fresh token for a role (at the start, and when the fuzz logged it out or the like). */
    private void renew(Who who) throws IOException {
        String user = switch (who) {
            case ADMIN -> "root-admin";
            case REVIEWER -> "fuzz-reviewer";
            case TRACER -> "fuzz-tracer";
            case CITIZEN -> "citizen";
            default -> null;
        };
        if (user != null) {
            tokens.put(who, hub.auth().login(user, "password-1", FIXTURE_ADDRESS).token());
        } else {
            JsonNode paired = pair(deviceVenue);
            tokens.put(who, paired.get("token").asText());
            deviceId = paired.get("deviceId").asLong();
        }
    }

    /**
     * Good values by name, so that a good share of the requests gets past validation into the services. Some are
     * made on the spot through the services (a fresh application to decide, a venue to revoke, a pairing code); when
     * that fails, the state the fuzz brought the hub into would fail the same call over HTTP, so it is reported too.
     */
    @Override
    public Object value(Operation op, Slot slot, String name) {
        try {
            return knownValue(op, slot, name);
        } catch (RuntimeException e) {
            fixtureFailures.putIfAbsent(op.key() + " " + slot + " " + name + ": " + e.getClass().getSimpleName(), e.toString());
            return null;
        }
    }

    private Object knownValue(Operation op, Slot slot, String name) {
        String path = op.path();
        if (slot == Slot.PATH) {
            String[] segments = path.split("/");
            String collection = "";
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].equals("{" + name + "}")) {
                    collection = segments[i - 1];
                }
            }
            return switch (collection) {
                case "applications" -> path.endsWith("/decision") && fuzzer.chance(70) ? freshApplication() : fuzzer.pick(applications);
                case "venues" -> path.endsWith("/revoke") ? (fuzzer.chance(50) || revokedVenues.isEmpty() ? revoked(freshVenue())
                        : fuzzer.pick(revokedVenues)) : fuzzer.pick(venues);
                case "devices" -> fuzzer.pick(victimDevices);
                case "users" -> fuzzer.pick(victimUsers);
                case "keys" -> fuzzer.pick(hub.trust().ring().keys()).keyId();
                case "citizens" -> fuzzer.pick(subjects);
                case "subjects" -> fuzzer.pick("S12345", String.valueOf(t.citizenSubject), "S" + rnd.nextInt(100_000));
                default -> null;
            };
        }
        Instant now = Instant.now();
        if (slot == Slot.QUERY) {
            return switch (name) {
                case "from" -> time(now.minus(Duration.ofHours(rnd.nextInt(1, 240))));
                case "to" -> time(now.plus(Duration.ofHours(rnd.nextInt(0, 30))));
                case "caseRef" -> "CASE-" + rnd.nextInt(1000);
                case "creditCode" -> CREDIT;
                case "district" -> HEPING;
                case "category" -> "MALL";
                case "venueId" -> fuzzer.pick(venues);
                case "actor" -> "root-admin";
                case "q" -> "模糊";
                default -> null;
            };
        }
        boolean login = path.endsWith("/auth/login");
        return switch (name) {
            case "username" -> login ? fuzzer.pick("fuzz-target", " FUZZ-target ", "nobody-here") : null;
            case "password" -> login ? fuzzer.pick("password-1", "password-2") : null;
            case "pairingCode" -> hub.venues().createPairingCode(t.admin, deviceVenue).code();
            case "publicKey" -> TestDevices.publicKey();
            // a fresh venue: the fuzz rotates and revokes keys, so the codes of older venues may no longer verify
            case "venueCode" -> hub.venues().venue(t.admin, freshVenue()).codeText();
            case "subjectId" -> fuzzer.pick(subjects);
            case "venueId" -> fuzzer.chance(70) ? deviceVenue : fuzzer.pick(venues);
            case "creditCode" -> CREDIT;
            case "responsibleIdNumber" -> ID_NUMBER;
            case "responsiblePhone" -> "13800138000";
            case "category" -> "MALL";
            case "district" -> HEPING;
            case "maskedName" -> "王*";
            case "replacesId" -> fuzzer.pick(applications);
            case "version" -> 1;
            case "decidedAt" -> now.minusSeconds(rnd.nextInt(30, 300)).toString();
            case "lastNegativeTest" -> now.minus(Duration.ofHours(20)).toString();
            case "kioskTime", "trustListSignedAt" -> now.toString();
            case "nonce" -> path.endsWith("/time") ? Base64.getEncoder().encodeToString(fuzzer.bytes(16)) : null;
            case "reason" -> path.endsWith("/checkins") ? fuzzer.pick(StopReason.values()).name() : null;
            case "address" -> "和平区滨江道" + rnd.nextInt(1, 200) + "号";
            case "responsibleName" -> "王五";
            case "placeName" -> "模糊测试场所" + rnd.nextInt(1000);
            case "submitterRole" -> "ORGANISER";
            case "mobile" -> false;
            case "plateOrShip" -> ApiFuzzer.Fixtures.OMIT;
            case "colour" -> "GREEN";
            case "unitName" -> "天津测试商贸有限公司";
            default -> null;
        };
    }

    /** Signs a check-in batch as the fuzz's kiosk, so that it gets past the signature to the ingestion rules. */
    @Override
    public JsonNode finish(Operation op, JsonNode body) {
        if (op.path().endsWith("/checkins") && body instanceof ObjectNode batch) {
            try {
                CheckinBatch b = Json.mapper().treeToValue(batch, CheckinBatch.class);
                if (b != null && b.checkins() != null) {
                    CheckinBatch signed = CheckinBatch.signed(deviceId, b.checkins(), TestDevices.KEY.getPrivate());
                    batch.put("signature", signed.signature());
                    batch.put("scheme", signed.scheme());
                }
            } catch (IOException | IllegalArgumentException e) {
                // not readable as a batch: the hub refuses it before it looks at the signature
            }
        }
        return body;
    }

    private long freshApplication() {
        long id = t.submit("模糊测试申请" + applications.size());
        applications.add(id);
        return id;
    }

    private long revoked(long venue) {
        revokedVenues.add(venue);
        return venue;
    }

    private String time(Instant at) {
        return fuzzer.chance(50) ? at.toString() : LocalDate.ofInstant(at, ZoneId.of("Asia/Shanghai")).toString();
    }

    // ------------------------------------------------------------------------------------------ the hunt

    /** What the hub logged at ERROR, or with a stack trace at any level, and during which request. */
    static final class Captured extends AppenderBase<ILoggingEvent> {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger request = new AtomicInteger(-1);

        @Override
        protected void append(ILoggingEvent e) {
            IThrowableProxy thrown = e.getThrowableProxy();
            if (e.getLevel().isGreaterOrEqual(Level.ERROR) || thrown != null) {
                events.add("request #" + request.get() + ": " + e.getLevel() + " " + e.getLoggerName() + " - "
                        + e.getFormattedMessage() + (thrown == null ? "" : " | " + thrown.getClassName() + ": " + thrown.getMessage()));
            }
        }
    }

    /** Counts of answers per status class for one operation. */
    static final class Tally {
        final long[] byClass = new long[6];
        long total;
        long reached;
        long nanos;

        void add(int status, boolean reachedTheOperation, long tookNanos) {
            total++;
            nanos += tookNanos;
            byClass[Math.min(5, Math.max(0, status / 100))]++;
            reached += reachedTheOperation ? 1 : 0;
        }
    }

    /** One answer: status (0 when none came) and body text. */
    record Answer(int status, String text) {
        /** Answered by the operation itself: not refused by authentication, by the router or by Jetty before it. */
        boolean reached() {
            String e = error();
            return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status != 401 && status != 403
                    && !e.equals("-") && !e.equals("NO_ROUTE") && !e.equals("METHOD_NOT_ALLOWED"));
        }

        String error() {
            try {
                JsonNode json = Json.mapper().readTree(text);
                return json != null && json.has("error") ? json.get("error").asText() : "-";
            } catch (IOException | RuntimeException e) {
                return "-";
            }
        }
    }

    @Test
    void everyOperationAnswersBelow500AndLogsNoError() throws Exception {
        System.out.printf("HubApiFuzz[%s]: seed %d (repeat with -Dhunt.seed=%d), %d requests over %d operations of %s%n",
                database(), seed, seed, REQUESTS, fuzzer.operations.size(), ApiFuzzer.SPEC);
        Map<String, Tally> tallies = new TreeMap<>();
        fuzzer.operations.forEach(op -> tallies.put(op.key(), new Tally()));
        Tally offSpec = new Tally();
        Map<String, String> failures = new TreeMap<>();
        Map<Who, Integer> byWho = new EnumMap<>(Who.class);
        int noAnswer = 0;
        int rawSent = 0;
        Captured log = new Captured();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.setContext(root.getLoggerContext());
        log.start();
        root.addAppender(log);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                log.request.set(i);
                Operation op = fuzzer.pick(fuzzer.operations);
                boolean off = fuzzer.chance(2);
                String method = off ? fuzzer.pick("PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PUT", "GET", "POST") : op.method();
                ApiFuzzer.Built built = fuzzer.build(op);
                String target = off && fuzzer.chance(40) ? fuzzer.pick("/", "/api", "/api/v2/health", HubServer.PREFIX,
                        HubServer.PREFIX + "/", HubServer.PREFIX + "//health", HubServer.PREFIX + "/health/..", "/api/v1/%2e%2e/v1/health")
                        : built.target();
                Who who = who(op);
                byWho.merge(who, 1, Integer::sum);
                String auth = authorization(who);
                boolean raw = built.needsRaw() || fuzzer.chance(12) || !ascii(auth)
                        || (built.body() != null && (method.equals("GET") || method.equals("HEAD")));
                rawSent += raw ? 1 : 0;
                String contentType = fuzzer.chance(90) ? "application/json" : fuzzer.pick(null, "text/plain",
                        "application/json; charset=ISO-8859-1", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/json; charset=\u00e9", "*/*");
                String ifNoneMatch = fuzzer.chance(5) ? fuzzer.pick("\"tl-1\"", "*", "\"tl-999999999999999999999\"", "") : null;
                Answer a;
                long sent = System.nanoTime();
                try {
                    a = raw ? sendRaw(method, target, auth, contentType, ifNoneMatch, built.body())
                            : send(method, target, auth, contentType, ifNoneMatch, built.body());
                } catch (IOException | RuntimeException e) {
                    a = new Answer(0, e.toString());
                }
                (off ? offSpec : tallies.get(op.key())).add(a.status(), a.reached(), System.nanoTime() - sent);
                String repro = "#" + i + " " + who + (raw ? " raw " : " ") + method + " " + abbreviate(target, 300)
                        + (built.body() == null ? "" : " body (" + built.shape() + ", " + built.body().length + " bytes): "
                        + abbreviate(new String(built.body(), StandardCharsets.UTF_8), 300)) + " -> " + a.status() + " "
                        + abbreviate(a.text(), 300);
                if (VERBOSE) {
                    System.out.println(repro);
                }
                if (a.status() >= 500) {
                    failures.putIfAbsent(op.key() + " answered " + a.status() + " " + a.error(), repro);
                } else if (a.status() == 0) {
                    noAnswer++;
                    // a hand-made request may be too broken for HTTP; a well-formed one must always get an answer
                    if (!raw) {
                        failures.putIfAbsent(op.key() + " gave no answer", repro);
                    }
                }
                if (ROLES.contains(who) && a.status() == 401 && hub.auth().authenticate(tokens.get(who)).isEmpty()) {
                    renew(who);
                    renewed++;
                }
            }
        } finally {
            root.detachAppender(log);
            log.stop();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        fixtureFailures.forEach((where, e) -> failures.putIfAbsent("fixture for " + where, e));
        for (String event : log.events) {
            failures.putIfAbsent("logged: " + abbreviate(event, 200), event);
        }
        long[] classes = new long[6];
        List.copyOf(tallies.values()).forEach(tl -> Arrays.setAll(classes, c -> classes[c] + tl.byClass[c]));
        Arrays.setAll(classes, c -> classes[c] + offSpec.byClass[c]);
        System.out.printf("HubApiFuzz[%s]: %d requests in %.1f s (%d hand-written, %d off-spec): 2xx %d, 3xx %d, 4xx %d, 5xx %d,"
                        + " no answer %d; %d errors or stack traces logged; %d sessions renewed; senders %s%n",
                database(), REQUESTS, took.toMillis() / 1000.0, rawSent, offSpec.total, classes[2], classes[3], classes[4],
                classes[5], noAnswer, log.events.size(), renewed, byWho);
        System.out.printf("HubApiFuzz[%s]: per operation: requests, then 2xx 3xx 4xx 5xx, answered by the operation (not"
                + " refused by authentication or routing), mean ms%n", database());
        tallies.forEach((key, tl) -> System.out.printf("  %-50s %5d: %5d %4d %5d %3d, %5d, %6.1f%n", key, tl.total,
                tl.byClass[2], tl.byClass[3], tl.byClass[4], tl.byClass[5], tl.reached, tl.nanos / 1e6 / Math.max(1, tl.total)));

        StringBuilder report = new StringBuilder();
        failures.forEach((what, example) -> report.append("\n- ").append(what).append("\n    ").append(example));
        if (!failures.isEmpty()) {
            throw new AssertionError("seed " + seed + ": answers of 500 or more, requests without an answer, errors logged:"
                    + report);
        }
        // Guards against a generator that never gets past the front door, which would prove nothing.
        if (REQUESTS >= 1_000) {
            assertThat(tallies).allSatisfy((key, tl) -> assertThat(tl.reached).as("%s answered by the operation", key)
                    .isPositive());
        }
    }

    private Who who(Operation op) {
        if (fuzzer.chance(65)) {
            List<Who> allowed = new ArrayList<>();
            for (Who w : ROLES) {
                if (op.roles().contains(w.name())) {
                    allowed.add(w);
                }
            }
            if (op.roles().contains(Role.ANYONE.name())) {
                allowed.add(Who.NONE);
            }
            if (!allowed.isEmpty()) {
                return fuzzer.pick(allowed);
            }
        }
        return fuzzer.pick(Who.values());
    }

    private String authorization(Who who) {
        return switch (who) {
            case NONE -> null;
            case WRONG -> "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(fuzzer.bytes(32));
            case REVOKED -> "Bearer " + revokedToken;
            case MALFORMED -> {
                String token = tokens.get(fuzzer.pick(ROLES));
                yield fuzzer.pick("Bearer", "Bearer ", "Basic cm9vdDpwYXNz", "Bearer " + token + "x", "BEARER " + token,
                        "Bearer  " + token + "  ", "Bearer " + "A".repeat(5_000), "Bearer " + flipCase(token), "Token " + token,
                        "Bearer " + token + ", Bearer " + token, "Bearer \u00e9\u00e8", "Bearer " + token + "\u0000",
                        "Bearer \uFF41\uFF42", "Bearer " + token.substring(0, token.length() - 1));
            }
            default -> "Bearer " + tokens.get(who);
        };
    }

    private static String flipCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return sb.toString();
    }

    private static boolean ascii(String s) {
        return s == null || s.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private static String abbreviate(String s, int max) {
        String oneLine = s.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...(" + s.length() + " chars)";
    }

    private Answer send(String method, String target, String auth, String contentType, String ifNoneMatch, byte[] body)
            throws IOException {
        HttpUrl url = HttpUrl.parse(t.url + target);
        if (url == null) {
            return sendRaw(method, target, auth, contentType, ifNoneMatch, body);
        }
        RequestBody rb = body == null ? null : RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType));
        if (rb == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            rb = RequestBody.create(new byte[0], null);
        }
        Request.Builder b = new Request.Builder().url(url).method(method, rb);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        try (Response r = http.newCall(b.build()).execute()) {
            return new Answer(r.code(), r.body() == null ? "" : r.body().string());
        }
    }

    /** A request written by hand on its own connection: bytes in the target and headers no client library would send. */
    private Answer sendRaw(String method, String target, String auth, String contentType, String ifNoneMatch, byte[] body)
            throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost:" + t.server.port() + "\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        if (auth != null) {
            head.writeBytes(("Authorization: " + auth + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (contentType != null && body != null) {
            head.writeBytes(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (ifNoneMatch != null) {
            head.writeBytes(("If-None-Match: " + ifNoneMatch + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] content = body == null ? new byte[0] : body;
        head.writeBytes(("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Answer a = RawHttp.exchange(t.server.port(), head.toByteArray(), content);
        return new Answer(a.status(), a.text());
    }
}
