package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.venuegate.api.Checkin;
import org.venuegate.api.CheckinBatch;
import org.venuegate.api.Receipt;
import org.venuegate.api.Rejection;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * Per-item verdicts of check-in ingestion on both databases: PostgreSQL and SQLite take different insert paths, so
 * every verdict, every stored value and the all-or-nothing write are checked on each.
 */
class CheckinServiceTest {
    private static final long VENUE = 42;
    private static final Principal KIOSK = new Principal(Role.DEVICE, 7, "device:7", null, null, VENUE);
    private static final Principal OTHER_KIOSK = new Principal(Role.DEVICE, 8, "device:8", null, null, VENUE);
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    /** A fresh, migrated database of the given kind. */
    static Database open(Database.Dialect dialect) throws Exception {
        if (dialect == Database.Dialect.SQLITE) {
            return Database.sqlite(dir.resolve(UUID.randomUUID() + "/hub.db")).migrate();
        }
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return Database.postgres(pg.getJdbcUrl("postgres", name), null, null).migrate();
    }

    static Checkin checkin(String id, long seq, String chain) {
        return TestDevices.unlinked(id, seq, chain, VENUE, "S:" + seq, false, "PASS", null, "GREEN", false, NOW.minusSeconds(60 - seq));
    }

    static String chain(long n) {
        return String.format("%064x", n);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** PostgreSQL keeps ids as uuid, which does not compare with a text parameter. */
    static String idEquals(Database db) {
        return db.dialect() == Database.Dialect.POSTGRES ? "id = ?::uuid" : "id = ?";
    }

    static long count(Database db) {
        return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins"));
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void mixedBatchGetsOneVerdictPerItem(Database.Dialect dialect) throws Exception {
        try (Database db = open(dialect)) {
            CheckinService service = new CheckinService(db, Clock.fixed(NOW, ZoneOffset.UTC), null, TestDevices.ANY);
            String stored = id();
            String storedByOther = id();
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(checkin(stored, 0, chain(0))))).accepted()).containsExactly(stored);
            assertThat(service.ingest(OTHER_KIOSK, TestDevices.signed(OTHER_KIOSK, List.of(checkin(storedByOther, 0, chain(9)))))
                    .accepted()).containsExactly(storedByOther);

            String fresh1 = id();
            String fresh2 = id();
            String twice = id();
            List<Checkin> batch = new ArrayList<>(List.of(
                    checkin(fresh1, 1, chain(1)),                        // 0 new
                    checkin(stored, 0, chain(0)),                        // 1 duplicate: same id, same chain, same kiosk
                    checkin(stored.substring(0, 35) + "x", 2, chain(2)), // 2 invalid id
                    checkin(twice, 3, chain(3)),                         // 3 new
                    checkin(storedByOther, 0, chain(9)),                 // 4 conflict: same id and chain, other kiosk
                    checkin(twice, 4, chain(4)),                         // 5 the same id again in this batch
                    checkin(fresh2, 5, chain(0xabcdef).toUpperCase()),   // 6 invalid chain
                    checkin(stored, 0, chain(1))));                      // 7 would be a conflict, but repeats index 1's id
            batch.add(null);                                                // 8 missing item
            String otherChain = id();
            service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(checkin(otherChain, 6, chain(6)))));
            batch.add(checkin(otherChain, 6, chain(66)));                   // 9 conflict: same id, different chain
            batch.add(TestDevices.unlinked(fresh2, 7L, chain(7), VENUE + 1, null, null, "STOP", "RED_CODE", null, null, NOW)); // 10 wrong venue

            Receipt r = service.ingest(KIOSK, TestDevices.signed(KIOSK, batch));

            assertThat(r.accepted()).containsExactly(fresh1, twice);
            assertThat(r.duplicates()).containsExactly(stored);
            assertThat(r.rejected()).extracting(Rejection::index, Rejection::error).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(2, "INVALID_FIELD"),
                    org.assertj.core.groups.Tuple.tuple(4, "ID_CONFLICT"),
                    org.assertj.core.groups.Tuple.tuple(5, "DUPLICATE_IN_BATCH"),
                    org.assertj.core.groups.Tuple.tuple(6, "INVALID_FIELD"),
                    org.assertj.core.groups.Tuple.tuple(7, "DUPLICATE_IN_BATCH"),
                    org.assertj.core.groups.Tuple.tuple(8, "MISSING_ITEM"),
                    org.assertj.core.groups.Tuple.tuple(9, "ID_CONFLICT"),
                    org.assertj.core.groups.Tuple.tuple(10, "WRONG_VENUE"));
            assertThat(r.rejected()).filteredOn(x -> x.index() == 4).extracting(Rejection::id).containsExactly(storedByOther);
            assertThat(r.deviceId()).isEqualTo(KIOSK.id());
            assertThat(count(db)).isEqualTo(5);
            // The conflicting items left the stored rows as they were.
            String kept = db.read(c -> Sql.one(c, "SELECT chain FROM checkins WHERE " + idEquals(db), rs -> rs.getString(1), otherChain))
                    .orElseThrow();
            assertThat(kept).isEqualTo(chain(6));

            Receipt again = service.ingest(KIOSK, TestDevices.signed(KIOSK, batch));
            assertThat(again.accepted()).isEmpty();
            assertThat(again.duplicates()).containsExactlyInAnyOrder(fresh1, stored, twice);
            assertThat(count(db)).isEqualTo(5);
        }
    }

    /**
     * A batch of places past the kiosk's verified head is tried by the fast path first (one COPY on PostgreSQL); an
     * id in it that the table already holds (another kiosk's, or its own sent ahead of a gap) must still end as
     * one row, the right verdicts and nothing lost of the rest.
     */
    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void newPlacesWhoseIdsTheTableHoldsFallBackWithoutLosingTheRest(Database.Dialect dialect) throws Exception {
        try (Database db = open(dialect)) {
            CheckinService service = new CheckinService(db, Clock.fixed(NOW, ZoneOffset.UTC), null, TestDevices.ANY);
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(checkin(id(), 1, chain(1))))).accepted()).hasSize(1);
            String others = id();
            service.ingest(OTHER_KIOSK, TestDevices.signed(OTHER_KIOSK, List.of(checkin(others, 1, chain(1)))));
            String fresh = id();
            Receipt r = service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(checkin(fresh, 2, chain(2)), checkin(others, 3, chain(3)))));
            assertThat(r.accepted()).containsExactly(fresh);
            assertThat(r.rejected()).extracting(Rejection::id, Rejection::error)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(others, "ID_CONFLICT"));

            // sent ahead of a gap (places 6 and 7 before 4 and 5), then sent again: still past the head, all duplicates
            List<Checkin> ahead = List.of(checkin(id(), 6, chain(6)), checkin(id(), 7, chain(7)));
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, ahead)).accepted()).hasSize(2);
            Receipt again = service.ingest(KIOSK, TestDevices.signed(KIOSK, ahead));
            assertThat(again.accepted()).isEmpty();
            assertThat(again.duplicates()).containsExactlyInAnyOrderElementsOf(ahead.stream().map(Checkin::id).toList());
            assertThat(again.rejected()).isEmpty();
            assertThat(count(db)).isEqualTo(5);
        }
    }

    @Test
    void aLongRunOfOneProblemIsOneEntryWithAShortDetail() {
        // 600 unlinked records of an old kiosk: one entry, its detail prefixed once (it was prefixed once per record
        // and the batch failed on the column's 300 characters)
        List<CheckinService.ChainProblem> run = new ArrayList<>();
        for (long seq = 11; seq <= 610; seq++) {
            run.add(new CheckinService.ChainProblem(CheckinService.ChainKind.BROKEN, seq, seq,
                    "record " + seq + " came without the chain value before it"));
        }
        run.add(new CheckinService.ChainProblem(CheckinService.ChainKind.EDITED, 20, 20, "record 20 does not match"));
        run.add(new CheckinService.ChainProblem(CheckinService.ChainKind.BROKEN, 700, 700, "record 700 does not follow"));
        assertThat(CheckinService.coalesce(run)).extracting(p -> p.kind() + " " + p.from() + "-" + p.to() + " " + p.detail())
                .containsExactly("BROKEN 11-610 records 11 to 610: record 11 came without the chain value before it",
                        "BROKEN 700-700 record 700 does not follow", "EDITED 20-20 record 20 does not match");
    }

    /**
     * A large batch is streamed to the server while it is checked (PostgreSQL): a place sent before that turns up
     * after hundreds of new rows are on their way, or a forged signature found at the end, must still leave each row
     * stored once, or nothing at all.
     */
    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void aResendFoundLateInAStreamedBatchOrABadSignatureLosesAndDoublesNothing(Database.Dialect dialect) throws Exception {
        try (Database db = open(dialect)) {
            CheckinService service = new CheckinService(db, Clock.fixed(NOW, ZoneOffset.UTC), null, TestDevices.ANY);
            List<Checkin> first = new java.util.ArrayList<>();
            for (int seq = 1; seq <= 10; seq++) {
                first.add(checkin(id(), seq, chain(seq)));
            }
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, first)).accepted()).hasSize(10);
            // 600 new places (far more than one streamed chunk) and then place 5 again, as sent before
            List<Checkin> late = new java.util.ArrayList<>();
            for (int seq = 11; seq <= 610; seq++) {
                late.add(checkin(id(), seq, chain(seq)));
            }
            late.add(first.get(4));
            Receipt r = service.ingest(KIOSK, TestDevices.signed(KIOSK, late));
            assertThat(r.accepted()).hasSize(600).doesNotContain(first.get(4).id());
            assertThat(r.duplicates()).containsExactly(first.get(4).id());
            assertThat(r.rejected()).isEmpty();
            assertThat(count(db)).isEqualTo(610);

            // 600 more, signed as another device's: refused whole, though their rows were on their way
            List<Checkin> forged = new java.util.ArrayList<>();
            for (int seq = 611; seq <= 1210; seq++) {
                forged.add(checkin(id(), seq, chain(seq)));
            }
            CheckinBatch signedByOther = TestDevices.signed(OTHER_KIOSK, forged);
            assertThatThrownBy(() -> service.ingest(KIOSK, new CheckinBatch(forged, signedByOther.signature(), signedByOther.scheme())))
                    .isInstanceOf(org.venuegate.hub.api.ApiException.class).hasMessageContaining("signature");
            assertThat(count(db)).isEqualTo(610);
            // and the same rows properly signed go in once
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, forged)).accepted()).hasSize(600);
            assertThat(count(db)).isEqualTo(1210);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void storesEveryFieldAsSent(Database.Dialect dialect) throws Exception {
        try (Database db = open(dialect)) {
            CheckinService service = new CheckinService(db, Clock.fixed(NOW, ZoneOffset.UTC), null, TestDevices.ANY);
            String full = id();
            String sparse = id();
            Instant decided = Instant.parse("2025-03-01T07:59:58.123Z");
            service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(
                    TestDevices.unlinked(full, 12L, chain(12), VENUE, "S:ab-9_Z", true, "STOP", "RED_CODE", "RED", true, decided),
                    TestDevices.unlinked(sparse, 13L, chain(13), VENUE, null, null, "PASS", null, null, null, decided))));
            List<String> rows = db.read(c -> Sql.list(c, "SELECT id, device_id, venue_id, seq, chain, subject, manual, outcome,"
                    + " reason, colour, proxy, decided_at, received_at FROM checkins ORDER BY seq", rs -> String.join("|",
                    rs.getString(1), Long.toString(rs.getLong(2)), Long.toString(rs.getLong(3)), Long.toString(rs.getLong(4)),
                    rs.getString(5), String.valueOf(rs.getString(6)), Boolean.toString(rs.getBoolean(7)), rs.getString(8),
                    String.valueOf(rs.getString(9)), String.valueOf(rs.getString(10)), Boolean.toString(rs.getBoolean(11)),
                    Long.toString(rs.getLong(12)), Long.toString(rs.getLong(13)))));
            long d = decided.toEpochMilli();
            long now = NOW.toEpochMilli();
            assertThat(rows).containsExactly(
                    full + "|7|42|12|" + chain(12) + "|S:ab-9_Z|true|STOP|RED_CODE|RED|true|" + d + "|" + now,
                    sparse + "|7|42|13|" + chain(13) + "|null|false|PASS|null|null|false|" + d + "|" + now);
        }
    }

    /**
     * PostgreSQL keeps the check-in id as uuid and finds old rows for the purge through a BRIN index (V3); ids sent
     * as text still round-trip exactly, and duplicates are still recognised against the stored uuid.
     */
    @Test
    void postgresStoresIdsAsUuidAndPurgesThroughBrin() throws Exception {
        try (Database db = open(Database.Dialect.POSTGRES)) {
            String type = db.read(c -> Sql.one(c, "SELECT data_type FROM information_schema.columns"
                    + " WHERE table_name = 'checkins' AND column_name = 'id'", rs -> rs.getString(1))).orElseThrow();
            assertThat(type).isEqualTo("uuid");
            List<String> indexes = db.<List<String>>read(c -> Sql.list(c,
                    "SELECT indexdef FROM pg_indexes WHERE tablename = 'checkins'", rs -> rs.getString(1)));
            assertThat(indexes).anyMatch(d -> d.contains("USING brin (decided_at)"))
                    .noneMatch(d -> d.contains("USING btree (decided_at)"));

            CheckinService service = new CheckinService(db, Clock.fixed(NOW, ZoneOffset.UTC), null, TestDevices.ANY);
            String fresh = id();
            Checkin old = TestDevices.unlinked(id(), 1L, chain(1), VENUE, "S:1", false, "PASS", null, "GREEN", false,
                    NOW.minus(Duration.ofDays(40)));
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(old, checkin(fresh, 2, chain(2))))).accepted())
                    .containsExactlyInAnyOrder(old.id(), fresh);
            assertThat(service.ingest(KIOSK, TestDevices.signed(KIOSK, List.of(checkin(fresh, 2, chain(2))))).duplicates())
                    .containsExactly(fresh);
            assertThat(service.purge(Duration.ofDays(28))).isEqualTo(1);
            List<String> left = db.<List<String>>read(c -> Sql.list(c, "SELECT id FROM checkins", rs -> rs.getString(1)));
            assertThat(left).containsExactly(fresh);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void aFailingBatchWritesNothing(Database.Dialect dialect) throws Exception {
        try (Database db = open(dialect)) {
            // A trigger that refuses one row in the middle of the batch stands in for any failure while writing.
            db.tx(c -> {
                try (var st = c.createStatement()) {
                    if (dialect == Database.Dialect.SQLITE) {
                        st.execute("CREATE TRIGGER refuse BEFORE INSERT ON checkins WHEN NEW.seq = 700"
                                + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
                    } else {
                        st.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
                                + " $$ BEGIN IF NEW.seq = 700 THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$");
                        st.execute("CREATE TRIGGER refuse BEFORE INSERT ON checkins FOR EACH ROW EXECUTE FUNCTION refuse()");
                    }
                }
                return null;
            });
            CheckinService service = new CheckinService(db, Clock.fixed(NOW, ZoneOffset.UTC), null, TestDevices.ANY);
            List<Checkin> batch = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                batch.add(checkin(id(), i, chain(i)));
            }
            assertThatThrownBy(() -> service.ingest(KIOSK, TestDevices.signed(KIOSK, batch))).isInstanceOf(Database.StoreException.class);
            assertThat(count(db)).isZero();
        }
    }

    /**
     * The field checks are hand-written loops for speed; they must accept exactly what the regular expressions of the
     * documented formats accept. Random near-misses of each format go through ingestion and are compared.
     */
    @Test
    void fieldChecksMatchTheDocumentedFormats() throws Exception {
        Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        Pattern hex64 = Pattern.compile("[0-9a-f]{64}");
        Pattern subject = Pattern.compile("[0-9A-Za-z:_-]{1,64}");
        Pattern reason = Pattern.compile("[A-Z_]{1,32}");
        Random random = new Random(20250301);
        try (Database db = open(Database.Dialect.SQLITE)) {
            CheckinService service = new CheckinService(db, Clock.fixed(NOW, ZoneOffset.UTC), null, TestDevices.ANY);
            for (int round = 0; round < 4; round++) {
                List<Checkin> batch = new ArrayList<>();
                List<Boolean> expectValid = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    String id = round == 0 ? mutate(id(), random) : id();
                    String ch = round == 1 ? mutate(chain(i), random) : chain(i);
                    String subj = round == 2 ? mutate("S:" + i + "_x-Y", random) : "S:" + i;
                    String rsn = round == 3 ? mutate("RED_CODE", random) : null;
                    batch.add(TestDevices.unlinked(id, (long) i, ch, VENUE, subj, false, "STOP", rsn, "RED", false, NOW));
                    expectValid.add(uuid.matcher(id).matches() && hex64.matcher(ch).matches()
                            && subject.matcher(subj).matches() && (rsn == null || reason.matcher(rsn).matches()));
                }
                Receipt r = service.ingest(KIOSK, TestDevices.signed(KIOSK, batch));
                boolean[] invalid = new boolean[batch.size()];
                r.rejected().stream().filter(x -> x.error().equals("INVALID_FIELD")).forEach(x -> invalid[x.index()] = true);
                for (int i = 0; i < batch.size(); i++) {
                    assertThat(!invalid[i]).as("round %d item %s", round, batch.get(i)).isEqualTo(expectValid.get(i));
                }
                assertThat(expectValid).contains(true, false);
            }
        }
    }

    /** Changes a valid value slightly, or not at all: a character swapped, added or removed, or an empty string. */
    private static String mutate(String s, Random random) {
        char[] alphabet = "0aF9g:_-Zz \u00e9\u4e2dAf-x".toCharArray();
        StringBuilder sb = new StringBuilder(s);
        switch (random.nextInt(6)) {
            case 0 -> sb.setCharAt(random.nextInt(sb.length()), alphabet[random.nextInt(alphabet.length)]);
            case 1 -> sb.insert(random.nextInt(sb.length() + 1), alphabet[random.nextInt(alphabet.length)]);
            case 2 -> sb.deleteCharAt(random.nextInt(sb.length()));
            case 3 -> sb.setLength(random.nextInt(3) == 0 ? 0 : sb.length());
            case 4 -> {
                char[] more = new char[random.nextInt(40)];
                Arrays.fill(more, s.charAt(0));
                sb.append(more);
            }
            default -> {
                // unchanged
            }
        }
        return sb.toString();
    }
}
