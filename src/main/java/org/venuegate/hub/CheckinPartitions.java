package org.venuegate.hub;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * The day partitions of the check-in table and of the unveil log on PostgreSQL (see the migrations V4_14_1 and
 * V4_14_2): created a few days ahead, so what arrives lands in its day and the default partitions stay small, and
 * dropped whole once every row in them is past the retention period. Several hub nodes may run this at once: an
 * advisory lock makes them take turns.
 */
public final class CheckinPartitions {
    /** Days ahead of today that always have a partition: kiosks' decisions may lie a day ahead, their ids a day more. */
    static final int DAYS_AHEAD = 3;
    /** How far a row's decision may lie after its partition's day (see {@link #partMs}). */
    static final long BAND_MS = Duration.ofDays(1).toMillis();
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long LOCK = 0x56474348_4b494e53L; // "VGCHKINS"
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'checkins_p'yyyyMMdd");
    private static final DateTimeFormatter UNVEILS_NAME = DateTimeFormatter.ofPattern("'unveils_p'yyyyMMdd");
    private static final Logger LOG = LoggerFactory.getLogger(CheckinPartitions.class);

    private final Database db;
    private final Clock clock;

    public CheckinPartitions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The partition key of a check-in: the time in its id when the id is a version-7 UUID whose time lies within a
     * day of the decision, else 0. The Java twin of the SQL function {@code checkin_part_ms}; the two are compared in
     * a test.
     */
    public static long partMs(String id, long decidedAtMs) {
        long canonical = canonicalTime(id);
        if (canonical >= 0) {
            // the form every kiosk id has, read without making a UUID: this runs for every row received
            return id.charAt(14) != '7' ? 0 : Math.abs(canonical - decidedAtMs) <= BAND_MS ? canonical : 0;
        }
        UUID u;
        try {
            u = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return 0;
        }
        if (u.version() != 7) {
            return 0;
        }
        long ms = u.getMostSignificantBits() >>> 16;
        return Math.abs(ms - decidedAtMs) <= BAND_MS ? ms : 0;
    }

    /**
     * The 48-bit time field of a lower-case UUID in its 8-4-4-4-12 text form (what {@link UUID#fromString} reads as the
     * top 48 bits), or -1 for any other text. The hub's one reader of that form: ingestion checks ids with it too.
     */
    static long canonicalTime(String id) {
        if (id == null || id.length() != 36) {
            return -1;
        }
        // looked up, one verdict at the end (see CheckinChain.isChainValue: a branch per random digit mispredicts)
        int bad = 0;
        long time = 0;
        for (int i = 0; i < 36; i++) {
            char ch = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                bad |= ch ^ '-';
                continue;
            }
            int digit = LOWER_HEX[ch & 0x7F] | -(ch >>> 7); // negative for a character that is not a lower-case hex digit
            bad |= digit >> 31;
            if (i < 13) {
                time = time << 4 | digit & 0xF;
            }
        }
        return bad == 0 ? time : -1;
    }

    /** The value of every ASCII lower-case hex digit, -1 for other characters. */
    private static final byte[] LOWER_HEX = new byte[128];

    static {
        java.util.Arrays.fill(LOWER_HEX, (byte) -1);
        for (int i = 0; i < 16; i++) {
            LOWER_HEX["0123456789abcdef".charAt(i)] = (byte) i;
        }
    }

    /** The check-in table's day partitions, oldest first. */
    public List<LocalDate> days() {
        return db.read(c -> days(c, "checkins"));
    }

    /** The unveil log's day partitions, oldest first. */
    public List<LocalDate> unveilDays() {
        return db.read(c -> days(c, "unveils"));
    }

    /** The days of {@code parent}'s partitions named {@code <parent>_pYYYYMMDD}, oldest first. */
    private static List<LocalDate> days(Connection c, String parent) throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        String prefix = parent + "_p";
        for (String name : Sql.list(c, "SELECT child.relname FROM pg_inherits i JOIN pg_class parent ON parent.oid = i.inhparent"
                + " JOIN pg_class child ON child.oid = i.inhrelid WHERE parent.relname = ? ORDER BY child.relname",
                rs -> rs.getString(1), parent)) {
            if (name.startsWith(prefix)) {
                out.add(LocalDate.parse(name.substring(prefix.length()), DateTimeFormatter.BASIC_ISO_DATE));
            }
        }
        return out;
    }

    /**
     * Makes sure yesterday to {@link #DAYS_AHEAD} days ahead have their partitions. Rows of a new day that waited in
     * the default partition move into it in the same transaction (PostgreSQL refuses to attach a range the default
     * partition still holds rows of).
     *
     * @return how many partitions were created
     */
    public int ensure() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int created = 0;
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
            LocalDate d = day;
            if (db.tx(c -> create(c, d))) {
                created++;
            }
            if (db.tx(c -> createUnveils(c, d))) {
                created++;
            }
        }
        return created;
    }

    private static boolean create(Connection c, LocalDate day) throws SQLException {
        long from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return create(c, "checkins", "part_ms", NAME.format(day), day, from, from + DAY_MS);
    }

    /**
     * The unveil log's partition of a day: the nonces that name that day ({@link UnveilLog}). Nonces drawn before the
     * log was partitioned are random: a few in each day's range wait in the default partition and move in.
     */
    private static boolean createUnveils(Connection c, LocalDate day) throws SQLException {
        return create(c, "unveils", "nonce", UNVEILS_NAME.format(day), day, UnveilLog.first(UnveilLog.day(day)),
                UnveilLog.first(UnveilLog.day(day) + 1));
    }

    /** {@code parent}'s partition of a day, holding {@code key} in [from, to), unless it exists. */
    private static boolean create(Connection c, String parent, String key, String name, LocalDate day, long from, long to)
            throws SQLException {
        Sql.one(c, "SELECT pg_advisory_xact_lock(?)", rs -> 1, LOCK);
        if (days(c, parent).contains(day)) {
            return false;
        }
        // names are made here from code and a date, never from input: safe to put into DDL
        Sql.update(c, "CREATE TABLE " + name + " (LIKE " + parent + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        int moved = Sql.update(c, "WITH gone AS (DELETE FROM " + parent + "_default WHERE " + key + " >= ? AND " + key + " < ?"
                + " RETURNING *) INSERT INTO " + name + " SELECT * FROM gone", from, to);
        Sql.update(c, "ALTER TABLE " + parent + " ATTACH PARTITION " + name + " FOR VALUES FROM (" + from + ") TO (" + to + ")");
        LOG.info("Partition {} created{}", name, moved > 0 ? ", " + moved + " rows moved in from the default partition" : "");
        return true;
    }

    /**
     * Drops every day partition all of whose rows were decided before the cutoff (a row is decided at most a day
     * after its partition's day), and deletes the few older rows left in the others and in the default partition.
     *
     * @return rows removed, and the partitions dropped
     */
    Purge purge(Connection c, long cutoffMs) throws SQLException {
        Sql.one(c, "SELECT pg_advisory_xact_lock(?)", rs -> 1, LOCK);
        long rows = 0;
        List<String> dropped = new ArrayList<>();
        rows += dropDays(c, "checkins", NAME, cutoffMs, dropped);
        // the stragglers: rows of the default partition, and rows decided well before their id's time
        rows += Sql.update(c, "DELETE FROM checkins WHERE decided_at < ?", cutoffMs);
        // The unveils are kept as long as the check-ins they judge: a day's partition goes once a day has passed
        // since its end (a code is valid for minutes after its unveil), the rest by expiry.
        long unveils = dropDays(c, "unveils", UNVEILS_NAME, cutoffMs, dropped);
        unveils += Sql.update(c, "DELETE FROM unveils WHERE expires_at < ?", Evidence.unveilsKeptFrom(cutoffMs));
        return new Purge(rows, unveils, dropped);
    }

    /** Drops {@code parent}'s day partitions that ended a day or more before the cutoff; the rows they held. */
    private static long dropDays(Connection c, String parent, DateTimeFormatter names, long cutoffMs, List<String> dropped)
            throws SQLException {
        long rows = 0;
        for (LocalDate day : days(c, parent)) {
            long end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            if (end + BAND_MS <= cutoffMs) {
                String name = names.format(day);
                rows += Sql.count(c, "SELECT COUNT(*) FROM " + name);
                Sql.update(c, "DROP TABLE " + name);
                dropped.add(name);
            }
        }
        return rows;
    }

    /** Check-in rows and unveils removed, and the partitions dropped (check-ins' first). */
    record Purge(long rows, long unveils, List<String> dropped) {
    }
}
