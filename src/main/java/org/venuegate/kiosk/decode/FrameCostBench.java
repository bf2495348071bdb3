package org.venuegate.kiosk.decode;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.qr.QrRenderer;

/**
 * Per-frame cost of the kiosk's decode path on synthetic camera frames: with a code, empty (a blank wall with sensor
 * noise) and a scene without a code (clutter, every pass runs). Frames are converted to luma once, outside the timing,
 * as the camera source does that; one JSON line per case.
 */
public final class FrameCostBench {
    private FrameCostBench() {
    }

    /** @param path "live" (what the scan loop runs per frame) or "full" (every pass, as for a still image) */
    /**
     * @param cpuP50Ms the same figures in thread CPU time: on a shared, loaded machine wall time also counts the time
     *                 the thread waited for a core, CPU time does not
     */
    public record Figures(String frame, String content, String path, int frames, double p50Ms, double p99Ms,
                          double cpuP50Ms, double cpuP99Ms) {
        public String json() {
            return String.format(Locale.ROOT,
                    "{\"frame\":\"%s\",\"content\":\"%s\",\"path\":\"%s\",\"frames\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
                            + "\"cpu_p50_ms\":%.3f,\"cpu_p99_ms\":%.3f}",
                    frame, content, path, frames, p50Ms, p99Ms, cpuP50Ms, cpuP99Ms);
        }
    }

    /** The text placed in the synthetic frames: the length of a real health code, in its alphabet. */
    static final String SAMPLE = "VGH1:" + "6BFOXN*TS0BI$ZDFRH%".repeat(9).substring(0, 161);

    public static int run(PrintWriter out) {
        return run(out, KioskDecoders::full);
    }

    /** @param decoders the decoder to measure (the test uses the Java passes: the slow pass's still run is ~10-200 ms) */
    public static int run(PrintWriter out, Supplier<FrameDecoder> decoders) {
        for (int[] size : new int[][] {{640, 480}, {1280, 720}}) {
            for (String content : new String[] {"code", "empty", "scene"}) {
                out.println(measure(size[0], size[1], content, true, 300, 100, decoders).json());
            }
            out.println(measure(size[0], size[1], "scene", false, 300, 100, decoders).json());
        }
        out.flush();
        return 0;
    }

    public static Figures measure(int w, int h, String content, boolean live, int frames, int warmup) {
        return measure(w, h, content, live, frames, warmup, KioskDecoders::full);
    }

    static Figures measure(int w, int h, String content, boolean live, int frames, int warmup, Supplier<FrameDecoder> decoders) {
        Random rnd = new Random(11);
        Frame[] variants = new Frame[8];
        for (int i = 0; i < variants.length; i++) {
            variants[i] = synthetic(w, h, content, rnd);
        }
        try (FrameDecoder decoder = decoders.get()) {
            return measure(w, h, content, live, frames, warmup, decoder, variants);
        }
    }

    private static Figures measure(int w, int h, String content, boolean live, int frames, int warmup, FrameDecoder decoder,
                                   Frame[] variants) {
        for (int i = 0; i < warmup; i++) {
            decode(decoder, variants[i % variants.length], live);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        double[] ms = new double[frames];
        double[] cpuMs = new double[frames];
        for (int i = 0; i < frames; i++) {
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            decode(decoder, variants[i % variants.length], live);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpuMs[i] = cpu ? (mx.getCurrentThreadCpuTime() - c0) / 1e6 : ms[i];
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        return new Figures(w + "x" + h, content, live ? "live" : "full", frames, DecodeBench.percentile(ms, 50), DecodeBench.percentile(ms, 99),
                DecodeBench.percentile(cpuMs, 50), DecodeBench.percentile(cpuMs, 99));
    }

    private static void decode(FrameDecoder d, Frame f, boolean live) {
        if (live) {
            d.decodeLive(f);
        } else {
            d.decode(f);
        }
    }

    static Frame synthetic(int w, int h, String content, Random rnd) {
        if (content.equals("empty")) {
            byte[] luma = new byte[w * h];
            int base = 90 + rnd.nextInt(60);
            for (int i = 0; i < luma.length; i++) {
                luma[i] = (byte) (base + rnd.nextInt(5));
            }
            return new Frame(w, h, luma, System.nanoTime());
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(70 + rnd.nextInt(40), 80, 90));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            g.fillRect(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(w / 4), 20 + rnd.nextInt(h / 4));
        }
        if (content.equals("code")) {
            // a phone held at a kiosk fills about half the frame's height; 4-8 px per module
            int module = Math.max(3, h / 100);
            BufferedImage qr = QrRenderer.render(SAMPLE, ErrorCorrectionLevel.M, module, 4);
            int x = rnd.nextInt(Math.max(1, w - qr.getWidth()));
            int y = rnd.nextInt(Math.max(1, h - qr.getHeight()));
            g.drawImage(qr, x, y, null);
        }
        g.dispose();
        return Luma.frame(img, System.nanoTime());
    }
}
