package org.venuegate.kiosk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.kiosk.KioskEngine;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.TrustedClock;
import org.venuegate.kiosk.journal.Journal;

/**
 * {@code venuegate bench soak}: many scans through verify, decide and the durable journal, printing used heap
 * (after GC) and resident set size as it goes, so a leak shows as a rising line.
 */
public final class SoakBench {
    private SoakBench() {
    }

    public static int run(int scans, PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("vg-soak");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyRing ring = KeyRing.init(dir.resolve("keys"), now.minusSeconds(60));
        TrustList trust = ring.nextTrustList(now, List.of());
        int every = Math.max(1, scans / 20);
        long maxHeap = 0;
        long maxRss = 0;
        try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            TrustedClock clock = new TrustedClock(Clock.systemUTC(), System::nanoTime, Duration.ofMinutes(2));
            KioskEngine engine = new KioskEngine(() -> trust, PipelineBench.VENUE, EntryPolicy.DEFAULT, VerificationPolicy.DEFAULT,
                    clock, journal, (d, venue, at, nonce, micros) -> journal.append(KioskRuntime.entry(d, venue, at, nonce, micros)),
                    System::nanoTime);
            for (int i = 1; i <= scans; i++) {
                Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                HealthCode code = new HealthCode(i, "张*明", i % 10 == 0 ? Colour.YELLOW : Colour.GREEN, true, Optional.empty(),
                        false, PipelineBench.VENUE, t, t.plus(Duration.ofMinutes(10)), 1_000_000L + i);
                engine.onCode(ring.issueHealth(code, t), System.nanoTime());
                if (i % every == 0 || i == scans) {
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
                    long rss = rssMb();
                    maxHeap = Math.max(maxHeap, heap);
                    maxRss = Math.max(maxRss, rss);
                    out.printf(Locale.ROOT, "{\"bench\":\"soak\",\"scans\":%d,\"heap_mb\":%d,\"rss_mb\":%d,\"journal\":%d}%n",
                            i, heap, rss, journal.size());
                    out.flush();
                }
            }
        }
        out.printf(Locale.ROOT, "{\"bench\":\"soak\",\"done\":%d,\"max_heap_mb\":%d,\"max_rss_mb\":%d}%n", scans, maxHeap, maxRss);
        return maxRss < 300 || maxRss == 0 ? 0 : 1;
    }

    /** Resident set size from /proc (Linux); 0 where it is not available. */
    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
