package org.venuegate.kiosk.bench;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.kiosk.KioskEngine;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.TrustedClock;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.kiosk.decode.Decoded;
import org.venuegate.kiosk.decode.FrameDecoder;
import org.venuegate.kiosk.decode.KioskDecoders;
import org.venuegate.kiosk.journal.Journal;
import org.venuegate.qr.QrRenderer;

/**
 * {@code venuegate bench pipeline}: synthetic camera frames through the kiosk's real path (live decode, verify,
 * decide, durable journal write) and prints per-frame p50/p99, the empty-frame cost, the durable journal write and
 * code-appears-to-prompt latency, as one JSON line. The figures are warm ({@link #WARMUP_FRAMES} frames through the
 * same path first) and wall-clock; the line also gives per-frame thread CPU time, the collector, the heap limit and the
 * load average before and after, since on a shared machine wall time includes waiting for a core.
 */
public final class PipelineBench {
    static final long VENUE = 424242L;
    /** Frames (with a code, each followed by one without) run through the whole path before measuring. */
    static final int WARMUP_FRAMES = 300;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PipelineBench() {
    }

    public static int run(int width, int height, int frames, PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("vg-pipeline");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyRing ring = KeyRing.init(dir.resolve("keys"), now.minusSeconds(60));
        TrustList trust = ring.nextTrustList(now, List.of());
        int distinct = 64;
        List<Frame> codeFrames = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            HealthCode code = new HealthCode(1000 + i, "张*明", Colour.GREEN, true, Optional.empty(), false, VENUE, now,
                    now.plus(Duration.ofMinutes(10)), 77_000 + i);
            codeFrames.add(Luma.frame(scene(ring.issueHealth(code, now), width, height), 0));
        }
        Frame empty = Luma.frame(scene(null, width, height), 0);
        try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC());
             FrameDecoder decoder = KioskDecoders.full()) {
            TrustedClock clock = new TrustedClock(Clock.systemUTC(), System::nanoTime, Duration.ofMinutes(2));
            long[] journalNanos = new long[frames];
            int[] writes = {0};
            KioskEngine engine = new KioskEngine(() -> trust, VENUE, EntryPolicy.DEFAULT, VerificationPolicy.DEFAULT, clock,
                    journal, (d, venue, at, nonce, micros) -> {
                        long t0 = System.nanoTime();
                        journal.append(KioskRuntime.entry(d, venue, at, nonce, micros));
                        if (writes[0] < journalNanos.length) {
                            journalNanos[writes[0]++] = System.nanoTime() - t0;
                        }
                    }, System::nanoTime);
            // Warm figures: the JIT first sees the whole path (decode, verify, decide, journal), as a kiosk's first ten
            // seconds of camera frames would show it, so compilation does not land in the measured frames.
            int warm = Math.min(WARMUP_FRAMES, frames / 2);
            long[] warmNanos = new long[warm];
            for (int i = 0; i < warm; i++) {
                frame(decoder, engine, codeFrames.get(i % distinct), warmNanos, null, i);
                decoder.decodeLive(empty);
            }
            writes[0] = 0;
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long[] perFrame = new long[frames];
            long[] perFrameCpu = new long[frames];
            long[] emptyNanos = new long[frames];
            Map<String, Integer> readBy = new TreeMap<>();
            int decoded = 0;
            for (int i = 0; i < frames; i++) {
                Optional<Decoded> text = frame(decoder, engine, codeFrames.get(i % distinct), perFrame, perFrameCpu, i);
                if (text.isPresent()) {
                    decoded++;
                    readBy.merge(text.get().pass(), 1, Integer::sum);
                }
                long e0 = System.nanoTime();
                decoder.decodeLive(empty);
                emptyNanos[i] = System.nanoTime() - e0;
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                    .collect(Collectors.joining("+"));
            String passes = readBy.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
            out.printf(Locale.ROOT, "{\"bench\":\"pipeline\",\"size\":\"%dx%d\",\"frames\":%d,\"warmup_frames\":%d,\"decoded\":%d,"
                            + "\"read_by\":%s,"
                            + "\"frame_p50_ms\":%.2f,\"frame_p99_ms\":%.2f,\"frame_cpu_p50_ms\":%.2f,\"frame_cpu_p99_ms\":%.2f,"
                            + "\"empty_p50_ms\":%.4f,\"empty_p99_ms\":%.3f,"
                            + "\"journal_write_p50_ms\":%.2f,\"journal_write_p99_ms\":%.2f,"
                            + "\"code_to_prompt_p50_ms\":%.2f,\"code_to_prompt_p95_ms\":%.2f,"
                            + "\"slow_pass_runs\":%d,\"gc\":\"%s\",\"max_heap_mb\":%d,\"load_avg\":[%.2f,%.2f]}%n",
                    width, height, frames, warm, decoded, passes, ms(perFrame, 50), ms(perFrame, 99),
                    ms(perFrameCpu, 50), ms(perFrameCpu, 99), ms(emptyNanos, 50), ms(emptyNanos, 99),
                    ms(Arrays.copyOf(journalNanos, Math.max(1, writes[0])), 50), ms(Arrays.copyOf(journalNanos, Math.max(1, writes[0])), 99),
                    ms(perFrame, 50), ms(perFrame, 95), decoder.slowPassRuns(), gc, Runtime.getRuntime().maxMemory() >> 20, loadBefore, loadAfter);
            // Live decode may miss a frame (the next frame catches it); no frame read at all means a broken path.
            return decoded > 0 ? 0 : 1;
        }
    }

    /**
     * One camera frame through the kiosk's path: live decode and, when a code is read, verify, decide and the durable
     * journal write. Wall time (and thread CPU time when {@code cpu} is given) goes into slot {@code i}.
     */
    private static Optional<Decoded> frame(FrameDecoder decoder, KioskEngine engine, Frame f, long[] wall, long[] cpu, int i) {
        long c0 = cpu == null ? 0 : THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Optional<Decoded> text = decoder.decodeLive(f);
        if (text.isPresent()) {
            engine.onCode(text.get().text(), t0);
        }
        wall[i] = System.nanoTime() - t0;
        if (cpu != null) {
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        return text;
    }

    /** A phone-like grey scene, optionally with the code in the middle at a webcam-ish scale. */
    static BufferedImage scene(String text, int width, int height) {
        BufferedImage f = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = f.createGraphics();
        g.setColor(new Color(70, 72, 78));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(200, 200, 205));
        g.fillRoundRect(width / 2 - height / 4, height / 10, height / 2, height * 8 / 10, 30, 30);
        if (text != null) {
            int module = Math.max(3, height / 120);
            BufferedImage qr = QrRenderer.render(text, ErrorCorrectionLevel.M, module, 4);
            g.drawImage(qr, (width - qr.getWidth()) / 2, (height - qr.getHeight()) / 2, null);
        }
        g.dispose();
        return f;
    }

    static double ms(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(percentile / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))] / 1e6;
    }
}
