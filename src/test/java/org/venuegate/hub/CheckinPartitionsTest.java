package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.venuegate.api.AuditEntry;
import org.venuegate.api.Checkin;
import org.venuegate.api.Receipt;
import org.venuegate.api.Rejection;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;
import org.venuegate.testing.MutableClock;

/**
 * The check-in table's day partitions on a real PostgreSQL: rows land in their day, idempotency and conflicts hold
 * across partitions, what has no partition waits in the default one and moves in when its day is created, and the
 * retention purge drops whole partitions.
 */
class CheckinPartitionsTest {
    static final long VENUE = 42;
    static final Principal KIOSK = new Principal(Role.DEVICE, 7, "device:7", null, null, VENUE);
    static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static Database open() throws Exception {
        String name = "p" + UUID.randomUUID().toString().replace("-", "");
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return Database.postgres(pg.getJdbcUrl("postgres", name), null, null).migrate();
    }

    /** A check-in as a kiosk makes it: a version-7 id from the decision time. */
    static Checkin at(Instant decided, long seq) {
        return TestDevices.chained(CheckinChain.ZERO, IDS.construct(decided.toEpochMilli()).toString(), seq, VENUE, "S" + seq,
                false, "PASS", null, "GREEN", null, decided);
    }

    static String partitionOf(Database db, String id) {
        return db.read(c -> Sql.one(c, "SELECT tableoid::regclass::text FROM checkins WHERE id = ?::uuid", rs -> rs.getString(1), id))
                .orElse(null);
    }

    @Test
    void theJavaAndSqlPartitionKeysAgree() throws Exception {
        try (Database db = open()) {
            long now = Instant.parse("2026-12-01T08:00:00Z").toEpochMilli();
            List<Object[]> cases = List.of(
                    new Object[] {IDS.construct(now).toString(), now},
                    new Object[] {IDS.construct(now - 3_600_000).toString(), now},          // id an hour before: its day
                    new Object[] {IDS.construct(now - 2 * 86_400_000L).toString(), now},    // two days off: default
                    new Object[] {UUID.randomUUID().toString(), now},                       // version 4: default
                    new Object[] {"00000000-0000-7000-8000-000000000000", 0L},
                    new Object[] {IDS.construct(now).toString().toUpperCase(java.util.Locale.ROOT), now}, // not a kiosk's form
                    new Object[] {"ffffffff-ffff-7fff-bfff-ffffffffffff", now});
            // ids of every version and time around the decision, read by the short path for the lower-case form
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            List<Object[]> all = new java.util.ArrayList<>(cases);
            for (int i = 0; i < 300; i++) {
                long decided = now + random.nextLong(-3 * 86_400_000L, 3 * 86_400_000L);
                String id = i % 3 == 0 ? UUID.randomUUID().toString() : IDS.construct(now + random.nextLong(-2 * 86_400_000L,
                        2 * 86_400_000L)).toString();
                all.add(new Object[] {id, decided});
            }
            for (Object[] k : all) {
                long java = CheckinPartitions.partMs((String) k[0], (Long) k[1]);
                long sql = db.read(c -> Sql.one(c, "SELECT checkin_part_ms(?::uuid, ?)", rs -> rs.getLong(1), k[0], k[1])).orElseThrow();
                assertThat(java).as((String) k[0]).isEqualTo(sql);
            }
            assertThat(CheckinPartitions.partMs(IDS.construct(now).toString(), now)).isEqualTo(now);
            assertThat(CheckinPartitions.partMs(UUID.randomUUID().toString(), now)).isZero();
        }
    }

    @Test
    void rowsLandInTheirDayAndResendsStayOneRowAcrossPartitions() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        try (Database db = open()) {
            CheckinPartitions partitions = new CheckinPartitions(db, clock);
            assertThat(partitions.ensure()).as("five days of check-ins and five of unveils").isEqualTo(10);
            assertThat(partitions.ensure()).as("idempotent").isZero();
            assertThat(partitions.days()).containsExactly(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"),
                    LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-04"));
            assertThat(partitions.unveilDays()).isEqualTo(partitions.days());
            CheckinService service = new CheckinService(db, clock, null, TestDevices.ANY);
            Checkin yesterday = at(clock.now.minus(Duration.ofHours(20)), 1);
            Checkin today = at(clock.now.minusSeconds(60), 2);
            Checkin v4 = TestDevices.unlinked(UUID.randomUUID().toString(), 3L, "ab".repeat(32), VENUE, "S3", false, "PASS", null,
                    "GREEN", false, clock.now.minusSeconds(30));
            Receipt first = service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(yesterday, today, v4)));
            assertThat(first.accepted()).hasSize(3);
            assertThat(partitionOf(db, yesterday.id())).isEqualTo("checkins_p20261130");
            assertThat(partitionOf(db, today.id())).isEqualTo("checkins_p20261201");
            assertThat(partitionOf(db, v4.id())).isEqualTo("checkins_default");

            Receipt again = service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(yesterday, today, v4)));
            assertThat(again.accepted()).isEmpty();
            assertThat(again.duplicates()).containsExactlyInAnyOrder(yesterday.id(), today.id(), v4.id());
            // the same id with another decision time: still the same partition (the key comes from the id), a conflict
            Checkin moved = new Checkin(today.id(), today.seq(), today.chain(), VENUE, today.subject(), false, "PASS", null, "GREEN",
                    false, today.decidedAt().minusSeconds(300), null, today.prev(), 1000L);
            Receipt altered = service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(moved)));
            assertThat(altered.rejected()).extracting(Rejection::error).containsExactly("ID_CONFLICT");
            assertThat(db.<Long>read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"))).isEqualTo(3);
        }
    }

    @Test
    void rowsWithoutTheirPartitionWaitInTheDefaultAndMoveInWhenItIsCreated() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        try (Database db = open()) {
            CheckinService service = new CheckinService(db, clock, null, TestDevices.ANY);
            Checkin early = at(clock.now.minusSeconds(60), 1); // no partition yet: a node that has not run ensure()
            service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(early)));
            assertThat(partitionOf(db, early.id())).isEqualTo("checkins_default");
            new CheckinPartitions(db, clock).ensure();
            assertThat(partitionOf(db, early.id())).isEqualTo("checkins_p20261201");
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(early))).duplicates()).containsExactly(early.id());
        }
    }

    static void unveil(Database db, long nonce, String subject, Instant admitted) {
        db.tx(c -> Sql.update(c, "INSERT INTO unveils(nonce, subject, venue_id, admitted_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                nonce, subject, VENUE, admitted.toEpochMilli(), admitted.plus(CitizenService.UNVEILED_VALIDITY).toEpochMilli()));
    }

    static String unveilPartitionOf(Database db, long nonce) {
        return db.read(c -> Sql.one(c, "SELECT tableoid::regclass::text FROM unveils WHERE nonce = ?", rs -> rs.getString(1), nonce))
                .orElse(null);
    }

    /** A scanned check-in of the code unveiled with this nonce for subject S{seq}. */
    static Checkin scanned(Instant decided, long seq, long nonce) {
        return TestDevices.chained(CheckinChain.ZERO, IDS.construct(decided.toEpochMilli()).toString(), seq, VENUE, "S" + seq,
                false, "PASS", null, "GREEN", nonce, decided);
    }

    @Test
    void unveilsLandInTheirDayAndEveryOneIsFoundWhereverItWaits() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        try (Database db = open()) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(11);
            Instant today = clock.now.minusSeconds(60);
            Instant yesterday = clock.now.minus(Duration.ofHours(20));
            long todays = UnveilLog.nonce(today, random.nextLong());
            long yesterdays = UnveilLog.nonce(yesterday, random.nextLong());
            // nonces drawn before the log was partitioned: 64 random bits, whatever day their top bits name
            long legacyNegative = -random.nextLong(1, Long.MAX_VALUE);
            long legacyFar = Long.MAX_VALUE - random.nextLong(1_000_000);
            long legacyNamingDecember3 = UnveilLog.nonce(Instant.parse("2026-12-03T12:00:00Z"), random.nextLong());
            unveil(db, legacyNamingDecember3, "S5", today); // before any day partition exists: it waits in the default
            assertThat(unveilPartitionOf(db, legacyNamingDecember3)).isEqualTo("unveils_default");
            new CheckinPartitions(db, clock).ensure();
            assertThat(unveilPartitionOf(db, legacyNamingDecember3)).as("moved in when its range got a partition")
                    .isEqualTo("unveils_p20261203");
            unveil(db, todays, "S1", today);
            unveil(db, yesterdays, "S2", yesterday);
            unveil(db, legacyNegative, "S3", today);
            unveil(db, legacyFar, "S4", today);
            assertThat(unveilPartitionOf(db, todays)).isEqualTo("unveils_p20261201");
            assertThat(unveilPartitionOf(db, yesterdays)).isEqualTo("unveils_p20261130");
            assertThat(unveilPartitionOf(db, legacyNegative)).isEqualTo("unveils_default");
            assertThat(unveilPartitionOf(db, legacyFar)).isEqualTo("unveils_default");

            // one batch whose nonces name three days and none: each is found, and a nonce never issued is not
            long neverIssued = UnveilLog.nonce(today, random.nextLong());
            List<Checkin> batch = List.of(scanned(today.plusSeconds(5), 1, todays), scanned(yesterday.plusSeconds(5), 2, yesterdays),
                    scanned(today.plusSeconds(6), 3, legacyNegative), scanned(today.plusSeconds(7), 4, legacyFar),
                    scanned(today.plusSeconds(8), 5, legacyNamingDecember3), scanned(today.plusSeconds(9), 6, neverIssued));
            CheckinService service = new CheckinService(db, clock, c -> Duration.ofDays(28), TestDevices.ANY);
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, batch)).accepted()).hasSize(6);
            List<String> evidence = db.read(c -> Sql.list(c, "SELECT " + Evidence.OF_ROW + " FROM " + Evidence.checkins(db.dialect())
                    + " ORDER BY k.seq", rs -> rs.getString(1)));
            assertThat(evidence).containsExactly("VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED", "VERIFIED", "NO_UNVEIL");

            // judging today's check-in reads today's partition of the unveil log alone, even as a generic plan
            String plan = db.read(c -> {
                try (var st = c.createStatement()) {
                    st.execute("SET plan_cache_mode = force_generic_plan");
                }
                try (var ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT " + Evidence.OF_ROW + " FROM "
                        + Evidence.checkins(db.dialect()) + " WHERE k.device_id = ? AND k.seq = ?")) {
                    ps.setLong(1, KIOSK.id());
                    ps.setLong(2, 1);
                    StringBuilder out = new StringBuilder();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.append(rs.getString(1)).append('\n');
                        }
                    }
                    return out.toString();
                }
            });
            assertThat(plan).as(plan).contains("unveils_p20261201").contains("Nested Loop Left Join");
            // the other partitions are in the plan (its nonce is known only as each row is read) but never read
            assertThat(plan.lines().filter(l -> l.contains(" on unveils_")))
                    .as(plan).hasSize(6).filteredOn(l -> !l.contains("never executed")).hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains("unveils_p20261201"));
        }
    }

    @Test
    void theRetentionPurgeDropsWholePartitionsAndDeletesOnlyTheStragglers() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        try (Database db = open()) {
            CheckinPartitions partitions = new CheckinPartitions(db, clock);
            CheckinService service = new CheckinService(db, clock, null, TestDevices.ANY);
            List<Checkin> old = new ArrayList<>();
            for (int day = 0; day < 40; day++) {
                partitions.ensure();
                Checkin c = at(clock.now, day + 1);
                old.add(c);
                unveil(db, UnveilLog.nonce(clock.now, day), "S" + (day + 1), clock.now);
                service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(c)));
                clock.now = clock.now.plus(Duration.ofDays(1));
            }
            // a row whose id says today but which was decided long ago cannot hide from the purge in a young partition
            Checkin straggler = TestDevices.unlinked(UUID.randomUUID().toString(), 99L, "cd".repeat(32), VENUE, "S99", false, "PASS",
                    null, "GREEN", false, clock.now.minus(Duration.ofDays(35)));
            service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(straggler)));
            // an unveil of a nonce drawn before the partitions, long expired, in the default partition
            unveil(db, -12345L, "S98", clock.now.minus(Duration.ofDays(35)));
            long before = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"));
            int partitionsBefore = partitions.days().size();
            int purged = service.purge(Duration.ofDays(28));
            long after = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"));
            assertThat(before - after).isEqualTo(purged);
            long cutoff = clock.now.minus(Duration.ofDays(28)).toEpochMilli();
            assertThat(db.<Long>read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins WHERE decided_at < ?", cutoff))).isZero();
            assertThat(after).as("the last 28 days stay").isBetween(27L, 29L);
            assertThat(partitions.days().size()).isLessThan(partitionsBefore);
            assertThat(partitions.days().get(0)).isAfterOrEqualTo(LocalDate.ofInstant(clock.now.minus(Duration.ofDays(30)), ZoneOffset.UTC));
            String detail = db.read(c -> Sql.one(c, "SELECT detail FROM audit_log WHERE action = 'RETENTION_PURGE' ORDER BY id DESC",
                    rs -> rs.getString(1))).orElseThrow();
            assertThat(db.<Long>read(c -> Sql.count(c, "SELECT COUNT(*) FROM unveils WHERE expires_at < ?", cutoff)))
                    .as("no unveil outlives the check-ins it could judge").isZero();
            assertThat(db.<Long>read(c -> Sql.count(c, "SELECT COUNT(*) FROM unveils"))).as("the last 28 days' stay").isBetween(27L, 29L);
            assertThat(partitions.unveilDays().get(0)).isEqualTo(partitions.days().get(0));
            assertThat(detail).contains(purged + " check-ins").contains("partitions dropped: checkins_p20261031, checkins_p20261101")
                    .contains("unveils_p20261031, unveils_p20261101")
                    .as("a partition whose rows may still be within the period stays").doesNotContain("checkins_p20261112");
            // the screens word the purge from its message; the partitions' names stay in the English text only
            AuditEntry entry = db.read(c -> AuditLog.page(c, "RETENTION_PURGE", 0, 1)).get(0);
            assertThat(entry.detailKey()).isEqualTo("RETENTION_PURGE_PARTITIONS");
            assertThat(entry.detailArgs()).hasSize(4).startsWith(Integer.toString(purged));
            assertThat(Integer.parseInt(entry.detailArgs().get(3))).as("partitions dropped").isGreaterThanOrEqualTo(2);
        }
    }
}
