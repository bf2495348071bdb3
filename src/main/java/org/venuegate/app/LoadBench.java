package org.venuegate.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.venuegate.api.Pairing;
import org.venuegate.client.HubSession;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.decide.Verdict;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.Pseudonyms;
import org.venuegate.kiosk.journal.Entry;
import org.venuegate.kiosk.journal.Journal;
import org.venuegate.kiosk.journal.Record;
import org.venuegate.kiosk.sync.HubClient;
import org.venuegate.kiosk.sync.HubUnavailableException;
import org.venuegate.kiosk.sync.Receipt;
import org.venuegate.phone.PhoneHubClient;
import org.venuegate.review.ReviewHubClient;

/**
 * The logic of {@code venuegate bench load}: the city's mix of requests over real HTTP against one or more hub nodes.
 *
 * <p>Each client is one venue's kiosk and a citizen who keeps arriving there: the citizen unveils at the venue, the
 * kiosk records the check-in (a real chained record carrying the unveiled code's nonce, so the hub can judge it
 * evidence) and sends its pending records in a batch signed with the key it registered at pairing. Every
 * {@link #SPECIAL_EVERY} arrivals a tracer asks who was at the venue, or where the citizen was, in the last minute, and
 * a citizen submits a venue-code application that a reviewer then decides. Requests go to the nodes in turn.
 *
 * <p>Clients retry what is safe to retry when a node goes away (no answer, or 502/503/504 from a load balancer):
 * batches are idempotent by record id; an unveil again only leaves one more unused unveil; a trace only reads. A
 * submission or a decision whose answer was lost may have been committed, so the retry first looks: the application
 * by its unique name, the decision by who decided. Afterwards every venue is traced once more to check that each
 * check-in sent is stored exactly once, as evidence.
 */
final class LoadBench {
    static final int MAX_SECONDS = 600;
    static final int MAX_CLIENTS = 64;
    static final int MAX_BATCH = 500;
    /** One trace and one application (submitted and decided) per this many arrivals at each client's venue. */
    static final int SPECIAL_EVERY = 100;
    /** How long a client keeps retrying one request before counting it as an error. */
    static final Duration RETRY_FOR = Duration.ofSeconds(30);
    private static final int DISTRICT = 120101;
    private static final String CREDIT_CODE = "91350100M000100Y43";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator(new SecureRandom());

    enum Kind { UNVEIL, CHECKIN, TRACE, SUBMIT, DECISION }

    /**
     * @param nodes    the hub nodes' base addresses (scheme, host, port), used in turn
     * @param duration how long the mix is measured, after {@code warmup}
     * @param batch    check-ins per batch; 1 is an online kiosk, which sends each check-in right after its decision
     */
    record Options(List<HttpUrl> nodes, Duration warmup, Duration duration, int clients, int batch, String adminUser,
                   String adminPassword) {
    }

    /**
     * @param sentIds every check-in id sent (for tests, which compare it with the database); not printed
     */
    record Result(ObjectNode json, long errors, long sent, long acknowledged, long verified, long unverified,
                  List<String> sentIds) {
        boolean consistent() {
            return errors == 0 && sent == acknowledged && acknowledged == verified && unverified == 0;
        }
    }

    /** Refuses a node that is not on this machine unless allowed: the bench writes users and venues into its hub. */
    static HttpUrl node(String text, boolean allowRemote) {
        HttpUrl url = HttpUrl.parse(text.trim());
        if (url == null || !(url.encodedPath().equals("/") || url.encodedPath().isEmpty()) || url.query() != null) {
            throw new IllegalArgumentException("'" + text + "' is not a hub address such as http://127.0.0.1:8470");
        }
        if (!allowRemote) {
            try {
                for (InetAddress a : InetAddress.getAllByName(url.host())) {
                    if (!a.isLoopbackAddress()) {
                        throw new IllegalArgumentException(url.host() + " is not a loopback address (" + a.getHostAddress()
                                + "); the bench creates users and venues on its hub, so it only runs against this"
                                + " machine unless --allow-remote is given");
                    }
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + url.host(), e);
            }
        }
        return url;
    }

    private final Options options;
    private final OkHttpClient http;
    private final RoundRobin nodes;
    private final PrintWriter progress;
    private final String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final Stats stats = new Stats();
    private final List<String> sentIds = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile boolean stopRequested;
    private ReviewHubClient admin;
    private ReviewHubClient reviewer;
    private ReviewHubClient tracer;

    /**
     * @param http shared by every simulated client (its pool and threads); the bench adds its node-picking
     *             interceptor on a derived client, which shares them
     */
    LoadBench(OkHttpClient http, Options options, PrintWriter progress) {
        this.options = options;
        this.nodes = new RoundRobin(options.nodes());
        this.http = http.newBuilder().addInterceptor(nodes).build();
        this.progress = progress;
    }

    /** Ends the mix early (the next arrival of every client does not start); {@link #run} still checks and reports. */
    void stop() {
        stopRequested = true;
    }

    /** Sets up users, venues and kiosks, runs the mix, then traces every venue to count what was stored. */
    Result run() throws Exception {
        double loadBefore = loadAverage();
        progress.printf(Locale.ROOT, "bench load: %d node(s) %s, %d client(s), batches of %d, %d s warm-up then %d s%n",
                options.nodes().size(), options.nodes(), options.clients(), options.batch(), options.warmup().toSeconds(),
                options.duration().toSeconds());
        List<Client> clients = setUp();
        nodes.spread = true;
        progress.println("set up: " + clients.size() + " citizens, venues and paired kiosks; running the mix");
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        long measureFrom = start + options.warmup().toNanos();
        long end = measureFrom + options.duration().toNanos();
        stats.measureFrom = measureFrom;
        ExecutorService pool = Executors.newFixedThreadPool(clients.size(), r -> {
            Thread t = new Thread(r, "load-client");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> running = new ArrayList<>();
        for (Client c : clients) {
            running.add(pool.submit(() -> {
                c.loop(end);
                return null;
            }));
        }
        // A line when the measured window opens, so that whoever samples the nodes' CPU time can start there.
        while (System.nanoTime() < measureFrom && !stopRequested && !running.stream().allMatch(Future::isDone)) {
            Thread.sleep(Math.max(1, Math.min(100, (measureFrom - System.nanoTime()) / 1_000_000)));
        }
        progress.printf(Locale.ROOT, "measuring for %d s%n", options.duration().toSeconds());
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        long finished = System.nanoTime();
        double seconds = Math.max(1e-9, (finished - Math.min(measureFrom, finished)) / 1e9);
        Instant endedAt = Instant.now();
        nodes.spread = false; // the check afterwards is not measured either: it asks the first node
        long verified = 0;
        long unverified = 0;
        for (Client c : clients) {
            long[] counts = c.storedAtVenue(startedAt.minus(Duration.ofMinutes(1)), endedAt.plus(Duration.ofMinutes(1)));
            verified += counts[0];
            unverified += counts[1];
        }
        double loadAfter = loadAverage();
        long sent = sentIds.size();
        ObjectNode json = json(seconds, sent, verified, unverified, loadBefore, loadAfter);
        Result r = new Result(json, stats.errors(), sent, acknowledged.get(), verified, unverified, List.copyOf(sentIds));
        progress.printf(Locale.ROOT, "%,d requests in %.1f s (%.0f/s), %d errors, %d retries; check-ins sent %,d,"
                        + " acknowledged %,d, stored as verified evidence %,d, unverified %,d%n",
                json.get("requests").asLong(), seconds, json.get("requests_per_s").asDouble(), r.errors(),
                json.get("retries").asLong(), sent, r.acknowledged(), verified, unverified);
        if (firstError.get() != null) {
            progress.println("first error: " + firstError.get());
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------ setup

    private List<Client> setUp() throws Exception {
        String base = options.nodes().get(0).toString();
        admin = new ReviewHubClient(http, base);
        admin.login(options.adminUser(), options.adminPassword());
        reviewer = account("reviewer", org.venuegate.api.Role.REVIEWER, DISTRICT, null);
        tracer = account("tracer", org.venuegate.api.Role.TRACER, null, null);
        // Users cost the hub a password hash each (create and login): set the clients up in parallel.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, options.clients()));
        try {
            List<Future<Client>> made = new ArrayList<>();
            for (int i = 0; i < options.clients(); i++) {
                int n = i;
                made.add(pool.submit(() -> new Client(n)));
            }
            List<Client> clients = new ArrayList<>();
            for (Future<Client> f : made) {
                try {
                    clients.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return clients;
        } finally {
            pool.shutdownNow();
        }
    }

    private ReviewHubClient account(String what, org.venuegate.api.Role role, Integer district, Long subject)
            throws HubSession.HubException {
        String user = "load-" + tag + "-" + what;
        String password = "load-" + tag + "-" + new SecureRandom().nextLong();
        admin.createUser(new org.venuegate.api.UserRequest(user, password, role, district, subject));
        ReviewHubClient session = new ReviewHubClient(http, options.nodes().get(0).toString());
        session.login(user, password);
        return session;
    }

    private static org.venuegate.api.Submission application(String name) {
        return new org.venuegate.api.Submission(name, "天津负载测试商贸有限公司", CREDIT_CODE, "MALL", DISTRICT, "和平区滨江道" + name,
                false, null, "王五", ID_NUMBER, "13800138000", org.venuegate.api.SubmitterRole.ORGANISER, null);
    }

    /** One venue with its paired kiosk, and the citizen (also the venue's organiser) who keeps arriving there. */
    private final class Client {
        final int n;
        final PhoneHubClient citizen;
        final long subject;
        final long venueId;
        final String venueCode;
        final HubClient kiosk;
        final List<Record> pending = new ArrayList<>();
        String prev = CheckinChain.ZERO;
        long seq;
        int arrivals;
        int applications;

        Client(int n) throws Exception {
            this.n = n;
            subject = admin.registerCitizen("负*" + n, true).subjectId();
            String user = "load-" + tag + "-c" + n;
            String password = "load-" + tag + "-" + new SecureRandom().nextLong();
            admin.createUser(new org.venuegate.api.UserRequest(user, password, org.venuegate.api.Role.CITIZEN, null, subject));
            citizen = new PhoneHubClient(http, options.nodes().get(0).toString());
            citizen.login(user, password);
            long app = citizen.submit(application(placeName(0))).id();
            venueId = reviewer.decide(app, org.venuegate.api.Verdict.PASS, null, 1).application().venueId();
            venueCode = citizen.venueCodeText(venueId);
            KeyPair key = Ed25519.generate();
            String code = admin.createPairingCode(venueId).code();
            Pairing paired = HubClient.pair(http, options.nodes().get(0).toString(), code, "load-" + tag + "-k" + n, key.getPublic());
            kiosk = new HubClient(http, options.nodes().get(0).toString(), paired.token(), paired.deviceId(), key.getPrivate());
        }

        String placeName(int k) {
            return "负载" + tag + "-" + n + "-" + k + "号";
        }

        void loop(long end) throws InterruptedException {
            while (System.nanoTime() < end && !stopRequested) {
                arrive();
                if (pending.size() >= options.batch()) {
                    send();
                }
                arrivals++;
                // early in each cycle, so that even a short run has every kind of request
                if (arrivals % SPECIAL_EVERY == 5) {
                    trace(arrivals / SPECIAL_EVERY % 2 == 0);
                } else if (arrivals % SPECIAL_EVERY == 10) {
                    applyAndDecide();
                }
            }
            while (!pending.isEmpty() && send()) {
                // a kiosk sends what it holds before it stops; a failed send has been counted as an error
            }
        }

        /** The citizen unveils here; the kiosk reads the code, lets them in and journals the decision. */
        void arrive() throws InterruptedException {
            org.venuegate.api.Unveiled unveiled;
            try {
                unveiled = request(Kind.UNVEIL, () -> citizen.unveil(subject, venueCode), null);
            } catch (Failed e) {
                return;
            }
            HealthCode code = CodeFormat.parse(unveiled.code()).code().health();
            Entry entry = new Entry(venueId, Pseudonyms.of(code), false, Verdict.PASS, null, code.colour(), code.proxy(),
                    code.nonce(), Instant.now(), 1_500);
            String id = IDS.generate().toString();
            long s = ++seq;
            String chain = CheckinChain.next(prev, Journal.link(id, s, entry));
            pending.add(new Record(id, s, chain, entry, prev));
            sentIds.add(id);
            prev = chain;
        }

        /** Sends every pending check-in in one signed batch; kept for the next try if it fails. */
        boolean send() throws InterruptedException {
            List<Record> batch = List.copyOf(pending);
            long t0 = System.nanoTime();
            Receipt r;
            try {
                r = request(Kind.CHECKIN, () -> kiosk.postCheckins(batch), null);
            } catch (Failed e) {
                return false;
            }
            if (!r.rejected().isEmpty() || r.acknowledged().size() != batch.size()) {
                fault(Kind.CHECKIN, "a batch of " + batch.size() + " got this receipt: " + r.json());
            }
            stats.checkins(t0, r.acknowledged().size());
            acknowledged.addAndGet(r.acknowledged().size());
            pending.clear();
            return true;
        }

        void trace(boolean byVenue) throws InterruptedException {
            Instant now = Instant.now();
            String from = now.minus(Duration.ofMinutes(1)).toString();
            String to = now.toString();
            try {
                int rows = request(Kind.TRACE, () -> {
                    if (byVenue) {
                        org.venuegate.api.VenueTrace t = tracer.traceVenue("LOAD-" + tag, venueId, from, to);
                        return t.visits().size() + t.unverified().size();
                    }
                    org.venuegate.api.SubjectTrace t = tracer.traceSubject("LOAD-" + tag, "S" + subject, from, to);
                    return t.visits().size() + t.unverified().size();
                }, null);
                stats.rows(rows);
            } catch (Failed e) {
                // counted
            }
        }

        /**
         * A submission and its decision. A retry that looks first sends its second request to the node that has just
         * answered the first: taking turns, the second would go to the next node, and with nodes failing in turn the
         * two would never both succeed.
         */
        void applyAndDecide() throws InterruptedException {
            String name = placeName(++applications);
            boolean[] mayExist = {true};
            long id;
            try {
                id = request(Kind.SUBMIT, () -> citizen.submit(application(name)).id(), () -> {
                    // The lost answer may have been a committed submission: look for it by its unique name first.
                    if (mayExist[0]) {
                        List<org.venuegate.api.Application> items = reviewer.list(new ReviewHubClient.ListQuery(null, name, null,
                                null, null, null, null, 0, 20)).items();
                        if (!items.isEmpty()) {
                            return items.get(0).id();
                        }
                        mayExist[0] = false;
                        nodes.sameNodeNext();
                    }
                    mayExist[0] = true;
                    return citizen.submit(application(name)).id();
                });
            } catch (Failed e) {
                return;
            }
            boolean pass = applications % 2 == 0;
            Attempt<org.venuegate.api.Application> decide = () -> {
                try {
                    return reviewer.decide(id, pass ? org.venuegate.api.Verdict.PASS : org.venuegate.api.Verdict.FAIL,
                            pass ? null : "负载测试：材料不全", 1).application();
                } catch (HubSession.HubException e) {
                    // A proxy may resend a request whose node died after committing it: the conflict answering the
                    // resend is then our own decision, not another reviewer's.
                    if (e.conflict()) {
                        org.venuegate.api.Application a = reviewer.application(id).application();
                        if (reviewer.username().equals(a.decidedBy())) {
                            return a;
                        }
                    }
                    throw e;
                }
            };
            HubSession.HubException[] conflict = {null};
            try {
                request(Kind.DECISION, decide, () -> {
                    if (conflict[0] == null) {
                        try {
                            return decide.run();
                        } catch (HubSession.HubException e) {
                            if (!e.conflict()) {
                                throw e;
                            }
                            conflict[0] = e;
                            nodes.sameNodeNext();
                        }
                    }
                    // A conflict after a lost answer is our own earlier attempt if the application names us.
                    org.venuegate.api.Application a = reviewer.application(id).application();
                    if (reviewer.username().equals(a.decidedBy())) {
                        return a;
                    }
                    throw conflict[0];
                });
            } catch (Failed e) {
                // counted
            }
        }

        /**
         * Traces this venue over the whole run: {verified visits, unverified attempts}. Halves the window when the
         * hub truncates the answer.
         */
        long[] storedAtVenue(Instant from, Instant to) throws Exception {
            org.venuegate.api.VenueTrace t = tracer.traceVenue("LOAD-" + tag + "-CHECK", venueId, from.toString(), to.toString());
            if (t.truncated()) {
                Instant mid = from.plus(Duration.between(from, to).dividedBy(2));
                long[] a = storedAtVenue(from, mid);
                long[] b = storedAtVenue(mid, to);
                return new long[] {a[0] + b[0], a[1] + b[1]};
            }
            return new long[] {t.visits().size(), t.unverified().size()};
        }
    }

    // ------------------------------------------------------------------------------------------------ requests

    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Exception;
    }

    /** A request that failed for good; already counted as an error. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs one request, retrying for up to {@link #RETRY_FOR} while the node is gone; the latency counted is what the
     * client waited, retries included.
     *
     * @param again what a retry does, when it is not simply the same request again
     */
    private <T> T request(Kind kind, Attempt<T> first, Attempt<T> again) throws Failed, InterruptedException {
        long t0 = System.nanoTime();
        long giveUp = t0 + RETRY_FOR.toNanos();
        long backoffMillis = 25;
        for (int attempt = 0; ; attempt++) {
            try {
                T value = (attempt == 0 || again == null ? first : again).run();
                stats.done(kind, t0, System.nanoTime() - t0, attempt);
                return value;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (!nodeWentAway(e) || System.nanoTime() + backoffMillis * 1_000_000 > giveUp) {
                    stats.retried(kind, attempt);
                    fault(kind, e.toString());
                    throw new Failed();
                }
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(backoffMillis / 2, backoffMillis + 1));
            backoffMillis = Math.min(1000, backoffMillis * 2);
        }
    }

    /** Counts an error of this kind and keeps the first one's description for the report. */
    private void fault(Kind kind, String what) {
        stats.error(kind);
        firstError.compareAndSet(null, kind.name().toLowerCase(Locale.ROOT) + ": " + what);
    }

    /** No answer at all, or a load balancer's "no node for you": worth trying again, elsewhere. */
    static boolean nodeWentAway(Exception e) {
        int status = e instanceof HubUnavailableException u ? (u.status() == 0 && u.getCause() instanceof IOException ? 0 : u.status())
                : e instanceof HubSession.HubException h ? h.status() : -1;
        return status == 0 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Sends each request to the next node in turn and counts, per node, requests and failures (5xx or no answer).
     * Setup and the check afterwards talk to the first node only: they are not measured, and not every step of setup
     * may be repeated.
     */
    static final class RoundRobin implements Interceptor {
        final List<HttpUrl> urls;
        volatile boolean spread;
        final AtomicLong next = new AtomicLong();
        final AtomicLongArray requests;
        final AtomicLongArray failures;
        private final ThreadLocal<Integer> last = ThreadLocal.withInitial(() -> 0);
        private final ThreadLocal<Boolean> pinned = ThreadLocal.withInitial(() -> false);

        RoundRobin(List<HttpUrl> urls) {
            this.urls = List.copyOf(urls);
            this.requests = new AtomicLongArray(urls.size());
            this.failures = new AtomicLongArray(urls.size());
        }

        /** This thread's next request goes to the node its last one went to. */
        void sameNodeNext() {
            pinned.set(true);
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            int i = !spread ? 0 : pinned.get() ? last.get() : (int) Math.floorMod(next.getAndIncrement(), (long) urls.size());
            pinned.set(false);
            last.set(i);
            HttpUrl node = urls.get(i);
            HttpUrl url = chain.request().url().newBuilder().scheme(node.scheme()).host(node.host()).port(node.port()).build();
            requests.incrementAndGet(i);
            try {
                Response r = chain.proceed(chain.request().newBuilder().url(url).build());
                if (r.code() >= 500) {
                    failures.incrementAndGet(i);
                }
                return r;
            } catch (IOException e) {
                failures.incrementAndGet(i);
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ figures

    /** Latencies and counts per kind; samples that started during the warm-up count only as errors, if they failed. */
    private static final class Stats {
        volatile long measureFrom;
        private final Map<Kind, long[]> latencies = new EnumMap<>(Kind.class);
        private final Map<Kind, Integer> sizes = new EnumMap<>(Kind.class);
        private final long[] errors = new long[Kind.values().length];
        private final long[] retries = new long[Kind.values().length];
        private long rows;
        private long traces;
        private long checkins;

        synchronized void done(Kind kind, long start, long nanos, int attempts) {
            retries[kind.ordinal()] += attempts;
            if (start < measureFrom) {
                return;
            }
            long[] a = latencies.computeIfAbsent(kind, k -> new long[1024]);
            int size = sizes.getOrDefault(kind, 0);
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                latencies.put(kind, a);
            }
            a[size] = nanos;
            sizes.put(kind, size + 1);
        }

        synchronized void retried(Kind kind, int attempts) {
            retries[kind.ordinal()] += attempts;
        }

        synchronized void error(Kind kind) {
            errors[kind.ordinal()]++;
        }

        synchronized void checkins(long start, int n) {
            if (start >= measureFrom) {
                checkins += n;
            }
        }

        synchronized void rows(int n) {
            rows += n;
            traces++;
        }

        synchronized long errors() {
            return Arrays.stream(errors).sum();
        }

        synchronized ObjectNode kind(Kind kind, double seconds) {
            int n = sizes.getOrDefault(kind, 0);
            long[] a = Arrays.copyOf(latencies.getOrDefault(kind, new long[0]), n);
            Arrays.sort(a);
            ObjectNode o = Json.mapper().createObjectNode()
                    .put("requests", n)
                    .put("errors", errors[kind.ordinal()])
                    .put("retries", retries[kind.ordinal()])
                    .put("per_s", round(n / seconds, 1))
                    .put("p50_ms", round(percentile(a, 50) / 1e6, 2))
                    .put("p99_ms", round(percentile(a, 99) / 1e6, 2));
            if (kind == Kind.TRACE) {
                o.put("rows_mean", traces == 0 ? 0 : round((double) rows / traces, 1));
            }
            if (kind == Kind.CHECKIN) {
                o.put("checkins_per_s", round(checkins / seconds, 1));
            }
            return o;
        }

        synchronized long requests() {
            return sizes.values().stream().mapToLong(Integer::longValue).sum();
        }

        synchronized long retries() {
            return Arrays.stream(retries).sum();
        }
    }

    private ObjectNode json(double seconds, long sent, long verified, long unverified, double loadBefore, double loadAfter) {
        int cores = Runtime.getRuntime().availableProcessors();
        ObjectNode o = Json.mapper().createObjectNode().put("bench", "load").put("nodes", options.nodes().size())
                .put("clients", options.clients()).put("batch", options.batch()).put("seconds", round(seconds, 1));
        long requests = stats.requests();
        o.put("requests", requests).put("errors", stats.errors()).put("retries", stats.retries())
                .put("requests_per_s", round(requests / seconds, 1));
        ObjectNode kinds = o.putObject("kinds");
        for (Kind k : Kind.values()) {
            kinds.set(k.name().toLowerCase(Locale.ROOT), stats.kind(k, seconds));
        }
        o.put("checkins_sent", sent).put("checkins_acknowledged", acknowledged.get()).put("checkins_verified", verified)
                .put("checkins_unverified", unverified);
        ArrayNode perNode = o.putArray("per_node");
        for (int i = 0; i < nodes.urls.size(); i++) {
            perNode.addObject().put("url", nodes.urls.get(i).toString()).put("requests", nodes.requests.get(i))
                    .put("failures", nodes.failures.get(i));
        }
        o.put("load_average_before", round(loadBefore, 2)).put("load_average_after", round(loadAfter, 2)).put("cores", cores);
        return o;
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
