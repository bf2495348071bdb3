package org.venuegate.hub;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.ChainState;
import org.venuegate.api.DayCount;
import org.venuegate.api.DeviceHealth;
import org.venuegate.api.DistrictCount;
import org.venuegate.api.HealthReport;
import org.venuegate.api.HourCount;
import org.venuegate.api.KeyInfo;
import org.venuegate.api.PasswordReset;
import org.venuegate.api.Role;
import org.venuegate.api.Retention;
import org.venuegate.api.RetentionRequest;
import org.venuegate.api.Revocations;
import org.venuegate.api.ReviewerCount;
import org.venuegate.api.RevokedVenue;
import org.venuegate.api.Stats;
import org.venuegate.api.User;
import org.venuegate.api.UserUpdate;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.api.Requests;
import org.venuegate.hub.auth.Passwords;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * What the back-office screens read and change beyond the queue: the dashboard's figures, the kiosk fleet's health,
 * user accounts, revocations, and retention. Every change lands in the audit log in its own transaction.
 */
public final class BackOfficeService {
    public static final int MAX_DAYS = 90;
    static final String RETENTION_DAYS = "retention_days";
    static final String LAST_PURGE = "last_purge";

    private final Database db;
    private final Clock clock;
    private final Passwords passwords;
    private final TrustService trust;
    private final Duration configuredRetention;

    public BackOfficeService(Database db, Clock clock, Passwords passwords, TrustService trust, Duration configuredRetention) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
        this.trust = trust;
        this.configuredRetention = configuredRetention;
    }

    // ------------------------------------------------------------------ dashboard

    public Stats stats(Principal who, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.badRequest("INVALID_PARAMETER", "days must be 1 to " + MAX_DAYS);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Requests.ZONE);
        LocalDate first = today.minusDays(days - 1L);
        long from = first.atStartOfDay(Requests.ZONE).toInstant().toEpochMilli();
        String scope = "";
        List<Object> sp = new ArrayList<>();
        if (who.role() == org.venuegate.hub.auth.Role.REVIEWER && who.district() != null) {
            scope = " AND a.district = ?";
            sp.add(who.district());
        }
        String where = scope;
        return db.read(c -> {
            Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                perDay.put(d, new long[2]);
            }
            for (Long t : Sql.list(c, "SELECT a.submitted_at FROM applications a WHERE a.submitted_at >= ?" + where,
                    rs -> rs.getLong(1), with(from, sp))) {
                long[] slot = perDay.get(LocalDate.ofInstant(Instant.ofEpochMilli(t), Requests.ZONE));
                if (slot != null) {
                    slot[0]++;
                }
            }
            List<Long> waits = new ArrayList<>();
            for (long[] row : Sql.list(c, "SELECT a.decided_at, a.decided_at - a.submitted_at FROM applications a"
                    + " WHERE a.decided_at >= ?" + where, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, with(from, sp))) {
                long[] slot = perDay.get(LocalDate.ofInstant(Instant.ofEpochMilli(row[0]), Requests.ZONE));
                if (slot != null) {
                    slot[1]++;
                }
                waits.add(row[1]);
            }
            waits.sort(null);
            List<DayCount> dayCounts = new ArrayList<>();
            perDay.forEach((d, v) -> dayCounts.add(new DayCount(d, v[0], v[1])));
            List<ReviewerCount> reviewers = Sql.list(c, "SELECT u.username, COUNT(*) FROM applications a"
                            + " JOIN users u ON u.id = a.decided_by WHERE a.decided_at >= ?" + where
                            + " GROUP BY u.username ORDER BY 2 DESC, 1",
                    rs -> new ReviewerCount(rs.getString(1), rs.getLong(2)), with(from, sp));
            Map<Integer, long[]> districts = new java.util.TreeMap<>();
            for (Object[] row : Sql.list(c, "SELECT a.district, COUNT(*) FROM applications a WHERE a.decided_at >= ?" + where
                    + " GROUP BY a.district", rs -> new Object[] {rs.getInt(1), rs.getLong(2)}, with(from, sp))) {
                districts.computeIfAbsent((Integer) row[0], k -> new long[2])[0] = (Long) row[1];
            }
            for (Object[] row : Sql.list(c, "SELECT a.district, COUNT(*) FROM applications a WHERE a.status = 'UNDER_REVIEW'"
                    + where + " GROUP BY a.district", rs -> new Object[] {rs.getInt(1), rs.getLong(2)}, sp.toArray())) {
                districts.computeIfAbsent((Integer) row[0], k -> new long[2])[1] = (Long) row[1];
            }
            List<DistrictCount> perDistrict = new ArrayList<>();
            districts.forEach((d, v) -> perDistrict.add(new DistrictCount(d, v[0], v[1])));
            long waiting = Sql.count(c, "SELECT COUNT(*) FROM applications a WHERE a.status = 'UNDER_REVIEW'" + where, sp.toArray());
            return new Stats(days, waiting, dayCounts, percentile(waits, 50), percentile(waits, 90), reviewers, perDistrict,
                    checkinsPerHour(c, now));
        });
    }

    private static Object[] with(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }

    /** Nearest-rank percentile of sorted millisecond waits, in whole minutes (rounded). */
    static Long percentile(List<Long> sortedMillis, int p) {
        if (sortedMillis.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.size());
        long ms = sortedMillis.get(Math.max(0, rank - 1));
        return Math.round(ms / 60_000.0);
    }

    /** The last 24 clock hours, oldest first, each with its count (zero hours included). */
    private static List<HourCount> checkinsPerHour(Connection c, Instant now) throws SQLException {
        long hour = 3_600_000L;
        long last = now.toEpochMilli() / hour;
        long first = last - 23;
        Map<Long, Long> counts = new java.util.HashMap<>();
        for (long[] row : Sql.list(c, "SELECT decided_at / 3600000, COUNT(*) FROM checkins WHERE decided_at >= ?"
                + " GROUP BY decided_at / 3600000", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, first * hour)) {
            counts.put(row[0], row[1]);
        }
        List<HourCount> out = new ArrayList<>();
        for (long h = first; h <= last; h++) {
            out.add(new HourCount(Instant.ofEpochMilli(h * hour), counts.getOrDefault(h, 0L)));
        }
        return out;
    }

    // ------------------------------------------------------------------ fleet

    private static final String TOUCH = "INSERT INTO device_health(device_id, last_contact) VALUES (?, ?)"
            + " ON CONFLICT (device_id) DO UPDATE SET last_contact = excluded.last_contact";

    /**
     * Notes that a kiosk called the hub (any authenticated device call). On PostgreSQL its commit does not wait for
     * the WAL to reach the disk: it is a transaction of its own after every kiosk call, as many as the check-in
     * batches, and waiting doubled the flushes a batch costs the server; a crash loses at most the last fraction of a
     * second of contact times, which the next call of each kiosk writes again.
     */
    public void touch(long deviceId) {
        long now = clock.millis();
        if (db.dialect() != org.venuegate.hub.store.Database.Dialect.POSTGRES) {
            db.tx(c -> Sql.update(c, TOUCH, deviceId, now));
            return;
        }
        db.tx(c -> {
            // one round trip: pgjdbc sends both statements of one prepared text together
            try (java.sql.PreparedStatement ps = c.prepareStatement("SET LOCAL synchronous_commit TO OFF; " + TOUCH)) {
                ps.setLong(1, deviceId);
                ps.setLong(2, now);
                ps.execute();
            }
            return null;
        });
    }

    public void report(Principal device, HealthReport r) {
        if (r.pending() != null && r.pending() < 0) {
            throw ApiException.invalidField("pending", "must not be negative");
        }
        Instant now = clock.instant();
        // a kiosk clock gone wild must not overflow the skew or the stored millis (it was HTTP 500)
        Instant kioskTime = Requests.bodyTime(r.kioskTime(), "kioskTime");
        Instant signedAt = Requests.bodyTime(r.trustListSignedAt(), "trustListSignedAt");
        Long skew = kioskTime == null ? null : Duration.between(now, kioskTime).toMillis();
        db.tx(c -> Sql.update(c, "INSERT INTO device_health(device_id, last_contact, reported_at, pending, trust_list_signed_at,"
                        + " clock_skew_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
                        + " last_contact = excluded.last_contact, reported_at = excluded.reported_at, pending = excluded.pending,"
                        + " trust_list_signed_at = excluded.trust_list_signed_at, clock_skew_ms = excluded.clock_skew_ms",
                device.id(), now.toEpochMilli(), now.toEpochMilli(), r.pending(),
                signedAt == null ? null : signedAt.toEpochMilli(), skew));
    }

    public List<DeviceHealth> fleet() {
        return db.read(c -> {
            Map<Long, ChainState> chains = chains(c);
            return Sql.list(c, "SELECT d.id, d.venue_id, v.name, d.label, d.created_at, d.revoked_at, h.last_contact,"
                            + " h.reported_at, h.pending, h.trust_list_signed_at, h.clock_skew_ms FROM devices d"
                            + " LEFT JOIN venues v ON v.id = d.venue_id LEFT JOIN device_health h ON h.device_id = d.id ORDER BY d.id",
                    rs -> new DeviceHealth(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), instant(Sql.longOrNull(rs, "revoked_at")),
                            instant(Sql.longOrNull(rs, "last_contact")), instant(Sql.longOrNull(rs, "reported_at")),
                            Sql.longOrNull(rs, "pending"), instant(Sql.longOrNull(rs, "trust_list_signed_at")),
                            Sql.longOrNull(rs, "clock_skew_ms"),
                            chains.getOrDefault(rs.getLong(1), new ChainState("NONE", null, null, null, null, null, 0))));
        });
    }

    /** Each device's chain: the latest problem found outranks an open gap, which outranks OK. */
    private static Map<Long, ChainState> chains(Connection c) throws SQLException {
        Map<Long, ChainState> out = new java.util.HashMap<>();
        for (Object[] r : Sql.list(c, "SELECT device_id, head_seq, gap_from, gap_to, gap_since FROM device_chains",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), Sql.longOrNull(rs, "gap_from"), Sql.longOrNull(rs, "gap_to"),
                        Sql.longOrNull(rs, "gap_since")})) {
            Long gapFrom = (Long) r[2];
            out.put((Long) r[0], gapFrom == null ? new ChainState("OK", (Long) r[1], null, null, null, null, 0)
                    : new ChainState("GAP", (Long) r[1], gapFrom, (Long) r[3], instant((Long) r[4]),
                            "records " + gapFrom + " to " + r[3] + " have not arrived", 0));
        }
        for (Object[] r : Sql.list(c, "SELECT p.device_id, p.kind, p.seq_from, p.seq_to, p.found_at, p.detail, n.total"
                        + " FROM chain_problems p JOIN (SELECT device_id, MAX(id) AS last, COUNT(*) AS total FROM chain_problems"
                        + " GROUP BY device_id) n ON n.last = p.id",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                        rs.getLong(7)})) {
            ChainState base = out.get((Long) r[0]);
            out.put((Long) r[0], new ChainState((String) r[1], base == null ? null : base.verifiedTo(), (Long) r[2], (Long) r[3],
                    Instant.ofEpochMilli((Long) r[4]), (String) r[5], (Long) r[6]));
        }
        return out;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    // ------------------------------------------------------------------ users

    public List<User> users() {
        return db.read(c -> Sql.list(c, "SELECT id, username, role, district, active, created_at FROM users ORDER BY username",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        (Integer) (rs.getObject(4) == null ? null : rs.getInt(4)), rs.getBoolean(5),
                        Instant.ofEpochMilli(rs.getLong(6)))));
    }

    public User updateUser(Principal who, long id, UserUpdate u) {
        Role role = Requests.required(u.role(), "role");
        boolean active = Requests.required(u.active(), "active");
        if (role == Role.ANYONE || role == Role.DEVICE) {
            throw ApiException.invalidField("role", "must be CITIZEN, REVIEWER, ADMIN or TRACER");
        }
        if (u.district() != null && !org.venuegate.core.place.Districts.known(u.district())) {
            throw ApiException.invalidField("district", "not a Tianjin district code");
        }
        if (id == who.id() && (!active || role != Role.ADMIN)) {
            throw ApiException.conflict("OWN_ACCOUNT", "an admin cannot disable or demote their own account");
        }
        Instant now = clock.instant();
        db.tx(c -> {
            User before = user(c, id).orElseThrow(() -> ApiException.notFound("user " + id));
            if ((before.role() == Role.CITIZEN) != (role == Role.CITIZEN)) {
                throw ApiException.invalidField("role", "citizen accounts stay citizen accounts, and others never become one");
            }
            Sql.update(c, "UPDATE users SET role = ?, district = ?, active = ? WHERE id = ?", role, u.district(), active, id);
            if (!active || role != before.role()) {
                // A disabled or re-roled user signs in again; old tokens carry nothing, but sessions go at once.
                Sql.update(c, "DELETE FROM sessions WHERE user_id = ?", id);
            }
            AuditLog.record(c, now, who.actor(), "USER_UPDATE", "user:" + before.username(), AuditLog.Detail.of(
                    "role " + before.role() + " -> " + role + ", district " + before.district() + " -> " + u.district()
                            + ", active " + before.active() + " -> " + active,
                    AuditMessage.USER_UPDATE, before.role(), role, before.district(), u.district(), before.active(), active));
            return null;
        });
        return db.read(c -> user(c, id)).orElseThrow();
    }

    public void resetPassword(Principal who, long id, PasswordReset r) {
        String password = r.password();
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw ApiException.invalidField("password", "8 to 200 characters");
        }
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        db.tx(c -> {
            User u = user(c, id).orElseThrow(() -> ApiException.notFound("user " + id));
            Sql.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", hash, id);
            Sql.update(c, "DELETE FROM sessions WHERE user_id = ?", id);
            Sql.update(c, "DELETE FROM login_failures WHERE username = ?", u.username());
            AuditLog.record(c, now, who.actor(), "PASSWORD_RESET", "user:" + u.username());
            return null;
        });
    }

    /** Lets an account in again after a guessing attack: its failed attempts from every address are forgotten. */
    public void unlock(Principal who, long id) {
        Instant now = clock.instant();
        db.tx(c -> {
            User u = user(c, id).orElseThrow(() -> ApiException.notFound("user " + id));
            Sql.update(c, "DELETE FROM login_failures WHERE username = ?", u.username());
            AuditLog.record(c, now, who.actor(), "USER_UNLOCK", "user:" + u.username());
            return null;
        });
    }

    private static Optional<User> user(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT id, username, role, district, active, created_at FROM users WHERE id = ?",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        (Integer) (rs.getObject(4) == null ? null : rs.getInt(4)), rs.getBoolean(5),
                        Instant.ofEpochMilli(rs.getLong(6))), id);
    }

    // ------------------------------------------------------------------ revocations

    public Revocations revocations() {
        List<RevokedVenue> venues = db.read(c -> Sql.list(c, "SELECT id, number, name, revoked_at, revoked_by, revoke_reason"
                        + " FROM venues WHERE revoked_at IS NOT NULL ORDER BY revoked_at DESC",
                rs -> new RevokedVenue(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5), rs.getString(6))));
        List<KeyInfo> keys = trust.ring().keys().stream()
                .map(k -> new KeyInfo(k.keyId(), k.role(), k.notBefore(), k.notAfter(), k.revoked())).toList();
        return new Revocations(venues, keys);
    }

    // ------------------------------------------------------------------ retention

    /** The retention period in force: what an admin set, else the hub's configuration. */
    public Duration retention() {
        return db.read(this::retention);
    }

    /** {@link #retention()} read on a connection the caller holds (ingestion's transaction). */
    public Duration retention(java.sql.Connection c) throws java.sql.SQLException {
        return Sql.one(c, "SELECT value FROM hub_settings WHERE name = ?", rs -> rs.getString(1), RETENTION_DAYS)
                .map(v -> Duration.ofDays(Integer.parseInt(v))).orElse(configuredRetention);
    }

    public Retention retentionReport() {
        Optional<String[]> last = db.read(c -> Sql.one(c, "SELECT value, updated_at FROM hub_settings WHERE name = ?",
                rs -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))}, LAST_PURGE));
        return new Retention((int) retention().toDays(), (int) configuredRetention.toDays(),
                last.map(v -> Instant.ofEpochMilli(Long.parseLong(v[1]))).orElse(null),
                last.map(v -> Long.parseLong(v[0].split(" ")[0])).orElse(null),
                last.map(v -> Instant.ofEpochMilli(Long.parseLong(v[0].split(" ")[1]))).orElse(null));
    }

    public Retention setRetention(Principal who, RetentionRequest r) {
        int days = Requests.required(r.days(), "days");
        if (days < 1 || days > 365) {
            throw ApiException.invalidField("days", "1 to 365");
        }
        Instant now = clock.instant();
        int before = (int) retention().toDays();
        db.tx(c -> {
            setting(c, RETENTION_DAYS, Integer.toString(days), now, who.actor());
            AuditLog.record(c, now, who.actor(), "RETENTION_SET", "checkins",
                    AuditLog.Detail.of(before + " -> " + days + " days", AuditMessage.RETENTION_CHANGE, before, days));
            return null;
        });
        return retentionReport();
    }

    static void setting(Connection c, String name, String value, Instant at, String actor) throws SQLException {
        Sql.update(c, "INSERT INTO hub_settings(name, value, updated_at, updated_by) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by", name, value, at.toEpochMilli(), actor);
    }
}
