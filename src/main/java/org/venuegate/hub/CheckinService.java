package org.venuegate.hub;

import java.sql.Connection;
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
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * Check-in ingestion from kiosks: each check-in is stored exactly once (idempotent on the kiosk-made id), a repeated
 * or overlapping batch adds nothing, and every item gets its own verdict in the receipt. Also the retention purge.
 */
public final class CheckinService {
    public static final int MAX_BATCH = 5000;
    /** Rows per INSERT statement: well under SQLite's and PostgreSQL's bind-variable limits. */
    static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CheckinService.class);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SUBJECT = Pattern.compile("[0-9A-Za-z:_-]{1,64}");
    private static final Set<String> OUTCOMES = Set.of("PASS", "STOP");
    private static final Set<String> COLOURS = Set.of("GREEN", "YELLOW", "RED");
    private static final Pattern REASON = Pattern.compile("[A-Z_]{1,32}");
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

    public CheckinService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
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
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Checkin> valid = new HashMap<>();
        List<Checkin> ordered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Checkin c = items.get(i);
            String problem = problem(c, device, now);
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
        Set<String> inserted = ordered.isEmpty() ? Set.of() : db.tx(c -> insert(c, ordered, deviceId, receivedAt));
        List<String> accepted = new ArrayList<>();
        List<String> notInserted = new ArrayList<>();
        for (Checkin c : ordered) {
            (inserted.contains(c.id()) ? accepted : notInserted).add(c.id());
        }
        List<String> duplicates = new ArrayList<>();
        if (!notInserted.isEmpty()) {
            Map<String, String[]> stored = db.read(c -> existing(c, notInserted));
            for (String id : notInserted) {
                String[] s = stored.get(id);
                Checkin mine = valid.get(id);
                if (s != null && s[0].equals(mine.chain()) && Long.parseLong(s[1]) == deviceId) {
                    duplicates.add(id);
                } else {
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
        if (c.id() == null || !UUID_TEXT.matcher(c.id()).matches()) {
            return "INVALID_FIELD:id must be a lower-case UUID";
        }
        if (c.seq() == null || c.seq() < 0) {
            return "INVALID_FIELD:seq must be a non-negative number";
        }
        if (c.chain() == null || !HEX64.matcher(c.chain()).matches()) {
            return "INVALID_FIELD:chain must be 64 lower-case hex digits";
        }
        if (c.venueId() == null || !c.venueId().equals(device.venueId())) {
            return "WRONG_VENUE:venueId must be this kiosk's venue " + device.venueId();
        }
        if (c.subject() != null && !SUBJECT.matcher(c.subject()).matches()) {
            return "INVALID_FIELD:subject must be a pseudonym of 1-64 characters [0-9A-Za-z:_-]";
        }
        if (c.outcome() == null || !OUTCOMES.contains(c.outcome())) {
            return "INVALID_FIELD:outcome must be PASS or STOP";
        }
        if (c.reason() != null && !REASON.matcher(c.reason()).matches()) {
            return "INVALID_FIELD:reason must be a stop-reason name";
        }
        if (c.colour() != null && !COLOURS.contains(c.colour())) {
            return "INVALID_FIELD:colour must be GREEN, YELLOW or RED";
        }
        if (c.decidedAt() == null) {
            return "INVALID_FIELD:decidedAt is required";
        }
        if (c.decidedAt().isAfter(now.plus(Duration.ofDays(1)))) {
            return "INVALID_FIELD:decidedAt lies more than a day in the future";
        }
        return null;
    }

    private static Set<String> insert(Connection c, List<Checkin> rows, long deviceId, long receivedAt) throws SQLException {
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

    private static Map<String, String[]> existing(Connection c, List<String> ids) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            for (String[] row : Sql.list(c, "SELECT id, chain, device_id FROM checkins WHERE id IN (" + marks + ")",
                    rs -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))}, chunk.toArray())) {
                out.put(row[0], new String[] {row[1], row[2]});
            }
        }
        return out;
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
            return n;
        });
        LOG.info("Retention purge: {} check-ins older than {} days deleted", deleted, retention.toDays());
        return deleted;
    }
}
