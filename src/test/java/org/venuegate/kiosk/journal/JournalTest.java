package org.venuegate.kiosk.journal;

import org.venuegate.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.code.Colour;
import org.venuegate.core.decide.StopReason;
import org.venuegate.core.decide.Verdict;

class JournalTest {
    static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z"); // 10:00 in Tianjin

    @TempDir
    Path dir;


    static Entry pass(long subject, long nonce, Instant at, long micros) {
        return new Entry(42, Long.toString(subject), false, Verdict.PASS, null, Colour.GREEN, false, nonce, at, micros);
    }

    static Entry stop(StopReason reason, Instant at, long micros) {
        return new Entry(42, null, false, Verdict.STOP, reason, null, false, null, at, micros);
    }

    Path file() {
        return dir.resolve("kiosk").resolve("journal.db");
    }

    void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void appendChainsRecordsFromZeros() {
        try (Journal j = Journal.open(file(), Clock.systemUTC())) {
            Entry e1 = pass(1001, 7, T0, 2500);
            Record r1 = j.append(e1);
            Record r2 = j.append(stop(StopReason.FORGED, T0.plusSeconds(1), 3000));
            assertThat(r1.seq()).isEqualTo(1);
            assertThat(r2.seq()).isEqualTo(2);
            assertThat(r1.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(r1.chain()).isEqualTo(Journal.chain(Journal.ZERO_CHAIN, r1.id(), 1, e1)).matches("[0-9a-f]{64}");
            assertThat(r2.chain()).isEqualTo(Journal.chain(r1.chain(), r2.id(), 2, r2.entry()));
            assertThat(j.unsynced(10)).containsExactly(r1, r2);
            assertThat(j.verify().ok()).isTrue();
        }
        try (Journal j = Journal.open(file(), Clock.systemUTC())) {
            Record r3 = j.append(pass(1002, 8, T0.plusSeconds(2), 100));
            assertThat(r3.seq()).isEqualTo(3);
            VerifyReport report = j.verify();
            assertThat(report.ok()).as(report.message()).isTrue();
            assertThat(report.records()).isEqualTo(3);
        }
    }

    /** The hub's primary key stays cheap only when ids grow with time: version-7 UUIDs, in append order. */
    @Test
    void recordIdsAreTimeOrderedVersion7Uuids() {
        try (Journal j = Journal.open(file(), Clock.systemUTC())) {
            List<String> ids = new ArrayList<>();
            long before = System.currentTimeMillis();
            for (int i = 0; i < 50; i++) {
                ids.add(j.append(pass(2000 + i, 7, T0.plusSeconds(i), 100)).id());
            }
            long after = System.currentTimeMillis();
            for (String id : ids) {
                UUID u = UUID.fromString(id);
                assertThat(u.version()).as(id).isEqualTo(7);
                // The first 48 bits are the Unix time in milliseconds when the record was made.
                assertThat(u.getMostSignificantBits() >>> 16).as(id).isBetween(before, after);
            }
            assertThat(ids).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void entryKeepsNamesOut() {
        assertThatThrownBy(() -> new Entry(42, "张三", false, Verdict.PASS, null, Colour.GREEN, false, null, T0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pseudonym");
        assertThatThrownBy(() -> new Entry(42, "1001", false, Verdict.STOP, null, null, false, null, T0, 0))
                .hasMessageContaining("reason");
        assertThat(new Entry(42, null, true, Verdict.PASS, null, null, false, null, Instant.parse("2025-03-01T02:00:00.123456Z"), 0)
                .decidedAt()).isEqualTo(Instant.parse("2025-03-01T02:00:00.123Z"));
    }

    @Test
    void replayGuardSurvivesReopen() {
        try (Journal j = Journal.open(file(), Clock.systemUTC())) {
            assertThat(j.alreadyUsed(77)).isFalse();
            j.append(pass(1001, 77, T0, 10));
            j.append(stop(StopReason.FORGED, T0, 10)); // no nonce: a forged code burns nothing
            assertThat(j.alreadyUsed(77)).isTrue();
        }
        try (Journal j = Journal.open(file(), Clock.systemUTC())) {
            assertThat(j.alreadyUsed(77)).isTrue();
            assertThat(j.alreadyUsed(78)).isFalse();
            assertThat(j.alreadyUsed(0)).isFalse();
        }
    }

    @Test
    void acknowledgeMarksSyncedAndKeepsReceipt() throws SQLException {
        MutableClock clock = new MutableClock(T0);
        try (Journal j = Journal.open(file(), clock)) {
            List<Record> rs = List.of(j.append(pass(1, 1, T0, 1)), j.append(pass(2, 2, T0, 1)), j.append(pass(3, 3, T0, 1)));
            assertThat(j.pendingCount()).isEqualTo(3);
            assertThat(j.lastSync()).isEmpty();
            clock.now = T0.plusSeconds(60);
            j.acknowledge("{\"receiptId\":\"r1\"}", List.of(rs.get(0).id(), rs.get(1).id()));
            assertThat(j.pendingCount()).isEqualTo(1);
            assertThat(j.unsynced(10)).containsExactly(rs.get(2));
            assertThat(j.lastSync()).contains(T0.plusSeconds(60));
            j.reject(java.util.Map.of(rs.get(2).id(), "WRONG_VENUE: venueId must be this kiosk's venue 43"));
            assertThat(j.pendingCount()).isZero();
            assertThat(j.rejectedCount()).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT body FROM receipts")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("r1");
        }
    }

    @Test
    void purgeDeletesOnlyOldAcknowledgedLeadingRecordsAndKeepsTheChainVerifiable() {
        MutableClock clock = new MutableClock(T0);
        try (Journal j = Journal.open(file(), clock)) {
            Record[] r = new Record[6];
            for (int i = 0; i < 6; i++) {
                r[i] = j.append(pass(i, 100 + i, T0.plus(Duration.ofHours(i)), 5));
            }
            clock.now = T0.plus(Duration.ofDays(40));
            assertThat(j.purge(Duration.ofDays(28))).as("nothing acknowledged yet").isZero();
            // 1, 2 and 4 acknowledged; 3 not: only 1 and 2 may go, or the chain would break
            j.acknowledge("{}", List.of(r[0].id(), r[1].id(), r[3].id()));
            assertThat(j.purge(Duration.ofDays(28))).isEqualTo(2);
            assertThat(j.unsynced(10)).extracting(Record::seq).containsExactly(3L, 5L, 6L);
            VerifyReport report = j.verify();
            assertThat(report.ok()).as(report.message()).isTrue();
            assertThat(report.purged()).isEqualTo(2);
            assertThat(report.firstSeq()).isEqualTo(3);
            j.acknowledge("{}", List.of(r[2].id(), r[4].id(), r[5].id()));
            // recent records stay even when acknowledged
            clock.now = T0.plus(Duration.ofDays(28)).plus(Duration.ofHours(3)).plusSeconds(1);
            assertThat(j.purge(Duration.ofDays(28))).isEqualTo(2);
            assertThat(j.size()).isEqualTo(2);
        }
        try (Journal j = Journal.open(file(), clock)) {
            Record next = j.append(pass(9, 999, clock.now, 5));
            assertThat(next.seq()).isEqualTo(7);
            clock.now = clock.now.plus(Duration.ofDays(60));
            j.acknowledge("{}", List.of(next.id()));
            j.acknowledge("{}", j.unsynced(10).stream().map(Record::id).collect(Collectors.toList()));
            assertThat(j.purge(Duration.ofDays(28))).isEqualTo(3);
            assertThat(j.size()).isZero();
            assertThat(j.verify().ok()).isTrue();
            assertThat(j.append(pass(10, 1000, clock.now, 5)).seq()).isEqualTo(8);
            VerifyReport report = j.verify();
            assertThat(report.ok()).as(report.message()).isTrue();
            assertThat(report.purged()).isEqualTo(7);
        }
    }

    /** A refusal is kept for inspection, but not past the retention period, and it must not hold back later records. */
    @Test
    void aRefusedRecordIsPurgedAfterTheRetentionPeriodAndDoesNotHoldBackTheOthers() {
        MutableClock clock = new MutableClock(T0);
        try (Journal j = Journal.open(file(), clock)) {
            Record refused = j.append(pass(1, 301, T0, 5));
            Record later = j.append(pass(2, 302, T0.plusSeconds(60), 5));
            j.reject(java.util.Map.of(refused.id(), "WRONG_VENUE"));
            j.acknowledge("{}", List.of(later.id()));
            clock.now = T0.plus(Duration.ofDays(10));
            assertThat(j.purge(Duration.ofDays(28))).as("within the period both stay").isZero();
            assertThat(j.rejectedCount()).isEqualTo(1);
            clock.now = T0.plus(Duration.ofDays(29));
            assertThat(j.purge(Duration.ofDays(28))).isEqualTo(2);
            assertThat(j.size()).isZero();
            assertThat(j.verify().ok()).isTrue();
            assertThat(j.alreadyUsed(301)).as("a purged nonce is past any admission window anyway").isFalse();
        }
    }

    /** The hub checks each link against the one before it, so every record sent carries that value, even after a purge. */
    @Test
    void unsyncedRecordsCarryTheChainValueBeforeThemAcrossPurgeAndReopen() {
        MutableClock clock = new MutableClock(T0);
        Record[] r = new Record[4];
        try (Journal j = Journal.open(file(), clock)) {
            for (int i = 0; i < 4; i++) {
                r[i] = j.append(pass(i, 200 + i, T0.plus(Duration.ofHours(i)), 5));
            }
            assertThat(r[0].previous()).isEqualTo(Journal.ZERO_CHAIN);
            assertThat(r[2].previous()).isEqualTo(r[1].chain());
            clock.now = T0.plus(Duration.ofDays(40));
            j.acknowledge("{}", List.of(r[0].id(), r[1].id()));
            assertThat(j.purge(Duration.ofDays(28))).isEqualTo(2);
        }
        try (Journal j = Journal.open(file(), clock)) {
            List<Record> pending = j.unsynced(10);
            assertThat(pending).extracting(Record::seq).containsExactly(3L, 4L);
            assertThat(pending.get(0).previous()).as("from the purge anchor").isEqualTo(r[1].chain());
            assertThat(pending.get(1).previous()).isEqualTo(r[2].chain());
            for (Record p : pending) {
                assertThat(org.venuegate.core.checkin.CheckinChain.next(p.previous(), Journal.link(p.id(), p.seq(), p.entry())))
                        .isEqualTo(p.chain());
            }
        }
    }

    void fill(int n) {
        try (Journal j = Journal.open(file(), Clock.systemUTC())) {
            for (int i = 1; i <= n; i++) {
                j.append(pass(i, i, T0.plusSeconds(i), 10));
            }
        }
    }

    VerifyReport report() {
        return JournalVerifier.report(file());
    }

    @Test
    void deletedRecordIsAGap() throws SQLException {
        fill(10);
        sql("DELETE FROM records WHERE seq IN (5, 6)");
        VerifyReport r = report();
        assertThat(r.status()).isEqualTo(VerifyReport.Status.GAP);
        assertThat(r.problemSeq()).isEqualTo(5);
        assertThat(r.message()).contains("5 to 6 missing");
    }

    @Test
    void deletedLastRecordIsTruncation() throws SQLException {
        fill(10);
        sql("DELETE FROM records WHERE seq = 10");
        VerifyReport r = report();
        assertThat(r.status()).isEqualTo(VerifyReport.Status.TRUNCATED);
        assertThat(r.problemSeq()).isEqualTo(10);
    }

    @Test
    void editedRecordIsFound() throws SQLException {
        fill(10);
        sql("UPDATE records SET verdict = 'STOP', stop_reason = 'RED_CODE' WHERE seq = 7");
        VerifyReport r = report();
        assertThat(r.status()).isEqualTo(VerifyReport.Status.EDITED);
        assertThat(r.problemSeq()).isEqualTo(7);
        // sync bookkeeping is not evidence: changing it does not break the chain
        sql("UPDATE records SET verdict = 'PASS', stop_reason = NULL WHERE seq = 7");
        sql("UPDATE records SET synced_at = 1 WHERE seq = 3");
        assertThat(report().ok()).isTrue();
        sql("UPDATE records SET subject = '1234' WHERE seq = 2");
        assertThat(report().problemSeq()).isEqualTo(2);
    }

    @Test
    void impossibleValueIsAnEdit() throws SQLException {
        fill(3);
        sql("UPDATE records SET verdict = 'MAYBE' WHERE seq = 2");
        VerifyReport r = report();
        assertThat(r.status()).isEqualTo(VerifyReport.Status.EDITED);
        assertThat(r.problemSeq()).isEqualTo(2);
    }

    @Test
    void verifierPrintsAndReturnsStatus() throws Exception {
        fill(4);
        StringWriter text = new StringWriter();
        assertThat(JournalVerifier.verify(file(), new PrintWriter(text))).isZero();
        assertThat(text.toString()).contains("journal OK: 4 records (1 to 4)");
        sql("UPDATE records SET decided_at = decided_at + 1 WHERE seq = 4");
        text = new StringWriter();
        assertThat(JournalVerifier.verify(file(), new PrintWriter(text))).isEqualTo(1);
        assertThat(text.toString()).contains("record 4").contains("changed");
    }

    @Test
    void damagedOrForeignFilesGetAClearMessage() throws Exception {
        StringWriter text = new StringWriter();
        assertThat(JournalVerifier.verify(dir.resolve("absent.db"), new PrintWriter(text))).isEqualTo(1);
        assertThat(text.toString()).contains("no journal file at");

        Path garbage = dir.resolve("garbage.db");
        byte[] noise = new byte[8192];
        new Random(1).nextBytes(noise);
        Files.write(garbage, noise);
        text = new StringWriter();
        assertThat(JournalVerifier.verify(garbage, new PrintWriter(text))).isEqualTo(1);
        assertThat(text.toString()).contains("garbage.db").doesNotContain("at org.");

        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
        }
        assertThat(JournalVerifier.report(foreign).status()).isEqualTo(VerifyReport.Status.DAMAGED);

        assertThatThrownBy(() -> Journal.open(garbage, Clock.systemUTC()))
                .isInstanceOf(JournalException.class).hasMessageContaining("garbage.db");
    }

    @Test
    void damagedPageIsReported() throws Exception {
        fill(2000);
        byte[] bytes = Files.readAllBytes(file());
        assertThat(bytes.length).isGreaterThan(40_000);
        // scribble over a few pages in the middle, leaving the header intact
        for (int i = 16_384; i < 32_768; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file(), bytes);
        VerifyReport r = report();
        assertThat(r.status()).isEqualTo(VerifyReport.Status.DAMAGED);
        assertThat(r.message()).contains("journal.db");
    }

    @Test
    void statsCountOneLocalDay() {
        try (Journal j = Journal.open(file(), Clock.systemUTC())) {
            // 10:xx local
            for (int i = 1; i <= 18; i++) {
                j.append(pass(i, i, T0.plusSeconds(i), i * 1000L));
            }
            j.append(stop(StopReason.RED_CODE, T0.plus(Duration.ofHours(1)), 19_000));
            j.append(stop(StopReason.REPLAYED, T0.plus(Duration.ofHours(1)), 20_000));
            j.append(new Entry(42, "m:abc", true, Verdict.PASS, null, null, false, null, T0.plus(Duration.ofHours(2)), 0));
            j.append(pass(99, 99, T0.minus(Duration.ofDays(1)), 1)); // yesterday
            TodayStats s = j.stats(LocalDate.of(2025, 3, 1), TIANJIN);
            assertThat(s.total()).isEqualTo(21);
            assertThat(s.passed()).isEqualTo(19);
            assertThat(s.stopped()).isEqualTo(2);
            assertThat(s.manual()).isEqualTo(1);
            assertThat(s.byStopReason()).containsEntry(StopReason.RED_CODE, 1L).containsEntry(StopReason.REPLAYED, 1L).hasSize(2);
            assertThat(s.perHour().get(10)).isEqualTo(18);
            assertThat(s.perHour().get(11)).isEqualTo(2);
            assertThat(s.perHour().get(12)).isEqualTo(1);
            assertThat(s.perHour().stream().mapToLong(Long::longValue).sum()).isEqualTo(21);
            // micros: 0, 1000..20000 -> 21 values; median rank 11 -> 10000; p95 rank 20 -> 19000
            assertThat(s.medianMicros()).isEqualTo(10_000);
            assertThat(s.p95Micros()).isEqualTo(19_000);
            TodayStats empty = j.stats(LocalDate.of(2025, 1, 1), TIANJIN);
            assertThat(empty.total()).isZero();
            assertThat(empty.medianMicros()).isZero();
        }
    }
}
