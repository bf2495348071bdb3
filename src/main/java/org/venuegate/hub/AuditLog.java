package org.venuegate.hub;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.venuegate.api.AuditEntry;
import org.venuegate.hub.store.Sql;

/**
 * Append-only record of decisions, revocations, category changes, pairings, colour changes and trace queries.
 * Written in the same transaction as the change it records, so there is never a change without its entry.
 */
public final class AuditLog {
    private AuditLog() {
    }

    public static void record(Connection c, Instant at, String actor, String action, String target, String detail)
            throws SQLException {
        Sql.update(c, "INSERT INTO audit_log(at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                at.toEpochMilli(), actor, action, target, detail);
    }

    public static List<AuditEntry> page(Connection c, String action, int offset, int limit) throws SQLException {
        return page(c, action, null, null, null, offset, limit);
    }

    /** Newest first; each filter is optional: exact action, exact actor, {@code from} inclusive, {@code to} exclusive. */
    public static List<AuditEntry> page(Connection c, String action, String actor, Instant from, Instant to, int offset, int limit)
            throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (action != null) {
            where.append(" AND action = ?");
            params.add(action);
        }
        if (actor != null) {
            where.append(" AND actor = ?");
            params.add(actor);
        }
        if (from != null) {
            where.append(" AND at >= ?");
            params.add(from.toEpochMilli());
        }
        if (to != null) {
            where.append(" AND at < ?");
            params.add(to.toEpochMilli());
        }
        params.add(limit);
        params.add(offset);
        return Sql.list(c, "SELECT id, at, actor, action, target, detail FROM audit_log" + where
                        + " ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> new AuditEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail")), params.toArray());
    }
}
