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
            assertThat(partitions.ensure()).isEqualTo(5);
            assertThat(partitions.ensure()).as("idempotent").isZero();
            assertThat(partitions.days()).containsExactly(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"),
                    LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-04"));
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
                service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(c)));
                clock.now = clock.now.plus(Duration.ofDays(1));
            }
            // a row whose id says today but which was decided long ago cannot hide from the purge in a young partition
            Checkin straggler = TestDevices.unlinked(UUID.randomUUID().toString(), 99L, "cd".repeat(32), VENUE, "S99", false, "PASS",
                    null, "GREEN", false, clock.now.minus(Duration.ofDays(35)));
            service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(straggler)));
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
            assertThat(detail).contains(purged + " check-ins").contains("partitions dropped: checkins_p20261031, checkins_p20261101")
                    .as("a partition whose rows may still be within the period stays").doesNotContain("checkins_p20261112");
            // the screens word the purge from its message; the partitions' names stay in the English text only
            AuditEntry entry = db.read(c -> AuditLog.page(c, "RETENTION_PURGE", 0, 1)).get(0);
            assertThat(entry.detailKey()).isEqualTo("RETENTION_PURGE_PARTITIONS");
            assertThat(entry.detailArgs()).hasSize(4).startsWith(Integer.toString(purged));
            assertThat(Integer.parseInt(entry.detailArgs().get(3))).as("partitions dropped").isGreaterThanOrEqualTo(2);
        }
    }
}
