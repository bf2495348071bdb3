package org.venuegate.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.api.AuditEntry;
import org.venuegate.api.AuditMessage;
import org.venuegate.core.json.Json;
import org.venuegate.hub.store.Sql;

/**
 * Append-only record of decisions, revocations, category changes, pairings, colour changes and trace queries.
 * Written in the same transaction as the change it records, so there is never a change without its entry. A detail
 * is stored twice: as the English sentence logs and older clients read, and as an {@link AuditMessage} with its
 * arguments, which the screens word in their own language (an English sentence on a Chinese screen was issue 12).
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private AuditLog() {
    }

    /**
     * What an entry says: {@code text} in English, and the same as {@code message} with its arguments in their wire
     * form (instants and durations ISO-8601, enums by name, numbers in digits, typed text as typed).
     */
    public record Detail(String text, AuditMessage message, List<String> args) {
        public Detail {
            if (args.size() != message.args().size()) {
                // a programming error: the screens could not word it, so it must not reach the log
                throw new IllegalArgumentException(message + " takes " + message.args() + ", given " + args);
            }
        }

        public static Detail of(String text, AuditMessage message, Object... args) {
            List<String> out = new ArrayList<>();
            for (Object a : args) {
                out.add(wire(a));
            }
            return new Detail(text, message, out);
        }

        private static String wire(Object a) {
            if (a == null) {
                return null;
            }
            if (a instanceof Enum<?> e) {
                return e.name();
            }
            if (a instanceof Instant || a instanceof Duration || a instanceof Number || a instanceof Boolean || a instanceof String) {
                return a.toString();
            }
            throw new IllegalArgumentException("no wire form for " + a.getClass().getName());
        }
    }

    /** An entry whose action and target say it all. */
    public static void record(Connection c, Instant at, String actor, String action, String target) throws SQLException {
        Sql.update(c, "INSERT INTO audit_log(at, actor, action, target) VALUES (?, ?, ?, ?)", at.toEpochMilli(), actor,
                action, target);
    }

    public static void record(Connection c, Instant at, String actor, String action, String target, Detail detail)
            throws SQLException {
        String args;
        try {
            args = Json.mapper().writeValueAsString(detail.args());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Sql.update(c, "INSERT INTO audit_log(at, actor, action, target, detail, detail_key, detail_args)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                at.toEpochMilli(), actor, action, target, detail.text(), detail.message().name(), args);
    }

    private static List<String> args(long id, String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            LOG.warn("Audit entry {} has unreadable detail arguments; its English text stands", id, e);
            return null;
        }
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
        return Sql.list(c, "SELECT id, at, actor, action, target, detail, detail_key, detail_args FROM audit_log" + where
                        + " ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> {
                    long id = rs.getLong("id");
                    List<String> args = args(id, rs.getString("detail_args"));
                    return new AuditEntry(id, Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                            rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                            args == null ? null : rs.getString("detail_key"), args);
                }, params.toArray());
    }
}
