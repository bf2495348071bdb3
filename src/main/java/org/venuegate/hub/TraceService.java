package org.venuegate.hub;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.SubjectTrace;
import org.venuegate.api.SubjectVisit;
import org.venuegate.api.VenueTrace;
import org.venuegate.api.VenueVisit;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/** The only way back from a venue to people: trace queries for the tracer role, each one in the audit log. */
public final class TraceService {
    public static final int MAX_ROWS = 10_000;
    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final Database db;
    private final Clock clock;

    public TraceService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every trace query names the case it serves; the reference goes into the audit entry. */
    static String caseReference(String raw) {
        String ref = raw == null ? "" : raw.strip();
        if (ref.isEmpty()) {
            throw ApiException.badRequest("CASE_REFERENCE_REQUIRED", "a trace query needs the case reference (caseRef) it serves");
        }
        if (ref.length() > 64 || ref.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("INVALID_PARAMETER", "caseRef must be 1-64 printable characters");
        }
        return ref;
    }

    private static void window(Instant from, Instant to) {
        if (from == null || to == null) {
            throw ApiException.badRequest("INVALID_PARAMETER", "from and to are required");
        }
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("INVALID_PARAMETER", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.badRequest("INVALID_PARAMETER", "a trace window may span at most " + MAX_WINDOW.toDays() + " days");
        }
    }

    public VenueTrace atVenue(Principal tracer, String caseRef, long venueId, Instant from, Instant to) {
        String ref = caseReference(caseRef);
        window(from, to);
        return db.tx(c -> {
            String sql = "SELECT k.subject, k.decided_at, k.outcome, k.reason, k.colour, k.manual, k.proxy, k.device_id, "
                    + Evidence.OF_ROW + " FROM " + Evidence.checkins(db.dialect()) + " WHERE k.venue_id = ? AND k.decided_at >= ?"
                    + " AND k.decided_at < ? AND " + Evidence.OF_ROW + " %s ? ORDER BY k.decided_at, k.id LIMIT ?";
            Sql.Row<VenueVisit> row = rs -> new VenueVisit(rs.getString(1), null, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8), rs.getString(9));
            List<VenueVisit> rows = Sql.list(c, sql.formatted("="), row, venueId, from.toEpochMilli(), to.toEpochMilli(),
                    Evidence.VERIFIED, MAX_ROWS + 1);
            List<VenueVisit> other = Sql.list(c, sql.formatted("<>"), row, venueId, from.toEpochMilli(), to.toEpochMilli(),
                    Evidence.VERIFIED, MAX_ROWS + 1);
            AuditLog.record(c, clock.instant(), tracer.actor(), "TRACE_VENUE", "venue:" + venueId,
                    traced(ref, from, to, rows.size(), other.size()));
            return new VenueTrace(named(c, cap(rows)), named(c, cap(other)), rows.size() > MAX_ROWS || other.size() > MAX_ROWS);
        });
    }

    private static <T> List<T> cap(List<T> rows) {
        return rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
    }

    private static List<VenueVisit> named(Connection c, List<VenueVisit> kept) throws SQLException {
        Map<Long, String> names = maskedNames(c, kept.stream().map(VenueVisit::subject).toList());
        return kept.stream().map(v -> new VenueVisit(v.subject(), names.get(subjectId(v.subject())), v.decidedAt(), v.outcome(),
                v.reason(), v.colour(), v.manual(), v.proxy(), v.deviceId(), v.evidence())).toList();
    }

    public SubjectTrace ofSubject(Principal tracer, String caseRef, String subject, Instant from, Instant to) {
        String ref = caseReference(caseRef);
        window(from, to);
        if (subject == null || subject.isBlank() || subject.length() > 64) {
            throw ApiException.badRequest("INVALID_PARAMETER", "subject must be 1-64 characters");
        }
        return db.tx(c -> {
            String sql = "SELECT k.venue_id, v.name, v.number, k.decided_at, k.outcome, " + Evidence.OF_ROW + " FROM "
                    + Evidence.checkins(db.dialect()) + " LEFT JOIN venues v ON v.id = k.venue_id WHERE k.subject = ? AND k.decided_at >= ?"
                    + " AND k.decided_at < ? AND " + Evidence.OF_ROW + " %s ? ORDER BY k.decided_at, k.id LIMIT ?";
            Sql.Row<SubjectVisit> row = rs -> new SubjectVisit(rs.getLong(1), rs.getString(2), rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6));
            List<SubjectVisit> rows = Sql.list(c, sql.formatted("="), row, subject, from.toEpochMilli(), to.toEpochMilli(),
                    Evidence.VERIFIED, MAX_ROWS + 1);
            List<SubjectVisit> other = Sql.list(c, sql.formatted("<>"), row, subject, from.toEpochMilli(), to.toEpochMilli(),
                    Evidence.VERIFIED, MAX_ROWS + 1);
            AuditLog.record(c, clock.instant(), tracer.actor(), "TRACE_SUBJECT", "subject:" + subject,
                    traced(ref, from, to, rows.size(), other.size()));
            return new SubjectTrace(cap(rows), cap(other), rows.size() > MAX_ROWS || other.size() > MAX_ROWS);
        });
    }

    /** The citizen id behind an {@code S<id>} subject, or null (hand-registered and unknown forms). */
    static Long subjectId(String subject) {
        if (subject == null || subject.length() < 2 || subject.charAt(0) != 'S') {
            return null;
        }
        try {
            return Long.parseUnsignedLong(subject.substring(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<Long, String> maskedNames(Connection c, List<String> subjects) throws SQLException {
        List<Long> ids = subjects.stream().map(TraceService::subjectId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            for (Object[] row : Sql.list(c, "SELECT subject_id, masked_name FROM citizens WHERE subject_id IN (" + marks + ")",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)}, chunk.toArray())) {
                out.put((Long) row[0], (String) row[1]);
            }
        }
        return out;
    }

    /** A trace query's entry: the case it was for, the window, and how many rows it gave (at most what was shown). */
    private static AuditLog.Detail traced(String ref, Instant from, Instant to, int verified, int unverified) {
        int shown = Math.min(verified, MAX_ROWS);
        int other = Math.min(unverified, MAX_ROWS);
        return AuditLog.Detail.of("case " + ref + ": " + from + " .. " + to + ", " + shown + " verified rows, " + other
                + " unverified", AuditMessage.TRACE, ref, from, to, shown, other);
    }
}
