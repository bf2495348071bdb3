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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Set<String> OUTCOMES = Set.of("PASS", "STOP");
    private static final Set<String> STOP_REASONS = java.util.Arrays.stream(org.venuegate.core.decide.StopReason.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> COLOURS = Set.of("GREEN", "YELLOW", "RED");
    private static final int COLUMNS = 13;

    /**
     * One check-in as a kiosk sends it. Never a name or ID number: {@code subject} is pseudonymous.
     *
     * @param seq   the kiosk's journal sequence number
     * @param chain the kiosk's hash-chain value after this record (hex SHA-256)
     */
    public record Checkin(String id, Long seq, String chain, Long venueId, String subject, Boolean manual, String outcome,
                          String reason, String colour, Boolean proxy, Instant decidedAt) {
    }

    /** A batch as posted. */
    public record Batch(List<Checkin> checkins) {
    }

    /** Why one item was not stored. */
    public record Rejection(String id, int index, String error, String message) {
    }

    /**
     * The hub's answer, which the kiosk keeps. {@code accepted} were stored now, {@code duplicates} were already
     * stored identically (both count as acknowledged), {@code rejected} were not stored and say why.
     */
    public record Receipt(String receiptId, long deviceId, Instant receivedAt, List<String> accepted,
                          List<String> duplicates, List<Rejection> rejected) {
    }

    private final Database db;
    private final Clock clock;

    /** A kiosk's clock may run a little behind the hub's when it pairs. */
    static final Duration PAIRING_SLACK = Duration.ofMinutes(10);

    private final java.util.function.Supplier<Duration> retention;

    public CheckinService(Database db, Clock clock) {
        this(db, clock, null);
    }

    /** @param retention the retention period in force (check-ins older than it are refused), or null for no limit */
    public CheckinService(Database db, Clock clock, java.util.function.Supplier<Duration> retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    public Receipt ingest(Principal device, Batch batch) {
        List<Checkin> items = batch.checkins();
        if (items == null) {
            throw ApiException.invalidField("checkins", "is required");
        }
        if (items.size() > MAX_BATCH) {
            throw ApiException.invalidField("checkins", items.size() + " items; at most " + MAX_BATCH + " per batch");
        }
        Instant now = clock.instant();
        // Decisions a kiosk cannot have made: before it was paired, or longer ago than check-ins are kept.
        Instant paired = db.read(c -> Sql.one(c, "SELECT created_at FROM devices WHERE id = ?", rs -> rs.getLong(1), device.id()))
                .map(ms -> Instant.ofEpochMilli(ms).minus(PAIRING_SLACK)).orElse(null);
        Instant oldest = retention == null ? null : now.minus(retention.get());
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Checkin> valid = new HashMap<>();
        List<Checkin> ordered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Checkin c = items.get(i);
            String problem = problem(c, device, now);
            if (problem == null && paired != null && c.decidedAt().isBefore(paired)) {
                problem = "BEFORE_PAIRING:decidedAt lies before this kiosk was paired";
            }
            if (problem == null && oldest != null && c.decidedAt().isBefore(oldest)) {
                problem = "BEYOND_RETENTION:decidedAt is older than the retention period";
            }
            if (problem == null && valid.containsKey(c.id())) {
                problem = "DUPLICATE_IN_BATCH:the same id appears twice in this batch";
            }
            if (problem != null) {
                int colon = problem.indexOf(':');
                rejected.add(new Rejection(c == null ? null : c.id(), i, problem.substring(0, colon), problem.substring(colon + 1)));
            } else {
                valid.put(c.id(), c);
                ordered.add(c);
            }
        }
        long deviceId = device.id();
        long receivedAt = now.toEpochMilli();
        Set<String> inserted = ordered.isEmpty() ? Set.of() : db.tx(c -> db.dialect() == Database.Dialect.POSTGRES
                ? insertPostgres(c, ordered, deviceId, receivedAt)
                : insertValues(c, ordered, deviceId, receivedAt));
        List<String> accepted = new ArrayList<>();
        List<String> notInserted = new ArrayList<>();
        for (Checkin c : ordered) {
            (inserted.contains(c.id()) ? accepted : notInserted).add(c.id());
        }
        List<String> duplicates = new ArrayList<>();
        if (!notInserted.isEmpty()) {
            Map<String, String[]> stored = db.read(c -> db.dialect() == Database.Dialect.POSTGRES
                    ? existingPostgres(c, notInserted) : existing(c, notInserted));
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
                }
            }
        }
        return new Receipt(UUID.randomUUID().toString(), deviceId, now, accepted, duplicates, rejected);
    }

    /** @return null when the item is fine, else "CODE:message" */
    private static String problem(Checkin c, Principal device, Instant now) {
        if (c == null) {
            return "MISSING_ITEM:null item";
        }
        if (!isUuid(c.id())) {
            return "INVALID_FIELD:id must be a lower-case UUID";
        }
        if (c.seq() == null || c.seq() < 0) {
            return "INVALID_FIELD:seq must be a non-negative number";
        }
        if (c.chain() == null || c.chain().length() != 64 || !all(c.chain(), CheckinService::isLowerHex)) {
            return "INVALID_FIELD:chain must be 64 lower-case hex digits";
        }
        if (c.venueId() == null || !c.venueId().equals(device.venueId())) {
            return "WRONG_VENUE:venueId must be this kiosk's venue " + device.venueId();
        }
        if (c.subject() != null && !isWord(c.subject(), 64, CheckinService::isSubjectChar)) {
            return "INVALID_FIELD:subject must be a pseudonym of 1-64 characters [0-9A-Za-z:_-]";
        }
        if (c.outcome() == null || !OUTCOMES.contains(c.outcome())) {
            return "INVALID_FIELD:outcome must be PASS or STOP";
        }
        if (c.reason() != null && !isWord(c.reason(), 32, CheckinService::isReasonChar)) {
            return "INVALID_FIELD:reason must be a stop-reason name";
        }
        if (c.colour() != null && !COLOURS.contains(c.colour())) {
            return "INVALID_FIELD:colour must be GREEN, YELLOW or RED";
        }
        if (c.decidedAt() == null) {
            return "INVALID_FIELD:decidedAt is required";
        }
        if (!Requests.sane(c.decidedAt())) {
            return "INVALID_FIELD:decidedAt lies outside the years " + Requests.MIN_YEAR + " to " + Requests.MAX_YEAR;
        }
        if (c.decidedAt().isAfter(now.plus(Duration.ofDays(1)))) {
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

    // Field checks as plain character loops rather than regular expressions: they run for every item of every batch
    // and the regular expressions were the largest Java-side cost of ingestion in a profile of the ingest bench.

    /** A lower-case UUID in its 8-4-4-4-12 text form. */
    private static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char ch = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? ch == '-' : isLowerHex(ch);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 1..maxLength characters, each accepted by {@code ok}. */
    private static boolean isWord(String s, int maxLength, CharCheck ok) {
        return !s.isEmpty() && s.length() <= maxLength && all(s, ok);
    }

    private static boolean all(String s, CharCheck ok) {
        for (int i = 0; i < s.length(); i++) {
            if (!ok.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerHex(char ch) {
        return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f';
    }

    private static boolean isSubjectChar(char ch) {
        return ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch == ':' || ch == '_' || ch == '-';
    }

    private static boolean isReasonChar(char ch) {
        return ch >= 'A' && ch <= 'Z' || ch == '_';
    }

    @FunctionalInterface
    private interface CharCheck {
        boolean test(char ch);
    }

    /** SQLite: multi-row INSERT ... VALUES in chunks; in-process, so the statement count costs little. */
    private static Set<String> insertValues(Connection c, List<Checkin> rows, long deviceId, long receivedAt) throws SQLException {
        Set<String> inserted = new HashSet<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Checkin> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("INSERT INTO checkins(id, device_id, venue_id, seq, chain, subject, manual,"
                    + " outcome, reason, colour, proxy, decided_at, received_at) VALUES ");
            Object[] params = new Object[chunk.size() * COLUMNS];
            int p = 0;
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
            }
            sql.append(" ON CONFLICT (id) DO NOTHING RETURNING id");
            inserted.addAll(Sql.list(c, sql.toString(), rs -> rs.getString(1), params));
        }
        return inserted;
    }

    private static final String INSERT_UNNEST = "INSERT INTO checkins(id, device_id, venue_id, seq, chain, subject, manual,"
            + " outcome, reason, colour, proxy, decided_at, received_at)"
            + " SELECT t.id::uuid, ?, t.venue_id, t.seq, t.chain, t.subject, t.manual, t.outcome, t.reason, t.colour, t.proxy,"
            + " t.decided_at, ?"
            + " FROM unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::boolean[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::boolean[], ?::bigint[])"
            + " AS t(id, venue_id, seq, chain, subject, manual, outcome, reason, colour, proxy, decided_at)"
            + " ON CONFLICT (id) DO NOTHING RETURNING id";

    /**
     * PostgreSQL: the whole batch as one column array per field, unnested into one INSERT. Same statement text for
     * every batch, so the server plans it once, and 13 parameters instead of 13 per row, which the multi-row VALUES
     * form spent most of its time binding and parsing. Measured about 1.7 times the rows per second of VALUES here;
     * COPY into a temporary table and INSERT ... SELECT from it was no faster and needs a temp table per session.
     */
    private static Set<String> insertPostgres(Connection c, List<Checkin> rows, long deviceId, long receivedAt) throws SQLException {
        int n = rows.size();
        String[] id = new String[n];
        long[] venue = new long[n];
        long[] seq = new long[n];
        String[] chain = new String[n];
        String[] subject = new String[n];
        boolean[] manual = new boolean[n];
        String[] outcome = new String[n];
        String[] reason = new String[n];
        String[] colour = new String[n];
        boolean[] proxy = new boolean[n];
        long[] decided = new long[n];
        for (int i = 0; i < n; i++) {
            Checkin r = rows.get(i);
            id[i] = r.id();
            venue[i] = r.venueId();
            seq[i] = r.seq();
            chain[i] = r.chain();
            subject[i] = r.subject();
            manual[i] = Boolean.TRUE.equals(r.manual());
            outcome[i] = r.outcome();
            reason[i] = r.reason();
            colour[i] = r.colour();
            proxy[i] = Boolean.TRUE.equals(r.proxy());
            decided[i] = r.decidedAt().toEpochMilli();
        }
        Set<String> inserted = new HashSet<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(INSERT_UNNEST)) {
            ps.setLong(1, deviceId);
            ps.setLong(2, receivedAt);
            // Java arrays go to pgjdbc's binary array encoding: no text literal to build and quote per row.
            Object[] columns = {id, venue, seq, chain, subject, manual, outcome, reason, colour, proxy, decided};
            for (int i = 0; i < columns.length; i++) {
                ps.setObject(3 + i, columns[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        return inserted;
    }

    private static Map<String, String[]> existing(Connection c, List<String> ids) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            for (String[] row : Sql.list(c, "SELECT id, chain, device_id, seq, venue_id, subject, manual, outcome, reason, colour, proxy, decided_at FROM checkins WHERE id IN (" + marks + ")",
                    rs -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)), fingerprint(rs)},
                    chunk.toArray())) {
                out.put(row[0], new String[] {row[1], row[2], row[3]});
            }
        }
        return out;
    }

    /** PostgreSQL stores ids as uuid: one array parameter, cast on the server, instead of a list of text values. */
    private static Map<String, String[]> existingPostgres(Connection c, List<String> ids) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, chain, device_id, seq, venue_id, subject, manual, outcome, reason, colour, proxy, decided_at FROM checkins WHERE id = ANY(?::uuid[])")) {
            ps.setObject(1, ids.toArray(new String[0]));
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
                String.valueOf(rs.getString(10)), Boolean.toString(rs.getBoolean(11)), Long.toString(rs.getLong(12)));
    }

    private static String fingerprint(Checkin c) {
        return String.join("|", Long.toString(c.seq()), Long.toString(c.venueId()), String.valueOf(c.subject()),
                Boolean.toString(Boolean.TRUE.equals(c.manual())), c.outcome(), String.valueOf(c.reason()),
                String.valueOf(c.colour()), Boolean.toString(Boolean.TRUE.equals(c.proxy())),
                Long.toString(c.decidedAt().toEpochMilli()));
    }

    public long count() {
        return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"));
    }

    /** Deletes check-ins older than the retention period and records how many, in the same transaction. */
    public int purge(Duration retention) {
        Instant now = clock.instant();
        long cutoff = now.minus(retention).toEpochMilli();
        int deleted = db.tx(c -> {
            int n = Sql.update(c, "DELETE FROM checkins WHERE decided_at < ?", cutoff);
            AuditLog.record(c, now, "system", "RETENTION_PURGE", "checkins",
                    n + " check-ins decided before " + Instant.ofEpochMilli(cutoff) + " deleted (retention " + retention.toDays() + " days)");
            BackOfficeService.setting(c, BackOfficeService.LAST_PURGE, n + " " + cutoff, now, "system");
            return n;
        });
        LOG.info("Retention purge: {} check-ins older than {} days deleted", deleted, retention.toDays());
        return deleted;
    }
}
