package org.venuegate.kiosk.journal;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.core.code.Colour;
import org.venuegate.core.decide.StopReason;
import org.venuegate.core.decide.Verdict;
import org.venuegate.core.verify.ReplayGuard;

/**
 * The kiosk's local check-in journal: one SQLite file in WAL mode with synchronous=FULL, written by this one
 * connection. {@link #append} returns only after the record is committed, so a record the prompt showed survives a
 * power loss. Records are hash-chained (each chain value covers the previous one), so a deleted or edited record is
 * detectable by {@link #verify}. Thread-safe: the scanning thread appends while the sync worker reads and acknowledges.
 */
public final class Journal implements ReplayGuard, AutoCloseable {
    static final String ZERO_CHAIN = CheckinChain.ZERO;
    private static final int FORMAT = 1;
    private static final int ACK_CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    /**
     * Record ids are version-7 UUIDs: time-ordered, so the hub's primary key grows at one end instead of taking every
     * insert at a random page (measured: that alone is about a fifth of the hub's ingestion cost on PostgreSQL).
     */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator(new SecureRandom());

    private final Path file;
    private final Clock clock;
    private final Connection conn;
    private long headSeq;
    private String headChain;

    private Journal(Path file, Clock clock, Connection conn) {
        this.file = file;
        this.clock = clock;
        this.conn = conn;
    }

    /** Opens the journal, creating it (and its directory) if needed. */
    public static Journal open(Path file, Clock clock) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new JournalException("cannot create the folder of journal " + file + ": " + e.getMessage(), e);
        }
        Connection c = connect(file, false);
        Journal j = new Journal(file, clock, c);
        try {
            j.createSchema();
            j.loadHead();
        } catch (SQLException e) {
            closeQuietly(c);
            throw damaged(file, e);
        }
        return j;
    }

    static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(10_000);
        // IMMEDIATE takes the write lock at BEGIN, so a second process (the verifier) waits instead of failing mid-way.
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        cfg.setReadOnly(readOnly);
        try {
            return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }

    static JournalException damaged(Path file, SQLException e) {
        return new JournalException("journal " + file + " cannot be read or written (damaged, not a journal, or the disk"
                + " failed): " + e.getMessage(), e);
    }

    private void createSchema() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS records ("
                    + " seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, chain TEXT NOT NULL, venue_id INTEGER NOT NULL,"
                    + " subject TEXT, manual INTEGER NOT NULL, verdict TEXT NOT NULL, stop_reason TEXT, colour TEXT,"
                    + " proxy INTEGER NOT NULL, nonce INTEGER, decided_at INTEGER NOT NULL, scan_micros INTEGER NOT NULL,"
                    + " synced_at INTEGER, receipt_id INTEGER, rejected TEXT)");
            s.execute("CREATE INDEX IF NOT EXISTS records_nonce ON records(nonce) WHERE nonce IS NOT NULL");
            s.execute("CREATE INDEX IF NOT EXISTS records_pending ON records(seq) WHERE synced_at IS NULL AND rejected IS NULL");
            s.execute("CREATE INDEX IF NOT EXISTS records_decided ON records(decided_at)");
            s.execute("CREATE TABLE IF NOT EXISTS receipts (id INTEGER PRIMARY KEY AUTOINCREMENT, stored_at INTEGER NOT NULL,"
                    + " body TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('format', '" + FORMAT + "')");
        }
        String format = meta(conn, "format");
        if (!Integer.toString(FORMAT).equals(format)) {
            throw new SQLException("unsupported journal format " + format + " (this kiosk reads format " + FORMAT + ")");
        }
    }

    private void loadHead() throws SQLException {
        String seq = meta(conn, "head_seq");
        if (seq == null) {
            String anchorSeq = meta(conn, "anchor_seq");
            headSeq = anchorSeq == null ? 0 : Long.parseLong(anchorSeq);
            headChain = Optional.ofNullable(meta(conn, "anchor_chain")).orElse(ZERO_CHAIN);
        } else {
            headSeq = Long.parseLong(seq);
            headChain = meta(conn, "head_chain");
        }
    }

    static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    public Path file() {
        return file;
    }

    /** Writes the entry durably and returns it with its id, sequence number and chain value. */
    public synchronized Record append(Entry e) {
        String id = IDS.generate().toString();
        long seq = headSeq + 1;
        String chain = chain(headChain, id, seq, e);
        try {
            inTransaction(() -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO records(seq, id, chain, venue_id, subject,"
                        + " manual, verdict, stop_reason, colour, proxy, nonce, decided_at, scan_micros)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, seq);
                    ps.setString(2, id);
                    ps.setString(3, chain);
                    ps.setLong(4, e.venueId());
                    ps.setString(5, e.subject());
                    ps.setInt(6, e.manual() ? 1 : 0);
                    ps.setString(7, e.verdict().name());
                    ps.setString(8, e.stopReason() == null ? null : e.stopReason().name());
                    ps.setString(9, e.colour() == null ? null : e.colour().name());
                    ps.setInt(10, e.proxy() ? 1 : 0);
                    if (e.nonce() == null) {
                        ps.setNull(11, Types.INTEGER);
                    } else {
                        ps.setLong(11, e.nonce());
                    }
                    ps.setLong(12, e.decidedAt().toEpochMilli());
                    ps.setLong(13, e.scanToDecisionMicros());
                    ps.executeUpdate();
                }
                // The head lives beside the records, in the same transaction, so deleting the last records shows too.
                putMeta(conn, "head_seq", Long.toString(seq));
                putMeta(conn, "head_chain", chain);
            });
        } catch (SQLException ex) {
            throw new JournalException("could not write check-in " + seq + " to journal " + file + ": " + ex.getMessage(), ex);
        }
        String previous = headChain;
        headSeq = seq;
        headChain = chain;
        return new Record(id, seq, chain, e, previous);
    }

    /** True when this nonce was journaled before, across restarts. A read failure counts as used: never a pass. */
    @Override
    public synchronized boolean alreadyUsed(long nonce) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM records WHERE nonce = ? LIMIT 1")) {
            ps.setLong(1, nonce);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            // Refusing is the safe side: the gatekeeper sees a stop, never a pass on a possibly replayed code.
            LOG.error("Replay check failed on journal {}; treating nonce as used", file, e);
            return true;
        }
    }

    /** Records the hub has not acknowledged (nor rejected), oldest first. */
    public synchronized List<Record> unsynced(int limit) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT r.*, p.chain AS prev_chain FROM records r"
                + " LEFT JOIN records p ON p.seq = r.seq - 1 WHERE r.synced_at IS NULL AND r.rejected IS NULL"
                + " ORDER BY r.seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<Record> out = new ArrayList<>();
            String anchorSeq = meta(conn, "anchor_seq");
            String anchorChain = Optional.ofNullable(meta(conn, "anchor_chain")).orElse(ZERO_CHAIN);
            long anchor = anchorSeq == null ? 0 : Long.parseLong(anchorSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Record r = record(rs);
                    // the hub checks each link against the one before it; before the first kept record that is the anchor
                    String prev = rs.getString("prev_chain");
                    if (prev == null && r.seq() == anchor + 1) {
                        prev = anchorChain;
                    }
                    out.add(r.withPrevious(prev));
                }
            }
            return out;
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }

    private static Record record(ResultSet rs) throws SQLException {
        String reason = rs.getString("stop_reason");
        String colour = rs.getString("colour");
        long nonce = rs.getLong("nonce");
        Long nonceOrNull = rs.wasNull() ? null : nonce;
        Entry e = new Entry(rs.getLong("venue_id"), rs.getString("subject"), rs.getInt("manual") != 0,
                Verdict.valueOf(rs.getString("verdict")), reason == null ? null : StopReason.valueOf(reason),
                colour == null ? null : Colour.valueOf(colour), rs.getInt("proxy") != 0, nonceOrNull,
                Instant.ofEpochMilli(rs.getLong("decided_at")), rs.getLong("scan_micros"));
        return new Record(rs.getString("id"), rs.getLong("seq"), rs.getString("chain"), e);
    }

    /** Keeps the hub's receipt and marks the records it acknowledged (stored now or before) as synced. */
    public synchronized void acknowledge(String receiptJson, Collection<String> ackedIds) {
        Instant now = clock.instant();
        try {
            inTransaction(() -> {
                long receiptId;
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO receipts(stored_at, body) VALUES (?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setString(2, receiptJson);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        receiptId = keys.getLong(1);
                    }
                }
                List<String> ids = new ArrayList<>(ackedIds);
                for (int from = 0; from < ids.size(); from += ACK_CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ACK_CHUNK));
                    try (PreparedStatement ps = conn.prepareStatement("UPDATE records SET synced_at = ?, receipt_id = ?"
                            + " WHERE synced_at IS NULL AND id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                        ps.setLong(1, now.toEpochMilli());
                        ps.setLong(2, receiptId);
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(3 + i, chunk.get(i));
                        }
                        ps.executeUpdate();
                    }
                }
                putMeta(conn, "last_sync", Long.toString(now.toEpochMilli()));
            });
        } catch (SQLException e) {
            throw new JournalException("could not store the hub's receipt in journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks records the hub refused for good (for example a check-in for another venue after re-pairing): they stay
     * in the journal for inspection but are no longer sent, so one bad record cannot block the rest.
     */
    public synchronized void reject(Map<String, String> errorsById) {
        try {
            inTransaction(() -> {
                try (PreparedStatement ps = conn.prepareStatement("UPDATE records SET rejected = ? WHERE id = ? AND synced_at IS NULL")) {
                    for (Map.Entry<String, String> en : errorsById.entrySet()) {
                        ps.setString(1, en.getValue() == null ? "rejected" : en.getValue());
                        ps.setString(2, en.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw new JournalException("could not mark rejected check-ins in journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records waiting to be sent to the hub. */
    public synchronized long pendingCount() {
        return count("SELECT COUNT(*) FROM records WHERE synced_at IS NULL AND rejected IS NULL");
    }

    /** Records the hub refused for good; kept for inspection until the retention period is over, then purged. */
    public synchronized long rejectedCount() {
        return count("SELECT COUNT(*) FROM records WHERE rejected IS NOT NULL");
    }

    /** All records present. */
    public synchronized long size() {
        return count("SELECT COUNT(*) FROM records");
    }

    private long count(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }

    /** When the hub last acknowledged a batch. */
    public synchronized Optional<Instant> lastSync() {
        try {
            return Optional.ofNullable(meta(conn, "last_sync")).map(v -> Instant.ofEpochMilli(Long.parseLong(v)));
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }

    /**
     * Deletes records older than the retention period that the hub has acknowledged or refused for good. Only a
     * leading run of such records goes (the first one still waiting or recent stops it), and the chain value of the last deleted
     * record is kept as the anchor the chain now starts from, so {@link #verify} still works.
     *
     * @return how many records were deleted
     */
    public synchronized int purge(Duration retention) {
        long cutoff = clock.instant().minus(retention).toEpochMilli();
        try {
            int[] deleted = {0};
            inTransaction(() -> {
                long stop;
                // a record the hub refused for good is kept for inspection only within the retention period: after
                // it, it goes like an acknowledged one (else one refusal would keep every later check-in for ever)
                try (PreparedStatement ps = conn.prepareStatement("SELECT MIN(seq) FROM records"
                        + " WHERE (synced_at IS NULL AND rejected IS NULL) OR decided_at >= ?")) {
                    ps.setLong(1, cutoff);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long min = rs.getLong(1);
                        stop = rs.wasNull() ? Long.MAX_VALUE : min;
                    }
                }
                long lastSeq = -1;
                String lastChain = null;
                try (PreparedStatement ps = conn.prepareStatement("SELECT seq, chain FROM records WHERE seq < ?"
                        + " ORDER BY seq DESC LIMIT 1")) {
                    ps.setLong(1, stop);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            lastSeq = rs.getLong(1);
                            lastChain = rs.getString(2);
                        }
                    }
                }
                if (lastSeq < 0) {
                    return;
                }
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM records WHERE seq <= ?")) {
                    ps.setLong(1, lastSeq);
                    deleted[0] = ps.executeUpdate();
                }
                putMeta(conn, "anchor_seq", Long.toString(lastSeq));
                putMeta(conn, "anchor_chain", lastChain);
                // Receipts only matter while some record still points at them.
                try (Statement s = conn.createStatement()) {
                    s.executeUpdate("DELETE FROM receipts WHERE id NOT IN (SELECT receipt_id FROM records WHERE receipt_id IS NOT NULL)");
                }
            });
            return deleted[0];
        } catch (SQLException e) {
            throw new JournalException("could not purge journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Re-walks the hash chain from the anchor to the head. */
    public synchronized VerifyReport verify() {
        return verify(conn, file);
    }

    static VerifyReport verify(Connection c, Path file) {
        try {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(result)) {
                    return new VerifyReport(VerifyReport.Status.DAMAGED, 0, 0, 0, 0, 0,
                            "journal " + file + " is damaged: " + result);
                }
            }
            String format = meta(c, "format");
            if (!Integer.toString(FORMAT).equals(format)) {
                return new VerifyReport(VerifyReport.Status.DAMAGED, 0, 0, 0, 0, 0,
                        "journal " + file + " has an unknown format " + format);
            }
            String anchorSeq = meta(c, "anchor_seq");
            long expectSeq = (anchorSeq == null ? 0 : Long.parseLong(anchorSeq)) + 1;
            long purged = expectSeq - 1;
            String prev = Optional.ofNullable(meta(c, "anchor_chain")).orElse(ZERO_CHAIN);
            String headSeqText = meta(c, "head_seq");
            long headSeq = headSeqText == null ? purged : Long.parseLong(headSeqText);
            long count = 0;
            long first = 0;
            long last = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM records ORDER BY seq")) {
                while (rs.next()) {
                    Record r;
                    try {
                        r = record(rs);
                    } catch (IllegalArgumentException bad) {
                        long seq = rs.getLong("seq");
                        return new VerifyReport(VerifyReport.Status.EDITED, count, first, last, purged, seq,
                                "record " + seq + " holds a value no kiosk writes (" + bad.getMessage() + "): it was edited");
                    }
                    if (count == 0) {
                        first = r.seq();
                    }
                    if (r.seq() != expectSeq) {
                        return new VerifyReport(VerifyReport.Status.GAP, count, first, last, purged, expectSeq,
                                "record " + expectSeq + (r.seq() - expectSeq > 1 ? " to " + (r.seq() - 1) : "")
                                        + " missing: the journal jumps from " + (expectSeq - 1) + " to " + r.seq());
                    }
                    String expected = chain(prev, r.id(), r.seq(), r.entry());
                    if (!expected.equals(r.chain())) {
                        return new VerifyReport(VerifyReport.Status.EDITED, count, first, last, purged, r.seq(),
                                "record " + r.seq() + " (" + r.id() + ") was changed after it was written: its chain value"
                                        + " does not match its content");
                    }
                    prev = r.chain();
                    expectSeq++;
                    last = r.seq();
                    count++;
                }
            }
            if (expectSeq - 1 < headSeq) {
                return new VerifyReport(VerifyReport.Status.TRUNCATED, count, first, last, purged, expectSeq,
                        "records " + expectSeq + " to " + headSeq + " missing at the end of the journal");
            }
            return new VerifyReport(VerifyReport.Status.OK, count, first, last, purged, 0,
                    "journal OK: " + count + " records" + (count == 0 ? "" : " (" + first + " to " + last + ")")
                            + (purged > 0 ? ", " + purged + " older records purged after the hub acknowledged them" : ""));
        } catch (SQLException | RuntimeException e) {
            return new VerifyReport(VerifyReport.Status.DAMAGED, 0, 0, 0, 0, 0,
                    "journal " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Figures for one local day. */
    public synchronized TodayStats stats(LocalDate day, ZoneId zone) {
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long passed = 0;
        long stopped = 0;
        long manual = 0;
        Map<StopReason, Long> byReason = new EnumMap<>(StopReason.class);
        Long[] perHour = new Long[24];
        Arrays.fill(perHour, 0L);
        Map<org.venuegate.core.decide.Category, long[]> byCategory = new EnumMap<>(org.venuegate.core.decide.Category.class);
        List<Long> micros = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT verdict, stop_reason, manual, decided_at, scan_micros"
                + " FROM records WHERE decided_at >= ? AND decided_at < ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    org.venuegate.core.decide.Category category;
                    if (Verdict.PASS.name().equals(rs.getString(1))) {
                        passed++;
                        category = org.venuegate.core.decide.Category.PASS;
                    } else {
                        stopped++;
                        String reason = rs.getString(2);
                        category = org.venuegate.core.decide.Category.INVALID;
                        if (reason != null) {
                            StopReason r = StopReason.valueOf(reason);
                            byReason.merge(r, 1L, Long::sum);
                            category = r.category();
                        }
                    }
                    if (rs.getInt(3) != 0) {
                        manual++;
                    }
                    int hour = ZonedDateTime.ofInstant(Instant.ofEpochMilli(rs.getLong(4)), zone).getHour();
                    perHour[hour]++;
                    byCategory.computeIfAbsent(category, c -> new long[24])[hour]++;
                    micros.add(rs.getLong(5));
                }
            }
        } catch (SQLException e) {
            throw damaged(file, e);
        }
        Collections.sort(micros);
        Map<org.venuegate.core.decide.Category, List<Long>> hours = new EnumMap<>(org.venuegate.core.decide.Category.class);
        byCategory.forEach((c, h) -> hours.put(c, Arrays.stream(h).boxed().toList()));
        return new TodayStats(day, passed + stopped, passed, stopped, manual, Map.copyOf(byReason), List.of(perHour),
                percentile(micros, 50), percentile(micros, 95), Map.copyOf(hours));
    }

    /** Nearest-rank percentile of a sorted list. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** chain = SHA-256(previous chain bytes || canonical bytes of this record), hex; see {@link CheckinChain}. */
    static String chain(String previousHex, String id, long seq, Entry e) {
        return CheckinChain.next(previousHex, link(id, seq, e));
    }

    /** The record's content as the chain (and the hub, which recomputes it) sees it. */
    public static CheckinChain.Link link(String id, long seq, Entry e) {
        return new CheckinChain.Link(id, seq, e.venueId(), e.subject(), e.manual(), e.verdict().name(),
                e.stopReason() == null ? null : e.stopReason().name(), e.colour() == null ? null : e.colour().name(),
                e.proxy(), e.nonce(), e.decidedAt().toEpochMilli(), e.scanToDecisionMicros());
    }

    /** Work inside one transaction on the single connection. */
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        conn.setAutoCommit(false);
        try {
            work.run();
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                conn.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one worth reporting
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }
}
