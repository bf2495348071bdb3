package org.venuegate.kiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a child JVM appends, acknowledges, rejects and purges ({@link JournalCrashChild}).
 * After each kill the journal is reopened and must hold exactly what the child was told is durable: its chain
 * verifies; every record appended is there with its id and nonce unless a purge took it, and a purge took only
 * acknowledged records older than the retention; acknowledged stays acknowledged, rejected stays rejected; the one
 * operation in flight at the kill happened whole or not at all; every journaled nonce is still spent. The parent
 * keeps its own account from the child's confirmations, so the journal is never checked against itself alone.
 * {@code -Dhunt.journal.cycles} (default 50) for more; {@code -Dhunt.seed} repeats a run.
 */
class JournalCrashTest {
    static final int CYCLES = Integer.getInteger("hunt.journal.cycles", 50);

    @TempDir
    Path dir;

    /** How a cycle ends. */
    enum Kill {
        /** right after the child confirmed its k-th operation */
        AFTER_CONFIRMED,
        /**
         * as soon as the child announced its k-th operation of one kind: the kill lands while that operation runs
         * (its transaction and fsync take a while) or just after, so each kind gets its share of interrupted writes
         */
        DURING_OPERATION,
        /** a random few milliseconds after the child said it was ready, wherever it is then */
        AFTER_DELAY
    }

    /** What the parent knows of one record. */
    static final class Rec {
        final long seq;
        final String id;
        final Long nonce;
        final boolean old;
        boolean synced;
        boolean rejected;
        boolean purged;

        Rec(long seq, String id, Long nonce, boolean old) {
            this.seq = seq;
            this.id = id;
            this.nonce = nonce;
            this.old = old;
        }
    }

    /** One row as the journal file holds it. */
    record Row(long seq, String id, String chain, Long nonce, boolean synced, boolean rejected) {
    }

    /** An operation the child announced ("> n KIND args"). */
    record Op(long n, String kind, List<String> args) {
    }

    private final TreeMap<Long, Rec> records = new TreeMap<>();
    private final Map<String, Rec> byId = new HashMap<>();
    /** The last purged sequence number (the journal's anchor). */
    private long anchor;
    private final Map<String, Integer> confirmed = new TreeMap<>();
    private final Map<String, Integer> killedDuring = new TreeMap<>();
    private final Map<String, Integer> tookEffect = new TreeMap<>();
    private final Map<Kill, Integer> modes = new EnumMap<>(Kill.class);
    private long nonceChecks;
    private long childNanos;
    private long checkNanos;
    /** Records appended or changed since the last check: their nonces are all checked, older ones by sample. */
    private final Set<Long> touched = new HashSet<>();
    private Path nativeLibrary;
    private long purgedTotal;

    @Test
    void killedAtRandomMomentsTheJournalKeepsEverythingItConfirmed() throws Exception {
        long seed = Long.getLong("hunt.seed", new SplittableRandom().nextLong());
        SplittableRandom rnd = new SplittableRandom(seed);
        System.out.printf("JournalCrashTest: seed %d (repeat with -Dhunt.seed=%d), %d cycles%n", seed, seed, CYCLES);
        Path file = dir.resolve("journal.db");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-crash-timer");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                Kill mode = rnd.nextBoolean() ? Kill.DURING_OPERATION : rnd.nextBoolean() ? Kill.AFTER_CONFIRMED : Kill.AFTER_DELAY;
                // recent records stop all later purges (so do rejections until they are old), so they come only in the last third
                boolean blocking = cycle > CYCLES * 2 / 3;
                List<String> kinds = blocking ? List.of("APPEND", "ACK", "REJECT", "PURGE") : List.of("APPEND", "ACK", "PURGE");
                String kind = kinds.get(rnd.nextInt(kinds.size()));
                int k = switch (mode) {
                    case AFTER_CONFIRMED -> rnd.nextInt(0, 60);
                    case DURING_OPERATION -> rnd.nextInt(1, 4);
                    case AFTER_DELAY -> rnd.nextInt(0, 120);
                };
                // a kill at once mostly lands before the operation's commit; a few milliseconds later, in or after it
                long delayMicros = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(0, 6_000);
                modes.merge(mode, 1, Integer::sum);
                String where = "seed " + seed + ", cycle " + cycle + " (" + mode + " " + k
                        + (mode == Kill.DURING_OPERATION ? " " + kind + " +" + delayMicros + " µs" : "") + ")";
                long t0 = System.nanoTime();
                Op inFlight = runAndKill(file, rnd.nextLong(), blocking, mode, k, kind, delayMicros, timer, where);
                long t1 = System.nanoTime();
                check(file, inFlight, where, rnd);
                childNanos += t1 - t0;
                checkNanos += System.nanoTime() - t1;
            }
        } finally {
            timer.shutdownNow();
        }
        long present = records.values().stream().filter(r -> !r.purged).count();
        System.out.printf("JournalCrashTest: %d cycles, %d kills in %.1f s (%.1f s in the children, %.1f s checking; kills %s);"
                        + " operations confirmed %s; killed during %s,"
                        + " of which had taken effect %s; %d records written, %d purged, %d kept (%d acknowledged, %d rejected,"
                        + " %d pending); %d spent nonces checked%n",
                CYCLES, CYCLES, (System.nanoTime() - started) / 1e9, childNanos / 1e9, checkNanos / 1e9, modes, confirmed,
                killedDuring, tookEffect, records.size(), purgedTotal, present,
                records.values().stream().filter(r -> !r.purged && r.synced).count(),
                records.values().stream().filter(r -> !r.purged && r.rejected && !r.synced).count(),
                records.values().stream().filter(r -> !r.purged && !r.synced && !r.rejected).count(), nonceChecks);
        if (CYCLES >= 20) {
            // guards against a run that never got to the interesting places, which would prove nothing
            assertThat(confirmed.getOrDefault("APPEND", 0)).isGreaterThan(CYCLES);
            assertThat(confirmed).containsKeys("ACK", "REJECT", "PURGE");
            assertThat(purgedTotal).as("records purged").isPositive();
            assertThat(killedDuring.values().stream().mapToInt(Integer::intValue).sum()).as("kills while an operation ran")
                    .isPositive();
        }
    }

    /** Runs the child until the kill; applies what it confirmed; returns the operation in flight at the kill, if any. */
    private Op runAndKill(Path file, long childSeed, boolean blocking, Kill mode, int k, String kind, long delayMicros,
            ScheduledExecutorService timer, String where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = dir.resolve("child-stderr.txt");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(sqliteLibrary());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
                file.toString(), Long.toString(childSeed), Boolean.toString(blocking)));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(stderr.toFile());
        Process child = pb.start();
        AtomicBoolean killed = new AtomicBoolean();
        Runnable kill = () -> {
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe and drop the
            // lines the child wrote before it died, which it had every right to consider durable.
            if (killed.compareAndSet(false, true)) {
                child.toHandle().destroyForcibly();
            }
        };
        AtomicBoolean hung = new AtomicBoolean();
        var watchdog = timer.schedule(() -> {
            hung.set(true);
            kill.run();
        }, 120, TimeUnit.SECONDS);
        Op open = null;
        int begun = 0;
        int ended = 0;
        try (InputStream in = child.getInputStream()) {
            String ready = readLine(in);
            assertThat(ready).as("%s: the child starts (stderr: %s)", where, tail(stderr)).startsWith("READY");
            if (mode == Kill.AFTER_DELAY) {
                timer.schedule(kill, k, TimeUnit.MILLISECONDS);
            } else if (k == 0) {
                kill.run();
            }
            for (String line; (line = readLine(in)) != null; ) {
                String[] f = line.split(" ");
                long n = Long.parseLong(f[1]);
                List<String> args = Arrays.asList(f).subList(3, f.length);
                if (f[0].equals(">")) {
                    assertThat(open).as("%s: one operation at a time", where).isNull();
                    open = new Op(n, f[2], args);
                    begun += f[2].equals(kind) ? 1 : 0;
                    if (mode == Kill.DURING_OPERATION && begun == k) {
                        timer.schedule(kill, delayMicros, TimeUnit.MICROSECONDS);
                    }
                } else {
                    assertThat(open).as("%s: %s ends what began", where, line).isNotNull();
                    assertThat(open.n()).isEqualTo(n);
                    confirm(open, args, where);
                    open = null;
                    ended++;
                    // also the end of a cycle whose operation of the chosen kind is slow to come
                    if ((mode == Kill.AFTER_CONFIRMED && ended == k) || ended == 400) {
                        kill.run();
                    }
                }
            }
        } finally {
            watchdog.cancel(false);
            kill.run();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(hung).as("%s: the child stopped answering", where).isFalse();
        assertThat(child.exitValue()).as("%s: the child died only of the kill (stderr: %s)", where, tail(stderr))
                .isEqualTo(137);
        if (open != null) {
            killedDuring.merge(open.kind(), 1, Integer::sum);
        }
        return open;
    }

    /**
     * SQLite's native library, unpacked once into the test's folder: every child would unpack its own copy into the
     * system's temporary folder, and a killed child never deletes it.
     */
    private List<String> sqliteLibrary() throws IOException {
        if (nativeLibrary == null) {
            String name = System.mapLibraryName("sqlitejdbc");
            String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
            Path folder = Files.createDirectories(dir.resolve("native"));
            try (InputStream lib = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
                if (lib != null) {
                    Files.copy(lib, folder.resolve(name));
                }
            }
            nativeLibrary = folder.resolve(name);
        }
        return Files.exists(nativeLibrary)
                ? List.of("-Dorg.sqlite.lib.path=" + nativeLibrary.getParent(), "-Dorg.sqlite.lib.name=" + nativeLibrary.getFileName())
                : List.of("-Dorg.sqlite.tmpdir=" + nativeLibrary.getParent());
    }

    /** A whole line, or null at the end; a line the kill cut off before its newline was never confirmed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String s = Files.readString(file);
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }

    /** Applies an operation the child confirmed; the parent's account is exact between kills. */
    private void confirm(Op op, List<String> result, String where) {
        confirmed.merge(op.kind(), 1, Integer::sum);
        switch (op.kind()) {
            case "APPEND" -> {
                long seq = Long.parseLong(result.get(0));
                long expected = records.isEmpty() ? 1 : records.lastKey() + 1;
                assertThat(seq).as("%s: sequence numbers follow each other", where).isEqualTo(expected);
                Rec r = new Rec(seq, result.get(1), nonce(result.get(2)), result.get(3).equals("old"));
                records.put(seq, r);
                byId.put(r.id, r);
                touched.add(seq);
            }
            case "ACK" -> ids(op).forEach(r -> {
                r.synced = true;
                touched.add(r.seq);
            });
            case "REJECT" -> ids(op).stream().filter(r -> !r.synced).forEach(r -> {
                r.rejected = true;
                touched.add(r.seq);
            });
            case "PURGE" -> {
                List<Rec> run = purgeable();
                assertThat(Integer.parseInt(result.get(0))).as("%s: a purge takes the leading acknowledged old records", where)
                        .isEqualTo(run.size());
                purge(run);
            }
            case "USED" -> {
                nonceChecks++;
                assertThat(result.get(0)).as("%s: a pending record's nonce %s is spent", where, op.args().get(0)).isEqualTo("true");
            }
            default -> throw new AssertionError(where + ": unknown operation " + op);
        }
    }

    private List<Rec> ids(Op op) {
        return Arrays.stream(op.args().get(0).split(",")).map(byId::get).filter(r -> r != null && !r.purged).toList();
    }

    private static Long nonce(String s) {
        return s.equals("-") ? null : Long.parseLong(s);
    }

    /** What Journal.purge takes: the leading run of acknowledged or refused records older than the retention. */
    private List<Rec> purgeable() {
        List<Rec> run = new ArrayList<>();
        for (Rec r : records.tailMap(anchor, false).values()) {
            if (!(r.synced || r.rejected) || !r.old) {
                break;
            }
            run.add(r);
        }
        return run;
    }

    private void purge(List<Rec> run) {
        run.forEach(r -> r.purged = true);
        if (!run.isEmpty()) {
            anchor = run.get(run.size() - 1).seq;
        }
        purgedTotal += run.size();
    }

    /** Reopens the journal after a kill and holds it to the parent's account; then settles the operation in flight. */
    private void check(Path file, Op inFlight, String where, SplittableRandom rnd) throws Exception {
        VerifyReport report = JournalVerifier.report(file);
        assertThat(report.ok()).as("%s: the chain verifies: %s", where, report.message()).isTrue();
        Map<Long, Row> rows = new TreeMap<>();
        long dbAnchor;
        long dbHead;
        String anchorChain;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT seq, id, chain, nonce, synced_at, rejected FROM records ORDER BY seq")) {
                while (rs.next()) {
                    long nonce = rs.getLong(4);
                    Long n = rs.wasNull() ? null : nonce;
                    rs.getLong(5);
                    boolean synced = !rs.wasNull();
                    rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getString(3), n, synced, rs.getString(6) != null));
                }
            }
            dbAnchor = Long.parseLong(meta(c, "anchor_seq", "0"));
            anchorChain = meta(c, "anchor_chain", Journal.ZERO_CHAIN);
            dbHead = Long.parseLong(meta(c, "head_seq", "0"));
        }
        String kind = inFlight == null ? "" : inFlight.kind();

        // purges: only the operation in flight may have moved the anchor, and only over what a purge may take
        List<Rec> run = purgeable();
        if (dbAnchor != anchor) {
            assertThat(kind).as("%s: records up to %d purged without a purge running (confirmed up to %d)", where, dbAnchor, anchor)
                    .isEqualTo("PURGE");
            assertThat(run).as("%s: the purge in flight took only acknowledged old records", where).isNotEmpty();
            assertThat(dbAnchor).isEqualTo(run.get(run.size() - 1).seq);
            tookEffect.merge(kind, 1, Integer::sum);
            purge(run);
        }

        // the one append in flight may have landed, at the head, as written
        long last = records.isEmpty() ? 0 : records.lastKey();
        for (Row row : rows.values()) {
            if (row.seq() > last) {
                assertThat(kind).as("%s: record %d exists but was never appended", where, row.seq()).isEqualTo("APPEND");
                assertThat(row.seq()).as("%s: only one record can have been in flight", where).isEqualTo(last + 1);
                assertThat(row.nonce()).isEqualTo(nonce(inFlight.args().get(0)));
                assertThat(row.synced() || row.rejected()).isFalse();
                Rec r = new Rec(row.seq(), row.id(), row.nonce(), inFlight.args().get(1).equals("old"));
                records.put(r.seq, r);
                byId.put(r.id, r);
                touched.add(r.seq);
                tookEffect.merge(kind, 1, Integer::sum);
            }
        }
        assertThat(dbHead).as("%s: the head is the last record written", where).isEqualTo(records.isEmpty() ? 0 : records.lastKey());

        // acknowledgements and rejections in flight: all of their records or none
        Set<String> flightIds = kind.equals("ACK") || kind.equals("REJECT")
                ? new HashSet<>(Arrays.asList(inFlight.args().get(0).split(","))) : Set.of();
        List<Rec> eligible = new ArrayList<>();
        List<Rec> changed = new ArrayList<>();
        for (Rec r : records.values()) {
            if (r.purged) {
                assertThat(rows).as("%s: purged record %d is gone", where, r.seq).doesNotContainKey(r.seq);
                continue;
            }
            Row row = rows.get(r.seq);
            assertThat(row).as("%s: record %d (%s) the child was told is durable is lost", where, r.seq, r.id).isNotNull();
            assertThat(row.id()).isEqualTo(r.id);
            assertThat(row.nonce()).isEqualTo(r.nonce);
            boolean canChange = flightIds.contains(r.id) && (kind.equals("ACK") ? !r.synced : !r.synced && !r.rejected);
            if (canChange) {
                eligible.add(r);
                if (kind.equals("ACK") ? row.synced() : row.rejected()) {
                    changed.add(r);
                }
            }
            if (!canChange || kind.equals("REJECT")) {
                assertThat(row.synced()).as("%s: record %d acknowledged: %s", where, r.seq, r.synced).isEqualTo(r.synced);
            }
            if (!canChange || kind.equals("ACK")) {
                assertThat(row.rejected()).as("%s: record %d rejected: %s", where, r.seq, r.rejected).isEqualTo(r.rejected);
            }
        }
        assertThat(changed.isEmpty() || changed.size() == eligible.size())
                .as("%s: %s in flight changed %d of its %d records: not atomic", where, kind, changed.size(), eligible.size())
                .isTrue();
        if (!changed.isEmpty()) {
            tookEffect.merge(kind, 1, Integer::sum);
            changed.forEach(r -> {
                touched.add(r.seq);
                if (kind.equals("ACK")) {
                    r.synced = true;
                } else {
                    r.rejected = true;
                }
            });
        }

        // reopened as the kiosk does: the same pending records to send, and every journaled nonce still spent
        try (Journal j = Journal.open(file, Clock.systemUTC())) {
            assertThat(j.verify().ok()).isTrue();
            List<Record> unsynced = j.unsynced(Integer.MAX_VALUE);
            for (Record r : unsynced) {
                // the hub checks each link against the record before it, so every record to send names its predecessor
                String before = r.seq() == dbAnchor + 1 ? anchorChain : rows.get(r.seq() - 1).chain();
                assertThat(r.previous()).as("%s: the link of record %d to the one before it", where, r.seq()).isEqualTo(before);
            }
            Set<String> pending = unsynced.stream().map(Record::id).collect(Collectors.toSet());
            assertThat(pending).as("%s: the records left to send", where).isEqualTo(records.values().stream()
                    .filter(r -> !r.purged && !r.synced && !r.rejected).map(r -> r.id).collect(Collectors.toSet()));
            for (Rec r : records.values()) {
                if (!r.purged && r.nonce != null && (touched.contains(r.seq) || rnd.nextInt(20) == 0)) {
                    assertThat(j.alreadyUsed(r.nonce)).as("%s: nonce of record %d is spent", where, r.seq).isTrue();
                    nonceChecks++;
                }
            }
            touched.clear();
            long unused = rnd.nextLong();
            if (records.values().stream().noneMatch(r -> r.nonce != null && r.nonce == unused)) {
                assertThat(j.alreadyUsed(unused)).as("%s: a nonce never journaled is not spent", where).isFalse();
            }
        }
    }

    private static String meta(Connection c, String key, String dflt) throws SQLException {
        String v = Journal.meta(c, key);
        return v == null ? dflt : v;
    }
}
