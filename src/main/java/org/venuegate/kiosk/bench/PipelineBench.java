package org.venuegate.kiosk.bench;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
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
 * code-appears-to-prompt latency, as one JSON line.
 */
public final class PipelineBench {
    static final long VENUE = 424242L;

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
        try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
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
            FrameDecoder decoder = KioskDecoders.full();
            int warm = Math.min(100, frames / 5);
            for (int i = 0; i < warm; i++) {
                decoder.decodeLive(codeFrames.get(i % distinct));
                decoder.decodeLive(empty);
            }
            writes[0] = 0;
            long[] perFrame = new long[frames];
            long[] emptyNanos = new long[frames];
            int decoded = 0;
            for (int i = 0; i < frames; i++) {
                Frame f = codeFrames.get(i % distinct);
                long t0 = System.nanoTime();
                Optional<Decoded> text = decoder.decodeLive(f);
                if (text.isPresent()) {
                    engine.onCode(text.get().text(), t0);
                    decoded++;
                }
                perFrame[i] = System.nanoTime() - t0;
                long e0 = System.nanoTime();
                decoder.decodeLive(empty);
                emptyNanos[i] = System.nanoTime() - e0;
            }
            out.printf(Locale.ROOT, "{\"bench\":\"pipeline\",\"size\":\"%dx%d\",\"frames\":%d,\"decoded\":%d,"
                            + "\"frame_p50_ms\":%.2f,\"frame_p99_ms\":%.2f,\"empty_p50_ms\":%.3f,\"empty_p99_ms\":%.3f,"
                            + "\"journal_write_p50_ms\":%.2f,\"journal_write_p99_ms\":%.2f,"
                            + "\"code_to_prompt_p50_ms\":%.2f,\"code_to_prompt_p95_ms\":%.2f}%n",
                    width, height, frames, decoded, ms(perFrame, 50), ms(perFrame, 99), ms(emptyNanos, 50), ms(emptyNanos, 99),
                    ms(Arrays.copyOf(journalNanos, Math.max(1, writes[0])), 50), ms(Arrays.copyOf(journalNanos, Math.max(1, writes[0])), 99),
                    ms(perFrame, 50), ms(perFrame, 95));
            // Live decode may miss a frame (the next frame catches it); no frame read at all means a broken path.
            return decoded > 0 ? 0 : 1;
        }
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
