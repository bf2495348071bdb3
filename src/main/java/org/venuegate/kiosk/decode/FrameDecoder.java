package org.venuegate.kiosk.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.venuegate.kiosk.capture.Frame;

/**
 * The kiosk's QR chain over a frame's luma. A flat frame (nothing in front of the camera) is rejected from a sparse
 * sample at almost no cost; otherwise a cheap pass (HybridBinarizer, on a half-size copy when the frame is large)
 * and, only when that finds nothing, harder passes: full resolution, the global-histogram binarizer, the inverted
 * image, TRY_HARDER, and finally an optional second detector. Not thread-safe: one decoder per decoding thread.
 */
public final class FrameDecoder {
    /** Frames wider than this get their cheap pass on a half-size copy; phone codes are large in such frames. */
    static final int DOWNSCALE_ABOVE_WIDTH = 800;
    /** Below this standard deviation of the sampled luma a frame is treated as empty (sensor noise is ~2-3). */
    static final double FLAT_STDDEV = 4.0;

    private static final Map<DecodeHintType, Object> FAST = hints(false);
    private static final Map<DecodeHintType, Object> HARD = hints(true);

    private final QRCodeReader reader = new QRCodeReader();
    private final Function<Frame, Optional<String>> lastResort;

    /** ZXing passes only. */
    public FrameDecoder() {
        this(null);
    }

    /**
     * @param lastResort a different detector tried after every ZXing pass failed (e.g. BoofCV), or null
     */
    public FrameDecoder(Function<Frame, Optional<String>> lastResort) {
        this.lastResort = lastResort;
    }

    private static Map<DecodeHintType, Object> hints(boolean tryHarder) {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (tryHarder) {
            h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return h;
    }

    /** The cheap pass only, for live frames when the budget is tight. */
    public Optional<Decoded> decodeCheap(Frame frame) {
        if (isFlat(frame)) {
            return Optional.empty();
        }
        return cheap(frame);
    }

    /** The whole chain. */
    public Optional<Decoded> decode(Frame frame) {
        if (isFlat(frame)) {
            return Optional.empty();
        }
        Optional<Decoded> r = cheap(frame);
        if (r.isPresent()) {
            return r;
        }
        return hard(frame);
    }

    private Optional<Decoded> cheap(Frame frame) {
        if (frame.width() > DOWNSCALE_ABOVE_WIDTH) {
            int w = frame.width() / 2;
            int h = frame.height() / 2;
            return attempt(new HybridBinarizer(new LumaSource(halve(frame), w, h)), FAST, "hybrid-half");
        }
        return attempt(new HybridBinarizer(source(frame)), FAST, "hybrid");
    }

    /**
     * For live frames: the cheap pass, then only ONE of the harder passes, a different one on each frame. A code held
     * up for half a second is seen by ~15 frames, so every pass gets its turns, while a frame with no code (most of
     * them at a kiosk) never costs more than the cheap pass plus one hard pass.
     */
    public Optional<Decoded> decodeLive(Frame frame) {
        if (isFlat(frame)) {
            return Optional.empty();
        }
        Optional<Decoded> r = cheap(frame);
        if (r.isPresent()) {
            return r;
        }
        List<Pass> passes = hardPasses(frame);
        if (passes.isEmpty()) {
            return r;
        }
        Pass p = passes.get(Math.floorMod(rotation++, passes.size()));
        return p.run(frame);
    }

    private int rotation;

    @FunctionalInterface
    private interface Pass {
        Optional<Decoded> run(Frame frame);
    }

    private Optional<Decoded> hard(Frame frame) {
        for (Pass p : hardPasses(frame)) {
            Optional<Decoded> r = p.run(frame);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private List<Pass> hardPasses(Frame frame) {
        List<Pass> passes = new ArrayList<>(7);
        if (frame.width() > DOWNSCALE_ABOVE_WIDTH) {
            passes.add(f -> attempt(new HybridBinarizer(source(f)), FAST, "hybrid-full"));
        }
        passes.add(f -> attempt(new GlobalHistogramBinarizer(source(f)), FAST, "global"));
        passes.add(f -> attempt(new HybridBinarizer(source(f).invert()), FAST, "hybrid-inverted"));
        if (frame.height() >= 480) {
            // TRY_HARDER only changes the finder's row step, which matters on tall frames
            passes.add(f -> attempt(new HybridBinarizer(source(f)), HARD, "hybrid-harder"));
        }
        if (frame.width() <= 720) {
            // small or blurred modules: ZXing's binarizer needs ~3 px per module; a smooth 2x gives it that
            passes.add(f -> attempt(new HybridBinarizer(new LumaSource(doubleSize(f), f.width() * 2, f.height() * 2)),
                    FAST, "hybrid-2x"));
        }
        if (lastResort != null) {
            passes.add(f -> lastResort.apply(f).map(t -> new Decoded(t, "last-resort")));
        }
        return passes;
    }

    private Optional<Decoded> attempt(Binarizer binarizer, Map<DecodeHintType, Object> hints, String pass) {
        try {
            Result result = reader.decode(new BinaryBitmap(binarizer), hints);
            return Optional.of(new Decoded(result.getText(), pass));
        } catch (ReaderException e) {
            // not found, or found but damaged (checksum/format): the next pass may do better
            return Optional.empty();
        } catch (RuntimeException e) {
            // ZXing throws the odd ArrayIndexOutOfBounds on degenerate geometry; a bad frame must not stop the loop
            return Optional.empty();
        } finally {
            reader.reset();
        }
    }

    private static LumaSource source(Frame f) {
        return new LumaSource(f.luma(), f.width(), f.height());
    }

    /**
     * Whether the frame has too little contrast to hold a code: ~1200 pixels on a sparse grid, so an empty frame
     * costs microseconds instead of a binarizer pass.
     */
    static boolean isFlat(Frame f) {
        int w = f.width();
        int h = f.height();
        byte[] d = f.luma();
        int stepX = Math.max(1, w / 40);
        int stepY = Math.max(1, h / 30);
        long sum = 0;
        long sumSq = 0;
        int n = 0;
        for (int y = stepY / 2; y < h; y += stepY) {
            int row = y * w;
            for (int x = stepX / 2; x < w; x += stepX) {
                int v = d[row + x] & 0xff;
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        if (n == 0) {
            return true;
        }
        double mean = (double) sum / n;
        double var = (double) sumSq / n - mean * mean;
        return var < FLAT_STDDEV * FLAT_STDDEV;
    }

    /** 2x2 box average: halves the binarizer's and the finder's work with little loss on large codes. */
    static byte[] halve(Frame f) {
        int w = f.width() / 2;
        int h = f.height() / 2;
        int sw = f.width();
        byte[] s = f.luma();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * sw;
            int r1 = r0 + sw;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int sx = 2 * x;
                out[o + x] = (byte) (((s[r0 + sx] & 0xff) + (s[r0 + sx + 1] & 0xff) + (s[r1 + sx] & 0xff)
                        + (s[r1 + sx + 1] & 0xff) + 2) >> 2);
            }
        }
        return out;
    }

    /** Bilinear 2x upscale. */
    static byte[] doubleSize(Frame f) {
        int sw = f.width();
        int sh = f.height();
        int w = sw * 2;
        byte[] s = f.luma();
        byte[] out = new byte[w * sh * 2];
        for (int y = 0; y < sh * 2; y++) {
            int y0 = Math.min(sh - 1, y >> 1);
            int y1 = (y & 1) == 0 ? y0 : Math.min(sh - 1, y0 + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.min(sw - 1, x >> 1);
                int x1 = (x & 1) == 0 ? x0 : Math.min(sw - 1, x0 + 1);
                int v = (s[y0 * sw + x0] & 0xff) + (s[y0 * sw + x1] & 0xff) + (s[y1 * sw + x0] & 0xff) + (s[y1 * sw + x1] & 0xff);
                out[y * w + x] = (byte) ((v + 2) >> 2);
            }
        }
        return out;
    }
}
