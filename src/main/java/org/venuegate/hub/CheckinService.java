package org.venuegate.hub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.Checkin;
import org.venuegate.api.CheckinBatch;
import org.venuegate.api.Receipt;
import org.venuegate.api.Rejection;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.api.Requests;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * Check-in ingestion from kiosks: each check-in is stored exactly once (idempotent on the kiosk-made id), a repeated
 * or overlapping batch adds nothing, and every item gets its own verdict in the receipt. Also the retention purge.
 */
public final class CheckinService {
    public static final int MAX_BATCH = 5000;
    /** Rows per multi-row INSERT on SQLite: well under its bind-variable limit. PostgreSQL takes a batch whole. */
    static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CheckinService.class);
    private static final Set<String> STOP_REASONS = java.util.Arrays.stream(org.venuegate.core.decide.StopReason.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final int COLUMNS = 17;

    private final Database db;
    private final Clock clock;

    /** A kiosk's clock may run a little behind the hub's when it pairs. */
    static final Duration PAIRING_SLACK = Duration.ofMinutes(10);

    /** Read on the batch's own connection: a second connection per batch deadlocks the pool once every one is held. */
    private final Database.SqlWork<Duration> retention;

    private final Devices devices;

    /** Where the hub finds a posting device's pairing time and signing key. */
    @FunctionalInterface
    public interface Devices {
        /** @return the active device, or empty when it is unknown or revoked */
        Optional<Registered> find(long deviceId);
    }

    /** What the hub knows of a paired device: when it was paired and the key its batches must be signed with. */
    public record Registered(Instant pairedAt, PublicKey key) {
    }

    public CheckinService(Database db, Clock clock) {
        this(db, clock, null);
    }

    /**
     * @param retention the retention period in force (check-ins older than it are refused), read on the batch's
     *                  transaction, or null for no limit
     */
    public CheckinService(Database db, Clock clock, Database.SqlWork<Duration> retention) {
        this(db, clock, retention, null);
    }

    /** @param devices where to find posting devices, or null for the hub's own device table (read with the batch) */
    public CheckinService(Database db, Clock clock, Database.SqlWork<Duration> retention, Devices devices) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
        this.devices = devices;
    }

    public Receipt ingest(Principal device, CheckinBatch batch) {
        List<Checkin> items = batch.checkins();
        if (items == null) {
            throw ApiException.invalidField("checkins", "is required");
        }
        if (items.size() > MAX_BATCH) {
            throw ApiException.invalidField("checkins", items.size() + " items; at most " + MAX_BATCH + " per batch");
        }
        if (!CheckinBatch.SCHEMES.contains(batch.schemeOrLegacy())) {
            throw ApiException.invalidField("scheme", "'" + batch.scheme() + "' is not a batch signature scheme this hub"
                    + " verifies; it verifies " + String.join(" and ", CheckinBatch.SCHEMES) + " (none named is "
                    + CheckinChain.LEGACY_SCHEME + ")");
        }
        Instant now = clock.instant();
        // One transaction for the rows and the chain's state: one commit (one WAL flush) per batch, and the chain
        // never claims rows that were rolled back. A batch of new ids goes in by the fast path; should the table hold
        // one of them after all (a resend past a gap, another node that stored it first), the primary key refuses
        // the COPY, the transaction rolls back whole and the batch is stored again by the path that sorts out
        // duplicates.
        try {
            return db.tx(c -> store(c, device, batch, now, false));
        } catch (ResendNeeded e) {
            return db.tx(c -> store(c, device, batch, now, true));
        } catch (Database.StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e;
            }
            return db.tx(c -> store(c, device, batch, now, true));
        }
    }

    /** A place at or before the chain head turned up after the batch's first rows were streamed by COPY. */
    private static final class ResendNeeded extends RuntimeException {
        ResendNeeded() {
            super("a place sent before, after rows were streamed", null, false, false);
        }
    }

    /** What one batch needs from the database before it is judged, read in one round trip on PostgreSQL. */
    private record Preload(Optional<Registered> device, Optional<Object[]> chain) {
    }

    private static final String DEVICE_SQL = "SELECT created_at, public_key FROM devices WHERE id = ? AND revoked_at IS NULL";
    /** Locked: two nodes taking the same device's batches at once advance its chain one after the other. */
    private static final String CHAIN_SQL = "SELECT head_seq, head_chain, gap_from, gap_since FROM device_chains WHERE device_id = ?";

    private Preload preload(Connection c, long deviceId) throws SQLException {
        boolean postgres = db.dialect() == Database.Dialect.POSTGRES;
        if (!postgres || devices != null) {
            Optional<Registered> device = devices != null ? devices.find(deviceId)
                    : Sql.one(c, DEVICE_SQL, CheckinService::registered, deviceId);
            return new Preload(device, Sql.one(c, postgres ? CHAIN_SQL + " FOR UPDATE" : CHAIN_SQL, CheckinService::chainState,
                    deviceId));
        }
        // Each round trip to the server costs more than the statements themselves: pgjdbc sends the statements of
        // one prepared text in one go and returns their results in turn.
        try (PreparedStatement ps = c.prepareStatement(DEVICE_SQL + "; " + CHAIN_SQL + " FOR UPDATE")) {
            ps.setLong(1, deviceId);
            ps.setLong(2, deviceId);
            ps.execute();
            Optional<Registered> device;
            try (ResultSet rs = ps.getResultSet()) {
                device = rs.next() ? Optional.of(registered(rs)) : Optional.empty();
            }
            ps.getMoreResults();
            try (ResultSet rs = ps.getResultSet()) {
                return new Preload(device, rs.next() ? Optional.of(chainState(rs)) : Optional.empty());
            }
        }
    }

    private static Registered registered(ResultSet rs) throws SQLException {
        return new Registered(Instant.ofEpochMilli(rs.getLong(1)), key(rs.getString(2)));
    }

    private static Object[] chainState(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getString(2), Sql.longOrNull(rs, "gap_from"), Sql.longOrNull(rs, "gap_since")};
    }

    /**
     * Judges and stores one batch in the caller's transaction.
     *
     * @param resend true to take the path that sorts out ids the table already holds, from the start
     */
    private Receipt store(Connection c, Principal device, CheckinBatch batch, Instant now, boolean resend)
            throws SQLException {
        List<Checkin> items = batch.checkins();
        long deviceId = device.id();
        Instant latest = now.plus(Duration.ofDays(1));
        // What needs nothing from the database (each item's fields and chain link) is checked on other cores while
        // this thread reads what the batch needs; both take about a millisecond for a thousand items.
        Checked checked = Checked.start(device, items, latest);
        // read once per batch, on the batch's connection: another connection borrowed while this one is held waited
        // for the pool's timeout once a node held all of them, each for a batch of its own
        Duration kept = retention == null ? null : retention.run(c);
        Preload pre = preload(c, deviceId);
        Registered row = pre.device()
                .orElseThrow(() -> new ApiException(401, "UNAUTHENTICATED", "this device is unknown or revoked"));
        if (row.key() == null) {
            throw new ApiException(403, "DEVICE_KEY_MISSING", "this kiosk registered no signing key when it was paired;"
                    + " pair it again");
        }
        // Decisions a kiosk cannot have made: before it was paired, or longer ago than check-ins are kept.
        Instant paired = row.pairedAt().minus(PAIRING_SLACK);
        Instant oldest = kept == null ? null : now.minus(kept);
        long receivedAt = now.toEpochMilli();
        boolean postgres = db.dialect() == Database.Dialect.POSTGRES;
        // A batch all past the device's verified chain head goes in by one COPY; its rows are streamed to the server
        // as they pass, so the server stores the first while the hub checks the next. A place at or before the head
        // was sent before: the path that sorts out places sent before takes the batch instead.
        long head = pre.chain().isPresent() ? (Long) pre.chain().get()[0] : Long.MIN_VALUE;
        CopyText copy = postgres && !resend ? CopyText.streaming(c, "checkins") : null;
        try {
            byte[] deviceText = CopyText.ascii(Long.toString(deviceId));
            byte[] receivedText = CopyText.ascii(Long.toString(receivedAt));
            // the signature is checked on another core too, while the rows go to the server; nothing is committed
            // unless it holds
            java.util.concurrent.Future<Boolean> signature = CHECKS.submit(() -> signatureValid(row.key(),
                    CheckinBatch.message(batch.schemeOrLegacy(), deviceId, items), batch.signature()));
            List<Rejection> rejected = new ArrayList<>();
            List<Refused> refusedLinks = new ArrayList<>();
            Map<String, Checkin> valid = new HashMap<>(items.size() * 2);
            List<Checkin> ordered = new ArrayList<>(items.size());
            String[] evidence = new String[items.size()]; // the evidence of ordered.get(k) is evidence[k]
            for (int i = 0; i < items.size(); i++) {
                Checkin c0 = items.get(i);
                String problem = checked.problem(i);
                if (problem == null && c0.decidedAt().isBefore(paired)) {
                    problem = "BEFORE_PAIRING:decidedAt lies before this kiosk was paired";
                }
                if (problem == null && oldest != null && c0.decidedAt().isBefore(oldest)) {
                    problem = "BEYOND_RETENTION:decidedAt is older than the retention period";
                }
                if (problem == null && valid.containsKey(c0.id())) {
                    problem = "DUPLICATE_IN_BATCH:the same id appears twice in this batch";
                }
                if (problem != null) {
                    int colon = problem.indexOf(':');
                    String code = problem.substring(0, colon);
                    rejected.add(new Rejection(c0 == null ? null : c0.id(), i, code, problem.substring(colon + 1)));
                    if (c0 != null && !"DUPLICATE_IN_BATCH".equals(code) && isUuid(c0.id()) && c0.seq() != null && c0.seq() >= 0
                            && CheckinChain.isChainValue(c0.chain())) {
                        refusedLinks.add(new Refused(c0, code));
                    }
                } else {
                    valid.put(c0.id(), c0);
                    String e = Evidence.onArrival(c0, checked.links[i]);
                    evidence[ordered.size()] = e;
                    ordered.add(c0);
                    if (copy != null) {
                        if (c0.seq() > head) {
                            copy.row(c0, deviceText, receivedText, e);
                            copy.flushIfFull();
                        } else if (copy.started()) {
                            throw new ResendNeeded(); // rows are on their way: the batch again, in a transaction of its own
                        } else {
                            copy = null;
                        }
                    }
                }
            }
            requireSignature(deviceId, join(signature), batch.signature());
            Map<String, String[]> held = new HashMap<>();
            Set<String> inserted; // null: every item of ordered
            if (ordered.isEmpty()) {
                inserted = Set.of();
            } else if (!postgres) {
                inserted = insertValues(c, ordered, evidence, deviceId, receivedAt);
            } else if (copy != null) {
                copy.send();
                inserted = null;
            } else {
                inserted = insertResent(c, ordered, evidence, deviceId, receivedAt, held);
            }
            return settle(c, device, items, ordered, valid, evidence, inserted, held, rejected, refusedLinks, pre, now);
        } finally {
            if (copy != null) {
                copy.cancel(); // ended, nothing to do; else the rows sent are dropped with the transaction
            }
        }
    }

    /** The receipt and the chain's state once the rows are stored. */
    private Receipt settle(Connection c, Principal device, List<Checkin> items, List<Checkin> ordered, Map<String, Checkin> valid,
                           String[] evidence, Set<String> inserted, Map<String, String[]> held, List<Rejection> rejected,
                           List<Refused> refusedLinks, Preload pre, Instant now) throws SQLException {
        long deviceId = device.id();
        List<String> accepted = new ArrayList<>(ordered.size());
        List<String> duplicates = new ArrayList<>();
        List<String> notInserted = new ArrayList<>();
        for (Checkin k : ordered) {
            (inserted == null || inserted.contains(k.id()) ? accepted : notInserted).add(k.id());
        }
        List<ChainProblem> problems = new ArrayList<>();
        if (!notInserted.isEmpty()) {
            // PostgreSQL's path read the stored rows already
            Map<String, String[]> stored = held.keySet().containsAll(notInserted) ? held
                    : db.dialect() == Database.Dialect.POSTGRES ? existingPostgres(c, notInserted) : existing(c, notInserted);
            for (String id : notInserted) {
                String[] s = stored.get(id);
                Checkin mine = valid.get(id);
                if (s != null && s[0].equals(mine.chain()) && Long.parseLong(s[1]) == deviceId && s[2].equals(fingerprint(mine))) {
                    duplicates.add(id);
                } else {
                    // an altered resend (same id, other subject, outcome, colour, time...) must never pass as a duplicate
                    LOG.warn("Check-in {} from device {} conflicts with the one stored under its id", id, deviceId);
                    rejected.add(new Rejection(id, items.indexOf(mine), "ID_CONFLICT",
                            "a different check-in with this id is already stored"));
                    if (s != null && Long.parseLong(s[1]) == deviceId) {
                        problems.add(new ChainProblem(ChainKind.REWRITTEN, mine.seq(), mine.seq(),
                                "check-in " + id + " was sent again with other content"));
                    }
                }
            }
        }
        List<Checkin> newlyStored = inserted == null || ordered.size() == inserted.size() ? ordered : new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Checkin k = ordered.get(i);
            if (newlyStored != ordered) {
                if (!inserted.contains(k.id())) {
                    continue;
                }
                newlyStored.add(k);
            }
            if (Evidence.CHAIN_MISMATCH.equals(evidence[i])) {
                problems.add(new ChainProblem(ChainKind.EDITED, k.seq(), k.seq(),
                        "record " + k.seq() + " does not match its own chain value: changed after the kiosk wrote it"));
            }
        }
        advanceChain(c, deviceId, pre.chain(), newlyStored, refusedLinks, problems, now);
        return new Receipt(UUID.randomUUID().toString(), deviceId, now, accepted, duplicates, rejected);
    }

    /** Decoded device keys by their text: decoding one costs more than the query that reads it, once per batch. */
    private static final Map<String, PublicKey> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static PublicKey key(String encoded) {
        if (encoded == null) {
            return null;
        }
        PublicKey known = KEYS.get(encoded);
        if (known != null) {
            return known;
        }
        try {
            PublicKey key = Ed25519.decodePublic(encoded);
            if (KEYS.size() > 100_000) {
                KEYS.clear(); // bounded: a city's fleet fits, an attacker's stream of keys does not grow it for ever
            }
            KEYS.put(encoded, key);
            return key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A stolen bearer token alone must not be able to post records: the batch carries the device key's signature.
     *
     * @param message the bytes the signature covers ({@link CheckinBatch#message})
     */
    private static boolean signatureValid(PublicKey key, byte[] message, String signatureText) {
        byte[] signature;
        try {
            signature = signatureText == null ? null : Base64.getDecoder().decode(signatureText);
        } catch (IllegalArgumentException e) {
            signature = null;
        }
        return signature != null && Ed25519.verify(key, message, signature);
    }

    private static void requireSignature(long deviceId, boolean valid, String signatureText) {
        if (!valid) {
            LOG.warn("Batch from device {} refused: {}", deviceId, signatureText == null ? "unsigned" : "bad signature");
            throw new ApiException(401, "BATCH_SIGNATURE_INVALID", signatureText == null
                    ? "a batch must carry the device key's signature (signature)"
                    : "the batch's signature does not verify with this device's key");
        }
    }

    /**
     * Per item of a batch: its field problem ("CODE:message", or null when its fields are fine), and for one whose fields
     * are fine the evidence its chain link alone decides (UNLINKED or CHAIN_MISMATCH, null when the link holds). Filled
     * part by part on {@link #CHECKS} threads: the batch's first items can be judged while its last are still checked,
     * so the request thread does not wait for the whole batch's checks after its preload.
     */
    private static final class Checked {
        /** Items per part: a part is checked in about a tenth of a millisecond. */
        static final int PART = 128;
        final String[] problems;
        final String[] links;
        private final java.util.concurrent.Future<?>[] parts;

        private Checked(int size) {
            problems = new String[size];
            links = new String[size];
            parts = new java.util.concurrent.Future<?>[(size + PART - 1) / PART];
        }

        static Checked start(Principal device, List<Checkin> items, Instant latest) {
            Checked checked = new Checked(items.size());
            for (int k = 0; k < checked.parts.length; k++) {
                int from = k * PART;
                int to = Math.min(items.size(), from + PART);
                checked.parts[k] = CHECKS.submit(() -> check(device, items, latest, from, to, checked.problems, checked.links));
            }
            return checked;
        }

        /** Item i's field problem, once its part is checked (the part's future publishes what it wrote). */
        String problem(int i) {
            if (i % PART == 0) {
                join(parts[i / PART]);
            }
            return problems[i];
        }
    }

    /** What is checked of items [from, to) without the database, on a {@link #CHECKS} thread. */
    private static void check(Principal device, List<Checkin> items, Instant latest, int from, int to, String[] problems,
                              String[] links) {
        for (int i = from; i < to; i++) {
            Checkin c = items.get(i);
            problems[i] = problem(c, device, latest);
            if (problems[i] == null) {
                // problem() let through a prev that is null or a chain value, and a chain value
                links[i] = c.prev() == null ? "UNLINKED" : CheckinChain.follows(c.prev(), c.link(), c.chain()) ? null : Evidence.CHAIN_MISMATCH;
            }
        }
    }

    /**
     * Threads for the checks of {@link #check} and the signature: one per core. When all are busy and the queue is full
     * the calling thread does the work itself, as it did before there were these threads.
     */
    private static final java.util.concurrent.ExecutorService CHECKS = new java.util.concurrent.ThreadPoolExecutor(
            Math.max(1, Runtime.getRuntime().availableProcessors()), Math.max(1, Runtime.getRuntime().availableProcessors()),
            1, java.util.concurrent.TimeUnit.MINUTES, new java.util.concurrent.ArrayBlockingQueue<>(256), runnable -> {
                Thread t = new Thread(runnable, "ingest-checks");
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());

    private static <T> T join(java.util.concurrent.Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was checked", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("a batch's check failed", e.getCause());
        }
    }

    /** An item refused for its content, kept as a link so the device's chain shows no gap where it stood. */
    private record Refused(Checkin item, String error) {
    }

    /** Kinds of break in a device's chain, as the fleet view shows them. */
    public enum ChainKind {
        /** records missing between two the hub holds */
        GAP,
        /** a record's previous chain value is not the chain value of the record before it */
        BROKEN,
        /** a record's content does not match its own chain value */
        EDITED,
        /** a record the hub already holds came again with other content, or another record at its place */
        REWRITTEN
    }

    record ChainProblem(ChainKind kind, long from, long to, String detail) {
    }

    private record Link(long seq, String chain, String prev) {
    }

    /**
     * Walks the device's chain forward from where the hub last verified it, over the links that arrived now and
     * those stored ahead of it (a batch may arrive twice or out of order after a crash): each link must name the one
     * before it. What cannot be reached yet is an open gap; a link that does not fit is a problem kept for the admins.
     * A device's first link starts its chain (a kiosk's journal keeps counting across pairings).
     */
    private void advanceChain(Connection c, long deviceId, Optional<Object[]> state, List<Checkin> stored, List<Refused> refused,
                              List<ChainProblem> problems, Instant now) throws SQLException {
        if (stored.isEmpty() && refused.isEmpty() && problems.isEmpty()) {
            return;
        }
        if (continuesHead(state, stored, refused)) {
            // The common case, a kiosk's next records in order: they are walked as they came, with no map of links
            // and nothing read from the tables, to the same head and the same problems as the general walk below.
            long head = state.isPresent() ? (Long) state.get()[0] : stored.get(0).seq() - 1;
            String headChain = state.isPresent() ? (String) state.get()[1]
                    : stored.get(0).prev() != null ? stored.get(0).prev() : CheckinChain.ZERO;
            for (Checkin k : stored) {
                if (!headChain.equals(k.prev())) {
                    problems.add(broken(k.seq(), k.prev(), head));
                }
                head = k.seq();
                headChain = k.chain();
            }
            saveChain(c, deviceId, state, head, headChain, null, null, null, problems, now, postgres());
            return;
        }
        {
            if (!refused.isEmpty()) {
                for (Refused r : refused) {
                    Sql.update(c, "INSERT INTO checkin_refusals(device_id, seq, id, chain, prev_chain, error, decided_at, received_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", deviceId, r.item().seq(), r.item().id(),
                            r.item().chain(), CheckinChain.isChainValue(r.item().prev()) ? r.item().prev() : null, r.error(),
                            r.item().decidedAt() == null || !Requests.sane(r.item().decidedAt()) ? null : r.item().decidedAt().toEpochMilli(),
                            now.toEpochMilli());
                }
            }
            TreeMap<Long, Link> links = new TreeMap<>();
            for (Checkin k : stored) {
                links.putIfAbsent(k.seq(), new Link(k.seq(), k.chain(), k.prev()));
            }
            for (Refused r : refused) {
                links.putIfAbsent(r.item().seq(), new Link(r.item().seq(), r.item().chain(), r.item().prev()));
            }
            long head;
            String headChain;
            if (state.isPresent()) {
                head = (Long) state.get()[0];
                headChain = (String) state.get()[1];
            } else if (!links.isEmpty()) {
                Link first = links.firstEntry().getValue();
                head = first.seq() - 1;
                headChain = CheckinChain.isChainValue(first.prev()) ? first.prev() : CheckinChain.ZERO;
            } else {
                head = -1;
                headChain = CheckinChain.ZERO;
            }
            // a new record at a place already verified: the kiosk's history was rewritten
            for (Checkin k : stored) {
                if (k.seq() <= head && state.isPresent()) {
                    problems.add(new ChainProblem(ChainKind.REWRITTEN, k.seq(), k.seq(),
                            "a second record (" + k.id() + ") arrived for place " + k.seq() + ", which the hub already holds"));
                }
            }
            boolean contiguous = links.isEmpty() || links.firstKey() == head + 1 && links.lastKey() - links.firstKey() + 1 == links.size();
            if (!contiguous || state.isPresent() && state.get()[2] != null) {
                for (Link l : storedAhead(c, deviceId, head)) {
                    links.putIfAbsent(l.seq(), l);
                }
            }
            while (links.containsKey(head + 1)) {
                Link next = links.get(head + 1);
                if (!headChain.equals(next.prev())) {
                    problems.add(broken(next.seq(), next.prev(), head));
                }
                head = next.seq();
                headChain = next.chain();
            }
            Long gapFrom = null;
            Long gapTo = null;
            Long gapSince = null;
            Long ahead = links.higherKey(head);
            if (ahead != null) {
                gapFrom = head + 1;
                gapTo = ahead - 1;
                gapSince = state.isPresent() && state.get()[3] != null ? (Long) state.get()[3] : now.toEpochMilli();
            }
            saveChain(c, deviceId, state, head, headChain, gapFrom, gapTo, gapSince, problems, now, postgres());
        }
    }

    /**
     * True when nothing was refused and the stored records are consecutive places in the order they came, starting
     * right after the verified head with no gap open (or starting a device's chain): the walk needs no other link.
     */
    private static boolean continuesHead(Optional<Object[]> state, List<Checkin> stored, List<Refused> refused) {
        if (!refused.isEmpty() || stored.isEmpty()) {
            return false;
        }
        if (state.isPresent() && (state.get()[2] != null || stored.get(0).seq() != (Long) state.get()[0] + 1)) {
            return false;
        }
        for (int i = 1; i < stored.size(); i++) {
            if (stored.get(i).seq() != stored.get(i - 1).seq() + 1) {
                return false;
            }
        }
        return true;
    }

    private static ChainProblem broken(long seq, String prev, long head) {
        return new ChainProblem(ChainKind.BROKEN, seq, seq, prev == null
                ? "record " + seq + " came without the chain value before it"
                : "record " + seq + " does not follow record " + head + ": the chain is broken there");
    }

    private boolean postgres() {
        return db.dialect() == Database.Dialect.POSTGRES;
    }

    /**
     * Writes the chain's new state, the batch's last statement.
     *
     * @param commit true to send the COMMIT with the state (PostgreSQL): one round trip fewer per batch, and on a busy
     *               machine each waits for the server's process to get a core. pgjdbc then sends no COMMIT of its own
     *               ({@code commit()} sends one only while the server reports a transaction open), so {@link Database#tx}
     *               ends as before; a failed COMMIT fails this statement and the batch is refused whole.
     */
    private static void saveChain(Connection c, long deviceId, Optional<Object[]> state, long head, String headChain, Long gapFrom,
                                  Long gapTo, Long gapSince, List<ChainProblem> problems, Instant now, boolean commit)
            throws SQLException {
        if (state.isPresent()) {
            Sql.update(c, "UPDATE device_chains SET head_seq = ?, head_chain = ?, gap_from = ?, gap_to = ?, gap_since = ?"
                    + " WHERE device_id = ?" + (commit && problems.isEmpty() ? "; COMMIT" : ""), head, headChain, gapFrom, gapTo,
                    gapSince, deviceId);
        } else {
            Sql.update(c, "INSERT INTO device_chains(device_id, head_seq, head_chain, gap_from, gap_to, gap_since)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", deviceId, head, headChain, gapFrom, gapTo, gapSince);
        }
        for (ChainProblem p : coalesce(problems)) {
            LOG.warn("Device {} chain {} at {}..{}: {}", deviceId, p.kind(), p.from(), p.to(), p.detail());
            Sql.update(c, "INSERT INTO chain_problems(device_id, kind, seq_from, seq_to, detail, found_at) VALUES (?, ?, ?, ?, ?, ?)",
                    deviceId, p.kind().name(), p.from(), p.to(), p.detail(), now.toEpochMilli());
        }
    }

    /** Links the hub holds beyond the verified head, in order: the ones that arrived before the gap closed. */
    private static List<Link> storedAhead(Connection c, long deviceId, long head) throws SQLException {
        List<Link> out = new ArrayList<>(Sql.list(c, "SELECT seq, chain, prev_chain FROM checkins WHERE device_id = ? AND seq > ?"
                + " ORDER BY seq LIMIT ?", rs -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)), deviceId, head, MAX_BATCH * 4));
        out.addAll(Sql.list(c, "SELECT seq, chain, prev_chain FROM checkin_refusals WHERE device_id = ? AND seq > ?"
                + " ORDER BY seq LIMIT ?", rs -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)), deviceId, head, MAX_BATCH * 4));
        return out;
    }

    /** Runs of the same kind over consecutive places become one entry, so an old kiosk cannot flood the list. */
    static List<ChainProblem> coalesce(List<ChainProblem> problems) {
        List<ChainProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing(ChainProblem::kind).thenComparingLong(ChainProblem::from));
        List<ChainProblem> out = new ArrayList<>();
        String first = null; // the run's first detail: prefixed once, however long the run (the column holds 300)
        for (ChainProblem p : sorted) {
            ChainProblem last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.kind() == p.kind() && p.from() <= last.to() + 1) {
                long to = Math.max(last.to(), p.to());
                out.set(out.size() - 1, new ChainProblem(p.kind(), last.from(), to,
                        to == last.from() ? first : "records " + last.from() + " to " + to + ": " + first));
            } else {
                out.add(p);
                first = p.detail();
            }
        }
        return out;
    }

    /**
     * @param latest the latest decision time a kiosk may claim (a day past the hub's now)
     * @return null when the item is fine, else "CODE:message"
     */
    private static String problem(Checkin c, Principal device, Instant latest) {
        if (c == null) {
            return "MISSING_ITEM:null item";
        }
        if (!isUuid(c.id())) {
            return "INVALID_FIELD:id must be a lower-case UUID";
        }
        if (c.seq() == null || c.seq() < 0) {
            return "INVALID_FIELD:seq must be a non-negative number";
        }
        if (!CheckinChain.isChainValue(c.chain())) {
            return "INVALID_FIELD:chain must be 64 lower-case hex digits";
        }
        if (c.venueId() == null || !c.venueId().equals(device.venueId())) {
            return "WRONG_VENUE:venueId must be this kiosk's venue " + device.venueId();
        }
        if (c.subject() != null && !isWord(c.subject(), 64, SUBJECT_CHARS)) {
            return "INVALID_FIELD:subject must be a pseudonym of 1-64 characters [0-9A-Za-z:_-]";
        }
        if (!"PASS".equals(c.outcome()) && !"STOP".equals(c.outcome())) {
            return "INVALID_FIELD:outcome must be PASS or STOP";
        }
        if (c.reason() != null && !isWord(c.reason(), 32, REASON_CHARS)) {
            return "INVALID_FIELD:reason must be a stop-reason name";
        }
        if (c.colour() != null && !"GREEN".equals(c.colour()) && !"YELLOW".equals(c.colour()) && !"RED".equals(c.colour())) {
            return "INVALID_FIELD:colour must be GREEN, YELLOW or RED";
        }
        if (c.decidedAt() == null) {
            return "INVALID_FIELD:decidedAt is required";
        }
        if (c.scanMicros() != null && c.scanMicros() < 0) {
            return "INVALID_FIELD:scanMicros must not be negative";
        }
        if (c.prev() != null && !CheckinChain.isChainValue(c.prev())) {
            return "INVALID_FIELD:prev must be 64 lower-case hex digits";
        }
        if (!Requests.sane(c.decidedAt())) {
            return "INVALID_FIELD:decidedAt lies outside the years " + Requests.MIN_YEAR + " to " + Requests.MAX_YEAR;
        }
        if (c.decidedAt().isAfter(latest)) {
            return "INVALID_FIELD:decidedAt lies more than a day in the future";
        }
        // A decision names its reason exactly when it is a stop, and the reason is one the kiosk knows.
        if ("STOP".equals(c.outcome()) && c.reason() == null) {
            return "STOP_WITHOUT_REASON:a STOP needs its reason";
        }
        if ("PASS".equals(c.outcome()) && c.reason() != null) {
            return "PASS_WITH_REASON:a PASS has no stop reason";
        }
        if (c.reason() != null && !STOP_REASONS.contains(c.reason())) {
            return "UNKNOWN_REASON:reason '" + c.reason() + "' is not a stop reason";
        }
        return null;
    }

    // Field checks as plain character loops over lookup tables rather than regular expressions or a check passed as a
    // lambda: they run for every item of every batch; the regular expressions were the largest Java-side cost of
    // ingestion in a profile of the ingest bench, and a lambda called from one loop for three alphabets is not inlined.

    /** A lower-case UUID in its 8-4-4-4-12 text form. */
    private static boolean isUuid(String s) {
        return CheckinPartitions.canonicalTime(s) >= 0;
    }

    /**
     * 1..maxLength characters, each in the alphabet {@code outside} describes (1 for every ASCII character not in it).
     * Every character looked up and the verdict taken once, as in {@link CheckinChain#isChainValue}: letters and digits
     * in random order made a branch per character mispredict.
     */
    private static boolean isWord(String s, int maxLength, byte[] outside) {
        int length = s.length();
        if (length == 0 || length > maxLength) {
            return false;
        }
        int bad = 0;
        for (int i = 0; i < length; i++) {
            char ch = s.charAt(i);
            bad |= ch >>> 7 | outside[ch & 0x7F];
        }
        return bad == 0;
    }

    private static final byte[] SUBJECT_CHARS = outside("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:_-");
    private static final byte[] REASON_CHARS = outside("ABCDEFGHIJKLMNOPQRSTUVWXYZ_");

    /** 1 for every ASCII character not in {@code chars}. */
    private static byte[] outside(String chars) {
        byte[] table = new byte[128];
        java.util.Arrays.fill(table, (byte) 1);
        for (char ch : chars.toCharArray()) {
            table[ch] = 0;
        }
        return table;
    }


    /** SQLite: multi-row INSERT ... VALUES in chunks; in-process, so the statement count costs little. */
    private static Set<String> insertValues(Connection c, List<Checkin> rows, String[] evidence, long deviceId,
                                            long receivedAt) throws SQLException {
        Set<String> inserted = new HashSet<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Checkin> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("INSERT INTO checkins(id, device_id, venue_id, seq, chain, subject, manual,"
                    + " outcome, reason, colour, proxy, decided_at, received_at, nonce, prev_chain, scan_micros, evidence) VALUES ");
            Object[] params = new Object[chunk.size() * COLUMNS];
            int p = 0;
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                Checkin r = chunk.get(i);
                params[p++] = r.id();
                params[p++] = deviceId;
                params[p++] = r.venueId();
                params[p++] = r.seq();
                params[p++] = r.chain();
                params[p++] = r.subject();
                params[p++] = Boolean.TRUE.equals(r.manual());
                params[p++] = r.outcome();
                params[p++] = r.reason();
                params[p++] = r.colour();
                params[p++] = Boolean.TRUE.equals(r.proxy());
                params[p++] = r.decidedAt().toEpochMilli();
                params[p++] = receivedAt;
                params[p++] = r.nonce();
                params[p++] = CheckinChain.isChainValue(r.prev()) ? r.prev() : null;
                params[p++] = r.scanMicros();
                params[p++] = evidence[from + i];
            }
            sql.append(" ON CONFLICT (id) DO NOTHING RETURNING id");
            inserted.addAll(Sql.list(c, sql.toString(), rs -> rs.getString(1), params));
        }
        return inserted;
    }

    /** Every column of a check-in row, in the order of the COPY text. */
    public static final String COPY_COLUMNS = "id, device_id, venue_id, seq, chain, subject, manual, outcome, reason, colour, proxy,"
            + " decided_at, received_at, nonce, prev_chain, scan_micros, evidence, part_ms";
    private static final String STAGE = "CREATE TEMP TABLE IF NOT EXISTS checkin_stage (id uuid, device_id bigint, venue_id bigint,"
            + " seq bigint, chain varchar(64), subject varchar(64), manual boolean, outcome varchar(8), reason varchar(32),"
            + " colour varchar(8), proxy boolean, decided_at bigint, received_at bigint, nonce bigint, prev_chain varchar(64),"
            + " scan_micros bigint, evidence varchar(24), part_ms bigint) ON COMMIT DELETE ROWS";
    private static final String FROM_STAGE = "INSERT INTO checkins(" + COPY_COLUMNS + ") SELECT " + COPY_COLUMNS
            + " FROM checkin_stage ON CONFLICT (id, part_ms) DO NOTHING RETURNING id";

    /**
     * PostgreSQL: a batch that is not all new (a resend, an overlap, another node that stored some first). A batch of
     * new ids (the common case) goes in by one COPY straight into the partitioned table instead, the server's
     * multi-row path with its WAL per page instead of per row ({@link #store}). Here one probe reads which ids are
     * held (their rows go to the duplicate check) and the others go in by COPY into a temporary staging table and one
     * INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING, which also settles a race with another node. Either way
     * each row is stored once and the rows stored are named. {@code venuegate bench ingest} compares the common
     * case with a raw COPY of the same rows.
     *
     * @param held filled with the stored rows of the ids the table already held (id to chain, device, fingerprint)
     */
    private static Set<String> insertResent(Connection c, List<Checkin> rows, String[] evidence, long deviceId,
                                            long receivedAt, Map<String, String[]> held) throws SQLException {
        java.util.LongSummaryStatistics parts = rows.stream()
                .mapToLong(r -> CheckinPartitions.partMs(r.id(), r.decidedAt().toEpochMilli())).summaryStatistics();
        held.putAll(existingPostgres(c, rows.stream().map(Checkin::id).toList(), new long[] {parts.getMin(), parts.getMax()}));
        if (held.isEmpty()) {
            return insertStaged(c, rows, evidence, deviceId, receivedAt);
        }
        List<Checkin> fresh = new ArrayList<>();
        List<String> freshEvidence = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!held.containsKey(rows.get(i).id())) {
                fresh.add(rows.get(i));
                freshEvidence.add(evidence[i]);
            }
        }
        return fresh.isEmpty() ? Set.of() : insertStaged(c, fresh, freshEvidence.toArray(new String[0]), deviceId, receivedAt);
    }

    private static Set<String> insertStaged(Connection c, List<Checkin> rows, String[] evidence, long deviceId,
                                            long receivedAt) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(STAGE);
        }
        copy(c, "checkin_stage", copyText(rows, evidence, deviceId, receivedAt));
        Set<String> inserted = new HashSet<>(rows.size() * 2);
        try (PreparedStatement ps = c.prepareStatement(FROM_STAGE); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                inserted.add(rs.getString(1));
            }
        }
        return inserted;
    }

    /** COPY ... FROM STDIN of text made by {@link #copyText}, into {@code table} (a name from code, never from input). */
    public static long copy(Connection c, String table, byte[] text) throws SQLException {
        return copy(c, table, text, text.length);
    }

    /** The first {@code length} bytes of {@code text} written to the server as they are, no stream between. */
    private static long copy(Connection c, String table, byte[] text, int length) throws SQLException {
        org.postgresql.copy.CopyIn in = openCopy(c, table);
        try {
            in.writeToCopy(text, 0, length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** A COPY ... FROM STDIN of {@link #COPY_COLUMNS} into {@code table} (a name from code, never from input), open. */
    private static org.postgresql.copy.CopyIn openCopy(Connection c, String table) throws SQLException {
        return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + COPY_COLUMNS + ") FROM STDIN");
    }

    /**
     * The rows in PostgreSQL's COPY text format, columns as {@link #COPY_COLUMNS}. Every row passed the hub's field
     * checks before: each text value is in its alphabet (ids, hex chains, subject pseudonyms, enum names), so none
     * holds a tab, a newline or a backslash that would need escaping, and {@code prev} is null or a chain value.
     *
     * @param evidence each row's evidence code, aligned with {@code rows}; null for none checked
     */
    public static byte[] copyText(List<Checkin> rows, String[] evidence, long deviceId, long receivedAt) {
        CopyText b = new CopyText(rows.size() * CopyText.ROW_BYTES);
        byte[] device = CopyText.ascii(Long.toString(deviceId));
        byte[] received = CopyText.ascii(Long.toString(receivedAt));
        for (int i = 0; i < rows.size(); i++) {
            b.row(rows.get(i), device, received, evidence == null ? "UNCHECKED" : evidence[i]);
        }
        return b.bytes();
    }

    /**
     * PostgreSQL's COPY text format into a byte buffer; null is {@code \N}. Bytes written directly (no StringBuilder,
     * no second copy through getBytes): this runs for every row received.
     */
    private static final class CopyText {
        /** A typical row's length with room to spare, so a batch's buffer does not grow. */
        static final int ROW_BYTES = 320;
        /** Bytes a streaming COPY gathers before it writes them to the server: about a hundred rows. */
        static final int STREAM_BYTES = 32 * 1024;
        private byte[] buf;
        private int n;
        /** Where a streaming text goes, or null for one kept whole ({@link #bytes}). */
        private final Connection connection;
        private final String table;
        private org.postgresql.copy.CopyIn in;

        CopyText(int capacity) {
            this(capacity, null, null);
        }

        private CopyText(int capacity, Connection connection, String table) {
            buf = new byte[Math.max(64, capacity)];
            this.connection = connection;
            this.table = table;
        }

        /** A text written to a COPY into {@code table} (a name from code) as it grows; the COPY opens with the first bytes. */
        static CopyText streaming(Connection c, String table) {
            return new CopyText(STREAM_BYTES + 2 * ROW_BYTES, c, table);
        }

        boolean started() {
            return in != null;
        }

        /** Writes what was gathered to the server once it reaches {@link #STREAM_BYTES}. */
        void flushIfFull() throws SQLException {
            if (n >= STREAM_BYTES) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (in == null) {
                in = openCopy(connection, table);
            }
            if (n > 0) {
                in.writeToCopy(buf, 0, n);
                n = 0;
            }
        }

        /** Ends the streaming COPY: the server has stored every row or refused them all. */
        long send() throws SQLException {
            flush();
            return in.endCopy();
        }

        /** Drops a streaming COPY still open (its rows go with the transaction, which the caller rolls back). */
        void cancel() {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException e) {
                    LOG.debug("COPY cancelled: {}", e.getMessage());
                }
            }
        }

        /** One check-in row, columns as {@link #COPY_COLUMNS}; the device and receipt time as their digits. */
        void row(Checkin r, byte[] device, byte[] received, String evidence) {
            long decided = r.decidedAt().toEpochMilli();
            text(r.id()).tab().raw(device).tab().number(r.venueId()).tab().number(r.seq()).tab().text(r.chain()).tab()
                    .text(r.subject()).tab().bool(Boolean.TRUE.equals(r.manual())).tab().text(r.outcome()).tab()
                    .text(r.reason()).tab().text(r.colour()).tab().bool(Boolean.TRUE.equals(r.proxy())).tab()
                    .number(decided).tab().raw(received).tab().number(r.nonce()).tab()
                    .text(r.prev()).tab().number(r.scanMicros()).tab()
                    .text(evidence).tab().number(CheckinPartitions.partMs(r.id(), decided))
                    .line();
        }



        private void room(int more) {
            if (n + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        CopyText tab() {
            room(1);
            buf[n++] = '\t';
            return this;
        }

        CopyText line() {
            room(1);
            buf[n++] = '\n';
            return this;
        }

        CopyText bool(boolean v) {
            room(1);
            buf[n++] = (byte) (v ? 't' : 'f');
            return this;
        }

        private CopyText nul() {
            room(2);
            buf[n++] = '\\';
            buf[n++] = 'N';
            return this;
        }

        CopyText number(Long v) {
            return v == null ? nul() : number(v.longValue());
        }

        /** "00" to "99": two digits per division, with no remainder by ten to take. */
        private static final byte[] PAIRS = new byte[200];
        /** 10^d for d = 0..18. */
        private static final long[] POWERS = new long[19];

        static {
            for (int i = 0; i < 100; i++) {
                PAIRS[2 * i] = (byte) ('0' + i / 10);
                PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
            }
            POWERS[0] = 1;
            for (int d = 1; d < POWERS.length; d++) {
                POWERS[d] = POWERS[d - 1] * 10;
            }
        }

        /** Decimal digits written from the last, two at a time, straight into place. */
        CopyText number(long v) {
            if (v == Long.MIN_VALUE) {
                return text(Long.toString(v));
            }
            room(20);
            if (v < 0) {
                buf[n++] = '-';
                v = -v;
            }
            int end = n + digits(v);
            int at = end;
            while (v >= 100) {
                long q = v / 100;
                int r = 2 * (int) (v - q * 100);
                buf[--at] = PAIRS[r + 1];
                buf[--at] = PAIRS[r];
                v = q;
            }
            int r = 2 * (int) v;
            if (v >= 10) {
                buf[--at] = PAIRS[r + 1];
                buf[--at] = PAIRS[r];
            } else {
                buf[--at] = PAIRS[r + 1];
            }
            n = end;
            return this;
        }

        /**
         * Digits of a non-negative number: from its bit length (log10 2 is about 1233/4096), then one comparison (0 is
         * taken as 1, which has as many digits; for the rest {@code v | 1} passes 10^d exactly when {@code v} does).
         */
        static int digits(long v) {
            long odd = v | 1;
            int d = (64 - Long.numberOfLeadingZeros(odd)) * 1233 >>> 12;
            return d + (odd >= POWERS[d] ? 1 : 0);
        }

        CopyText raw(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
            return this;
        }

        static byte[] ascii(String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        /**
         * Text checked against an ASCII alphabet before (ids, hex, pseudonyms, enum names): copied in bulk, the
         * low byte of each character being the character. A text outside ASCII would reach the server as a byte
         * sequence it refuses as invalid UTF-8, never as a different value.
         */
        @SuppressWarnings("deprecation")
        CopyText text(String s) {
            if (s == null) {
                return nul();
            }
            int length = s.length();
            room(length);
            s.getBytes(0, length, buf, n);
            n += length;
            return this;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buf, n);
        }
    }

    private static Map<String, String[]> existing(Connection c, List<String> ids) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            for (String[] row : Sql.list(c, "SELECT id, chain, device_id, seq, venue_id, subject, manual, outcome, reason, colour, proxy, decided_at, nonce FROM checkins WHERE id IN (" + marks + ")",
                    rs -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)), fingerprint(rs)},
                    chunk.toArray())) {
                out.put(row[0], new String[] {row[1], row[2], row[3]});
            }
        }
        return out;
    }

    private static Map<String, String[]> existingPostgres(Connection c, List<String> ids) throws SQLException {
        return existingPostgres(c, ids, null);
    }

    /**
     * PostgreSQL stores ids as uuid: one array parameter, cast on the server, instead of a list of text values.
     *
     * @param parts the lowest and highest partition key of the ids, so only their partitions are read (a range, not a
     *              list: a second "= ANY" in a B-tree probe would try every pair of the two arrays); null to read all
     */
    private static Map<String, String[]> existingPostgres(Connection c, List<String> ids, long[] parts) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, chain, device_id, seq, venue_id, subject, manual, outcome, reason,"
                + " colour, proxy, decided_at, nonce FROM checkins WHERE id = ANY(?::uuid[])"
                + (parts == null ? "" : " AND part_ms BETWEEN ? AND ?"))) {
            ps.setObject(1, ids.toArray(new String[0]));
            if (parts != null) {
                ps.setLong(2, parts[0]);
                ps.setLong(3, parts[1]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new String[] {rs.getString(2), Long.toString(rs.getLong(3)), fingerprint(rs)});
                }
            }
        }
        return out;
    }

    /** Everything a check-in says, in one comparable text: a resend must say exactly the same to be a duplicate. */
    private static String fingerprint(ResultSet rs) throws SQLException {
        return String.join("|", Long.toString(rs.getLong(4)), Long.toString(rs.getLong(5)), String.valueOf(rs.getString(6)),
                Boolean.toString(rs.getBoolean(7)), rs.getString(8), String.valueOf(rs.getString(9)),
                String.valueOf(rs.getString(10)), Boolean.toString(rs.getBoolean(11)), Long.toString(rs.getLong(12)),
                String.valueOf(Sql.longOrNull(rs, "nonce")));
    }

    private static String fingerprint(Checkin c) {
        return String.join("|", Long.toString(c.seq()), Long.toString(c.venueId()), String.valueOf(c.subject()),
                Boolean.toString(Boolean.TRUE.equals(c.manual())), c.outcome(), String.valueOf(c.reason()),
                String.valueOf(c.colour()), Boolean.toString(Boolean.TRUE.equals(c.proxy())),
                Long.toString(c.decidedAt().toEpochMilli()), String.valueOf(c.nonce()));
    }

    public long count() {
        return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"));
    }

    /** Deletes check-ins older than the retention period and records how many, in the same transaction. */
    public int purge(Duration retention) {
        Instant now = clock.instant();
        long cutoff = now.minus(retention).toEpochMilli();
        int deleted = db.tx(c -> {
            int n;
            long unveils;
            String how = "";
            int partitions = 0;
            // the unveils and the refused links are kept as long as the check-ins they judge (PostgreSQL drops the
            // unveils' day partitions with the check-ins' own)
            if (db.dialect() == Database.Dialect.POSTGRES) {
                CheckinPartitions.Purge p = new CheckinPartitions(db, clock).purge(c, cutoff);
                n = (int) Math.min(Integer.MAX_VALUE, p.rows());
                unveils = p.unveils();
                how = p.dropped().isEmpty() ? "" : "; partitions dropped: " + String.join(", ", p.dropped());
                partitions = p.dropped().size();
            } else {
                n = Sql.update(c, "DELETE FROM checkins WHERE decided_at < ?", cutoff);
                unveils = Sql.update(c, "DELETE FROM unveils WHERE expires_at < ?", Evidence.unveilsKeptFrom(cutoff));
            }
            String dropped = how;
            Sql.update(c, "DELETE FROM checkin_refusals WHERE received_at < ?", cutoff);
            LOG.info("Retention purge: {} unveil records deleted", unveils);
            String text = n + " check-ins decided before " + Instant.ofEpochMilli(cutoff) + " deleted (retention "
                    + retention.toDays() + " days)" + dropped;
            // the partitions' names stay in the English text; a screen says how many were dropped
            AuditLog.record(c, now, "system", "RETENTION_PURGE", "checkins", partitions == 0
                    ? AuditLog.Detail.of(text, AuditMessage.RETENTION_PURGE, n, Instant.ofEpochMilli(cutoff), retention.toDays())
                    : AuditLog.Detail.of(text, AuditMessage.RETENTION_PURGE_PARTITIONS, n, Instant.ofEpochMilli(cutoff),
                            retention.toDays(), partitions));
            BackOfficeService.setting(c, BackOfficeService.LAST_PURGE, n + " " + cutoff, now, "system");
            return n;
        });
        LOG.info("Retention purge: {} check-ins older than {} days deleted", deleted, retention.toDays());
        return deleted;
    }
}
