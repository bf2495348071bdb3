package org.venuegate.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.Checkin;
import org.venuegate.api.CheckinBatch;
import org.venuegate.api.Receipt;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.core.json.Json;
import org.venuegate.hub.CheckinService;
import org.venuegate.hub.Evidence;
import org.venuegate.hub.Hub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.auth.Tokens;
import org.venuegate.hub.store.Sql;

/**
 * The logic of {@code venuegate bench ingest}: K paired kiosks send N synthetic check-ins between them in batches
 * through the real {@link CheckinService#ingest}, then send them all again. The first pass measures ingestion; the second proves
 * idempotency (it must add nothing) and measures the all-duplicates path a retrying kiosk causes. On PostgreSQL the
 * first pass alternates in blocks with a raw COPY of the same rows, the physical limit it is compared with.
 */
final class IngestBench {
    private IngestBench() {
    }

    /** What one run measured. {@code rowsInTable} counts the bench devices' rows, so a shared database does not skew it. */
    record Result(String db, int rows, int batch, int kiosks, int warmupRows, long warmupAdded, double firstPassSeconds,
                  long firstPassAdded, double secondPassSeconds, long secondPassAdded, long secondPassDuplicates, long rejected,
                  long rowsInTable, long scannedRows, long verifiedRows, Double copyRowsPerS, Double blockMedian) {
        double firstPassRowsPerS() {
            return rows / firstPassSeconds;
        }

        double secondPassRowsPerS() {
            return rows / secondPassSeconds;
        }

        /** Every row stored exactly once and nothing refused: the run is only a valid measurement then. */
        boolean consistent() {
            return warmupAdded == warmupRows && firstPassAdded == rows && secondPassAdded == 0 && secondPassDuplicates == rows
                    && rejected == 0 && rowsInTable == rows && verifiedRows == scannedRows;
        }

        /** One line; an ObjectNode keeps the fields in this order (the shared mapper sorts map keys). */
        String json() {
            ObjectNode o = Json.mapper().createObjectNode()
                    .put("db", db)
                    .put("rows", rows)
                    .put("batch", batch)
                    .put("kiosks", kiosks)
                    .put("warmup_rows", warmupRows)
                    .put("first_pass_rows_per_s", Math.round(firstPassRowsPerS()))
                    .put("first_pass_seconds", Math.round(firstPassSeconds * 1000) / 1000.0)
                    .put("first_pass_added", firstPassAdded)
                    .put("second_pass_rows_per_s", Math.round(secondPassRowsPerS()))
                    .put("second_pass_seconds", Math.round(secondPassSeconds * 1000) / 1000.0)
                    .put("second_pass_added", secondPassAdded)
                    .put("rejected", rejected)
                    .put("rows_in_table", rowsInTable)
                    .put("scanned_rows", scannedRows)
                    .put("verified_rows", verifiedRows);
            if (copyRowsPerS != null) {
                o.put("raw_copy_rows_per_s", Math.round(copyRowsPerS));
                o.put("copy_ratio", Math.round(firstPassRowsPerS() / copyRowsPerS * 1000) / 1000.0);
                o.put("copy_ratio_block_median", Math.round(blockMedian * 1000) / 1000.0);
            }
            return o.toString();
        }
    }

    /**
     * Runs both passes on an open, migrated hub. {@code kiosks} paired kiosks each send their share of the rows at
     * the same time, one thread each, as kiosks coming back online after an outage do. Human-readable progress goes
     * to {@code out}; the caller prints the JSON line.
     */
    static Result run(Hub hub, String dbName, int rows, int batch, int kiosks, int warmupRows, PrintWriter out) {
        // Other work on the machine skews every figure below; the load average lets a reader judge the run.
        out.printf(Locale.ROOT, "machine: %d cores, load average %.2f before the run%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        CheckinService service = hub.checkins();
        boolean postgres = hub.db().dialect() == org.venuegate.hub.store.Database.Dialect.POSTGRES;
        Instant now = Instant.now();
        int warmupSent = 0;
        long warmupAdded = 0;
        long warmupRejected = 0;
        if (warmupRows > 0) {
            // Kiosks of their own, through the same paths as the timing below: the JIT compiles the hub's code here,
            // as it has on a hub that has taken batches for a while, instead of inside the figures (compiling cost
            // about 4 s of CPU on these two cores during a cold million-row run, most of it while ingesting). A sixth
            // in the small batches of a kiosk's everyday sync: the code run once per batch or statement (the batch's
            // own method, the driver's) is compiled only after some thousand calls, which large batches would not
            // reach. The rest in batches of the measured size: compiled for small ones only, that code was thrown away
            // and compiled again at the first large batches, and the compiler was busy for the first 150-200 of them.
            long t0 = System.nanoTime();
            int small = batch > WARMUP_BATCH ? warmupRows / 6 : 0;
            for (int[] part : new int[][] {{small, Math.min(batch, WARMUP_BATCH)}, {warmupRows - small, batch}}) {
                if (part[0] < kiosks) {
                    continue;
                }
                Pass p = warmup(hub, service, postgres, part[0], part[1], kiosks, now, out);
                warmupSent += part[0];
                warmupAdded += p.accepted;
                warmupRejected += p.rejected;
            }
            out.printf(Locale.ROOT, "warm-up took %.2f s in all%n", seconds(System.nanoTime() - t0));
        }
        long t0 = System.nanoTime();
        Backlog measured = backlog(hub, rows, batch, kiosks, now);
        List<Principal> devices = measured.devices();
        List<List<CheckinBatch>> backlogs = measured.batches();
        out.printf(Locale.ROOT, "setup: %d kiosk(s), %,d check-ins generated in %.2f s (not timed)%n",
                kiosks, rows, seconds(System.nanoTime() - t0));

        Pass first;
        Double copyRowsPerS = null;
        Double blockMedian = null;
        if (postgres) {
            // The physical limit: the same rows by raw COPY into the same table, same threads, one commit per batch.
            // Measured in alternating blocks with the first pass (ingestion, then raw COPY, then ingestion...), both
            // kiosks on the same kind at once, so both meet the same table size, checkpoints, autovacuum and load:
            // run one after the other, the two figures drifted apart by up to a third from run to run.
            List<List<byte[]>> texts = rawCopyTexts(hub, backlogs, now);
            settle(hub);
            out.printf(Locale.ROOT, "compiler idle after %.1f s (the setup's code compiling, not timed)%n", quietJit());
            Interleaved both = interleaved(service, devices, backlogs, texts, hub);
            first = both.ingest();
            copyRowsPerS = rows / both.copySeconds();
            blockMedian = both.pairQuantile(0.5);
            report(out, "first pass: ", rows, first);
            out.printf(Locale.ROOT, "raw COPY:     %,d rows in %.3f s = %,.0f rows/s, in %d blocks alternating with the first"
                            + " pass; ingestion reached %.2f of it%n",
                    rows, both.copySeconds(), copyRowsPerS, both.blocks(), rows / first.seconds / copyRowsPerS);
            // a stall of the server (a checkpoint's sync, a WAL segment) falls in one block and moves the totals' ratio
            out.printf(Locale.ROOT, "block pairs:  ingestion's speed over raw COPY's, median %.2f (quartiles %.2f-%.2f)%n",
                    blockMedian, both.pairQuantile(0.25), both.pairQuantile(0.75));
            // hub and database share this machine's cores: what the hub's side costs is what the database does not get
            int n = Math.max(1, first.batchMillis.length);
            double all = both.ingestCpuSeconds() * 1000 / n;
            double kioskThreads = first.threadCpuNanos / 1e6 / n;
            double jit = both.ingestJitSeconds() * 1000 / n;
            double gc = both.ingestGcSeconds() * 1000 / n;
            out.printf(Locale.ROOT, "bench process CPU per batch: %.1f ms ingesting (kiosks' threads %.1f, the hub's check"
                            + " threads and the rest %.1f, compiler %.1f, collector %.1f), %.1f ms sending the raw COPY%n",
                    all, kioskThreads, Math.max(0, all - kioskThreads - jit - gc), jit, gc, both.copyCpuSeconds() * 1000 / n);
        } else {
            first = passAll(service, devices, backlogs);
            report(out, "first pass: ", rows, first);
        }
        settle(hub);
        Pass second = passAll(service, devices, backlogs);
        report(out, "second pass:", rows, second);
        long inTable = 0;
        long verified = 0;
        for (Principal device : devices) {
            inTable += hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM checkins WHERE device_id = ?", device.id()));
            verified += hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM " + Evidence.checkins(hub.db().dialect()) + " WHERE k.device_id = ? AND "
                    + Evidence.OF_ROW + " = '" + Evidence.VERIFIED + "'",
                    device.id()));
        }
        long scanned = backlogs.stream().flatMap(List::stream).flatMap(b -> b.checkins().stream()).filter(c -> c.nonce() != null).count();
        out.printf(Locale.ROOT, "rows in table for the bench kiosks: %,d, of them %,d verified against their unveils (of %,d scanned)%n",
                inTable, verified, scanned);
        return new Result(dbName, rows, batch, kiosks, warmupSent, warmupAdded, first.seconds, first.accepted, second.seconds,
                second.accepted, second.duplicates, warmupRejected + first.rejected + second.rejected, inTable, scanned, verified,
                copyRowsPerS, blockMedian);
    }

    /** One part of the warm-up: the rows by the first pass's path (alternating with their raw COPY on PostgreSQL). */
    private static Pass warmup(Hub hub, CheckinService service, boolean postgres, int rows, int batch, int kiosks, Instant now,
                               PrintWriter out) {
        Backlog warm = backlog(hub, rows, batch, kiosks, now);
        if (postgres) {
            Interleaved both = interleaved(service, warm.devices(), warm.batches(), rawCopyTexts(hub, warm.batches(), now), hub);
            Pass p = both.ingest();
            out.printf(Locale.ROOT, "warm-up: %,d rows in batches of %,d, not timed: ingestion %,.0f rows/s, raw COPY %,.0f"
                    + " rows/s (%.2f) while the JIT compiles%n", rows, batch, rows / p.seconds, rows / both.copySeconds(),
                    both.copySeconds() / p.seconds);
            return p;
        }
        Pass p = passAll(service, warm.devices(), warm.batches());
        out.printf(Locale.ROOT, "warm-up: %,d rows in batches of %,d, not timed: %,.0f rows/s while the JIT compiles%n", rows,
                batch, rows / p.seconds);
        return p;
    }

    /** Paired bench kiosks and each one's share of the rows as signed batches. */
    private record Backlog(List<Principal> devices, List<List<CheckinBatch>> batches) {
    }

    private static Backlog backlog(Hub hub, int rows, int batch, int kiosks, Instant now) {
        List<Principal> devices = new ArrayList<>();
        List<List<CheckinBatch>> backlogs = new ArrayList<>();
        for (int k = 0; k < kiosks; k++) {
            java.security.KeyPair key = org.venuegate.core.crypto.Ed25519.generate();
            Principal device = pairBenchDevice(hub, key.getPublic());
            devices.add(device);
            List<Checkin> rowsOfKiosk = generate(rows / kiosks + (k < rows % kiosks ? 1 : 0), device.venueId(), now);
            recordUnveils(hub, rowsOfKiosk);
            // signed here as the kiosk signs them before sending: the timing covers the hub's side only
            List<CheckinBatch> batches = new ArrayList<>();
            for (int from = 0; from < rowsOfKiosk.size(); from += batch) {
                batches.add(CheckinBatch.signed(device.id(),
                        rowsOfKiosk.subList(from, Math.min(rowsOfKiosk.size(), from + batch)), key.getPrivate()));
            }
            backlogs.add(batches);
        }
        return new Backlog(devices, backlogs);
    }

    /** How long before the gate's decision the bench's citizens unveiled their codes. */
    static final long UNVEIL_LEAD_MS = 20_000;

    /**
     * What the hub recorded when each scanned code was unveiled, as {@code POST /citizens/{id}/unveil} records it: every
     * scan of a real code names a nonce the hub issued for that citizen and venue, so its check-in is judged verified
     * evidence when read (the run's count of verified rows reads one unveil per row). Written before the timing (not
     * timed).
     */
    private static void recordUnveils(Hub hub, List<Checkin> rows) {
        long validity = org.venuegate.hub.CitizenService.UNVEILED_VALIDITY.toMillis();
        for (int from = 0; from < rows.size(); from += 10_000) {
            List<Checkin> part = rows.subList(from, Math.min(rows.size(), from + 10_000));
            hub.db().tx(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO unveils(nonce, subject, venue_id, admitted_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                    for (Checkin r : part) {
                        if (r.nonce() == null) {
                            continue;
                        }
                        // shown at the gate some seconds after the phone unveiled it
                        long admitted = r.decidedAt().toEpochMilli() - UNVEIL_LEAD_MS;
                        ps.setLong(1, r.nonce());
                        ps.setString(2, r.subject());
                        ps.setLong(3, r.venueId());
                        ps.setLong(4, admitted);
                        ps.setLong(5, admitted + validity);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
    }

    /**
     * PostgreSQL: vacuums and analyses the check-in table between the timed phases (not timed), so the autovacuum a
     * phase's million new rows set off does not run during the next phase and charge it for the one before.
     */
    private static void settle(Hub hub) {
        if (hub.db().dialect() == org.venuegate.hub.store.Database.Dialect.POSTGRES) {
            hub.db().read(c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("VACUUM (ANALYZE) checkins, unveils");
                }
                return null;
            });
        }
    }

    /**
     * Every kiosk's rows as COPY text under fresh ids and a device of its own (so the bench's own counts stay apart),
     * one text per batch, made before the timing starts.
     */
    private static List<List<byte[]>> rawCopyTexts(Hub hub, List<List<CheckinBatch>> backlogs, Instant now) {
        TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator(new Random());
        List<List<byte[]>> texts = new ArrayList<>();
        for (List<CheckinBatch> backlog : backlogs) {
            long device = pairBenchDevice(hub, org.venuegate.core.crypto.Ed25519.generate().getPublic()).id();
            List<byte[]> kiosk = new ArrayList<>();
            for (CheckinBatch b : backlog) {
                List<Checkin> fresh = new ArrayList<>(b.checkins().size());
                for (Checkin c : b.checkins()) {
                    fresh.add(new Checkin(ids.construct(c.decidedAt().toEpochMilli()).toString(), c.seq(), c.chain(), c.venueId(),
                            c.subject(), c.manual(), c.outcome(), c.reason(), c.colour(), c.proxy(), c.decidedAt(), c.nonce(),
                            c.prev(), c.scanMicros()));
                }
                kiosk.add(CheckinService.copyText(fresh, null, device, now.toEpochMilli()));
            }
            texts.add(kiosk);
        }
        return texts;
    }

    /** Check-ins per batch of the warm-up, as a kiosk's everyday sync sends them. */
    static final int WARMUP_BATCH = 20;

    /** Batches per kiosk in one block of the alternation: long enough to time, short against the drift. */
    static final int BLOCK = 5;

    /**
     * @param ingestCpuSeconds the bench process's CPU time (hub code, JDBC driver, garbage collector) while ingesting
     * @param copyCpuSeconds   the same while sending the raw COPY
     * @param ingestJitSeconds of {@code ingestCpuSeconds}, the compiler threads' (Linux; 0 elsewhere), at 100 ticks/s
     * @param ingestGcSeconds  of {@code ingestCpuSeconds}, the collector threads'
     * @param pairRatios       per block pair, the raw COPY block's wall time over the ingestion block's, sorted
     */
    private record Interleaved(Pass ingest, double copySeconds, int blocks, double ingestCpuSeconds, double copyCpuSeconds,
                               double ingestJitSeconds, double ingestGcSeconds, double[] pairRatios) {
        double pairQuantile(double q) {
            return pairRatios.length == 0 ? Double.NaN : pairRatios[(int) Math.min(pairRatios.length - 1, q * pairRatios.length)];
        }
    }

    /**
     * CPU time of this JVM's compiler and collector threads in clock ticks, read from {@code /proc} by thread name
     * (HotSpot's "C1/C2 CompilerThread", "GC Thread", "G1 ..."); empty where there is no {@code /proc}.
     */
    static java.util.Optional<long[]> jitAndGcTicks() {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return java.util.Optional.empty();
        }
        long jit = 0;
        long gc = 0;
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) all::iterator) {
                try {
                    String name = java.nio.file.Files.readString(t.resolve("comm")).trim();
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += ticks;
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += ticks;
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended while it was read
                }
            }
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new long[] {jit, gc});
    }

    /**
     * Waits until the compiler threads are idle (under 10 ms of their CPU in 250 ms), at most 20 s: the setup's code,
     * queued for compiling, would otherwise compile during the first timed blocks and take their CPU.
     *
     * @return the seconds waited (0 where {@code /proc} is missing)
     */
    private static double quietJit() {
        long start = System.nanoTime();
        long[] last = jitAndGcTicks().orElse(null);
        while (last != null && System.nanoTime() - start < 20_000_000_000L) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long[] now = jitAndGcTicks().orElse(last);
            if (now[0] - last[0] < 1) {
                break;
            }
            last = now;
        }
        return seconds(System.nanoTime() - start);
    }

    /** This JVM's CPU time in nanoseconds, or 0 where the platform does not say. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /**
     * The first pass and the raw COPY in alternating blocks of {@link #BLOCK} batches per kiosk: every kiosk ingests
     * its next block, all wait for the slowest, then every kiosk COPYs its next block of raw texts (a transaction per
     * batch), and so on. Each kind's time is the sum of its blocks' wall times.
     */
    private static Interleaved interleaved(CheckinService service, List<Principal> devices, List<List<CheckinBatch>> backlogs,
                                           List<List<byte[]>> texts, Hub hub) {
        ExecutorService pool = Executors.newFixedThreadPool(texts.size());
        try {
            List<Pass> ingestBlocks = new ArrayList<>();
            long copyNanos = 0;
            long ingestCpu = 0;
            long copyCpu = 0;
            int longest = backlogs.stream().mapToInt(List::size).max().orElse(0);
            long[] jitGc = new long[2];
            List<Double> pairs = new ArrayList<>();
            for (int from = 0; from < longest; from += BLOCK) {
                // the threads' ticks read before the CPU figure starts: reading /proc for every thread is the
                // bench's own work, not ingestion's
                long[] before = jitAndGcTicks().orElse(null);
                long cpu = processCpu();
                ingestBlocks.add(passAll(service, devices, block(backlogs, from)));
                ingestCpu += processCpu() - cpu;
                long[] after = jitAndGcTicks().orElse(null);
                if (before != null && after != null) {
                    jitGc[0] += after[0] - before[0];
                    jitGc[1] += after[1] - before[1];
                }
                long t = System.nanoTime();
                cpu = processCpu();
                List<Future<?>> copies = new ArrayList<>();
                for (List<byte[]> kiosk : block(texts, from)) {
                    copies.add(pool.submit(() -> {
                        for (byte[] text : kiosk) {
                            hub.db().tx(c -> CheckinService.copy(c, "checkins", text));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : copies) {
                    f.get();
                }
                long copyBlock = System.nanoTime() - t;
                copyNanos += copyBlock;
                copyCpu += processCpu() - cpu;
                pairs.add(seconds(copyBlock) / ingestBlocks.get(ingestBlocks.size() - 1).seconds());
            }
            return new Interleaved(Pass.sequence(ingestBlocks), seconds(copyNanos), ingestBlocks.size(), seconds(ingestCpu),
                    seconds(copyCpu), jitGc[0] / 100.0, jitGc[1] / 100.0,
                    pairs.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the raw COPY failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each kiosk's {@link #BLOCK} items from {@code from} on (fewer at its end, none past it). */
    private static <T> List<List<T>> block(List<List<T>> perKiosk, int from) {
        List<List<T>> out = new ArrayList<>(perKiosk.size());
        for (List<T> kiosk : perKiosk) {
            out.add(kiosk.subList(Math.min(from, kiosk.size()), Math.min(from + BLOCK, kiosk.size())));
        }
        return out;
    }

    /** One pass over all rows; {@code batchMillis} are the sorted durations of its ingest calls. */
    private record Pass(double seconds, long accepted, long duplicates, long rejected, double[] batchMillis, long threadCpuNanos) {
        /** Passes run one after the other, as one: their times and counts add up. */
        static Pass sequence(List<Pass> passes) {
            return new Pass(passes.stream().mapToDouble(Pass::seconds).sum(), passes.stream().mapToLong(Pass::accepted).sum(),
                    passes.stream().mapToLong(Pass::duplicates).sum(), passes.stream().mapToLong(Pass::rejected).sum(),
                    passes.stream().flatMapToDouble(p -> Arrays.stream(p.batchMillis())).sorted().toArray(),
                    passes.stream().mapToLong(Pass::threadCpuNanos).sum());
        }

        double percentile(double p) {
            return batchMillis[Math.min(batchMillis.length - 1, (int) Math.floor(p * batchMillis.length))];
        }
    }

    private static void report(PrintWriter out, String label, int rows, Pass p) {
        out.printf(Locale.ROOT, "%s %,d rows in %.3f s = %,.0f rows/s (accepted %,d, duplicates %,d, rejected %,d);"
                        + " per batch p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label, rows, p.seconds, rows / p.seconds, p.accepted, p.duplicates, p.rejected,
                p.percentile(0.50), p.percentile(0.99), p.batchMillis[p.batchMillis.length - 1]);
    }

    /** Every kiosk sends its backlog on its own thread; the pass lasts until the last one is done. */
    /**
     * The kiosks' threads, kept from block to block as a server keeps its request threads: new ones for every block
     * started each with what a thread has cold (its digest, its allocation buffer) and were counted in the figures.
     */
    private static final ExecutorService KIOSK_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "bench-kiosk");
        t.setDaemon(true);
        return t;
    });

    private static Pass passAll(CheckinService service, List<Principal> devices, List<List<CheckinBatch>> backlogs) {
        ExecutorService pool = KIOSK_THREADS;
        try {
            long start = System.nanoTime();
            List<Future<Pass>> futures = new ArrayList<>();
            for (int k = 0; k < devices.size(); k++) {
                Principal device = devices.get(k);
                List<CheckinBatch> backlog = backlogs.get(k);
                futures.add(pool.submit(() -> pass(service, device, backlog)));
            }
            long accepted = 0;
            long duplicates = 0;
            long rejected = 0;
            long cpu = 0;
            List<double[]> millis = new ArrayList<>();
            for (Future<Pass> f : futures) {
                Pass p = f.get();
                cpu += p.threadCpuNanos;
                accepted += p.accepted;
                duplicates += p.duplicates;
                rejected += p.rejected;
                millis.add(p.batchMillis);
            }
            double seconds = seconds(System.nanoTime() - start);
            double[] all = millis.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
            return new Pass(seconds, accepted, duplicates, rejected, all, cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bench kiosk failed: " + e.getCause(), e.getCause());
        }
    }

    private static Pass pass(CheckinService service, Principal device, List<CheckinBatch> batches) {
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        double[] batchMillis = new double[batches.size()];
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int b = 0; b < batches.size(); b++) {
            long t = System.nanoTime();
            Receipt r = service.ingest(device, batches.get(b));
            batchMillis[b] = (System.nanoTime() - t) / 1e6;
            accepted += r.accepted().size();
            duplicates += r.duplicates().size();
            rejected += r.rejected().size();
        }
        double seconds = seconds(System.nanoTime() - start);
        return new Pass(seconds, accepted, duplicates, rejected, batchMillis, threads.getCurrentThreadCpuTime() - cpu);
    }

    /**
     * Creates the venue and device rows directly (the bench measures ingestion, not the review workflow), then
     * authenticates the device's token the way the HTTP API does, so the principal is the one a kiosk would get.
     */
    static Principal pairBenchDevice(Hub hub, java.security.PublicKey key) {
        String token = Tokens.newToken();
        long now = System.currentTimeMillis();
        hub.db().tx(c -> {
            long userId = Sql.insertId(c, "INSERT INTO users(username, role, password_hash, active, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", "bench-" + token.substring(0, 12), Role.CITIZEN, "!", false, now);
            long appId = Sql.insertId(c, "INSERT INTO applications(status, version, place_name, place_name_norm, unit_name,"
                            + " credit_code, category, district, address, address_norm, mobile, responsible_name,"
                            + " responsible_id_number, responsible_phone, submitted_by, submitted_at, decided_at)"
                            + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ApplicationStatus.PASSED, "Bench venue", "bench venue", "Bench unit", "91120000000000000X", "MALL", 120101,
                    "Bench road 1", "bench road 1", false, "Bench", "000000000000000000", "00000000000", userId, now, now);
            long venueId = nextVenueId(c);
            Sql.update(c, "INSERT INTO venues(id, number, application_id, name, unit_name, credit_code, category, district,"
                            + " address, mobile, code_text, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    venueId, "BENCH-" + venueId, appId, "Bench venue", "Bench unit", "91120000000000000X", "MALL", 120101,
                    "Bench road 1", false, "bench", now);
            // paired a week ago: the bench's check-ins are decided over the last hours
            Sql.insertId(c, "INSERT INTO devices(venue_id, token_hash, label, created_at, public_key) VALUES (?, ?, ?, ?, ?)",
                    venueId, Tokens.hash(token), "bench", now - java.time.Duration.ofDays(7).toMillis(),
                    org.venuegate.core.crypto.Ed25519.encodePublic(key));
            return null;
        });
        return hub.auth().authenticate(token).orElseThrow(() -> new IllegalStateException("bench device did not authenticate"));
    }

    private static long nextVenueId(Connection c) throws SQLException {
        return Math.max(900_000, Sql.count(c, "SELECT COALESCE(MAX(id), 0) FROM venues")) + 1;
    }

    /**
     * Check-ins shaped like a kiosk's: version-7 UUIDs made at each decision time (as the kiosk's journal makes
     * them), a SHA-256 hash chain, pseudonymous subjects, mostly PASS, decided over the last hours. Generated up
     * front so the timing covers ingestion only.
     */
    static List<Checkin> generate(int rows, long venueId, Instant now) {
        SplittableRandom random = new SplittableRandom();
        TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator(new Random(random.nextLong()));
        Long venue = venueId;
        long start = now.toEpochMilli() - rows * 50L;
        String chain = CheckinChain.ZERO;
        List<Checkin> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            long decidedAt = start + i * 50L;
            String id = ids.construct(decidedAt).toString();
            boolean stop = random.nextInt(20) == 0;
            boolean manual = random.nextInt(50) == 0;
            boolean proxy = random.nextInt(30) == 0;
            // as the hub draws them at unveil, some seconds before the gate (see recordUnveils)
            Long nonce = manual ? null : org.venuegate.hub.UnveilLog.nonce(Instant.ofEpochMilli(decidedAt - UNVEIL_LEAD_MS),
                    random.nextLong());
            long micros = 2_000 + random.nextInt(3_000);
            String subject = "S" + random.nextInt(1_000_000);
            String prev = chain;
            chain = CheckinChain.next(prev, new CheckinChain.Link(id, i + 1, venue, subject, manual, stop ? "STOP" : "PASS",
                    stop ? "RED_CODE" : null, stop ? "RED" : "GREEN", proxy, nonce, decidedAt, micros));
            out.add(new Checkin(id, (long) i + 1, chain, venue, subject, manual, stop ? "STOP" : "PASS", stop ? "RED_CODE" : null,
                    stop ? "RED" : "GREEN", proxy, Instant.ofEpochMilli(decidedAt), nonce, prev, micros));
        }
        return out;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
