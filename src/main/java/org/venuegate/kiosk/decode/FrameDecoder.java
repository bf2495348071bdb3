package org.venuegate.kiosk.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.venuegate.kiosk.capture.Frame;

/**
 * The kiosk's QR chain over a frame's luma. A flat frame (nothing in front of the camera) is rejected from a sparse
 * sample at almost no cost; otherwise a cheap pass (HybridBinarizer, on a half-size copy when the frame is large)
 * and, only when that finds nothing, harder passes: full resolution, the global-histogram binarizer, the inverted
 * image, TRY_HARDER, a 2x upscale for small frames, an optional second detector (BoofCV, also on the inverted frame:
 * light modules on dark), for still images only that
 * detector again on the 2x copy of a small frame, and finally an optional slow detector (OpenCV's WeChat engine).
 *
 * <p>{@link #decode} runs the whole chain (still images). {@link #decodeLive} is for camera frames, where the next
 * frame comes ~33 ms later and a code is held up for many frames, so it bounds the work per frame: the cheap pass;
 * when it misses, ONE harder pass: on a new scene the one that read the last codes (a held code stays at one distance
 * and light), else a different one on each frame. When every pass has failed on a scene and the frames stay the
 * same (an empty entrance), the scene is only looked at again on every {@value #REEXAMINE_EVERY}th frame, or at once
 * when it changes. The slow detector is too slow for that budget: live, it runs on its own thread ({@link SlowPass})
 * on the newest frame the other passes missed, and what it reads comes out of the next call. Buffers for the resized
 * copies are kept between frames. Not thread-safe: one decoder per decoding thread ({@link #close} ends the slow
 * pass's thread).
 */
public final class FrameDecoder implements AutoCloseable {
    /**
     * Frames wider than this get their cheap pass on a half-size copy: codes held close are large in such frames. Small
     * modules (under ~8 px) do not survive halving; live decoding then keeps to the harder pass that reads them.
     */
    static final int DOWNSCALE_ABOVE_WIDTH = 800;
    /** Below this standard deviation of the sampled luma a frame is treated as empty (sensor noise is ~2-3). */
    static final double FLAT_STDDEV = 4.0;
    /** A sampled pixel that moved by more than this many grey levels has changed (sensor noise is ~2-3). */
    static final int SAMPLE_CHANGED_BY = 24;
    /**
     * The scene changed when at least this many of the ~1200 samples did. The smallest code ZXing reads (21 modules
     * at 2-3 px) covers about a dozen samples at 640x480, and about half of those land on a module of the other colour.
     */
    static final int SCENE_CHANGED_SAMPLES = 4;
    /** An unchanged scene on which every pass failed is still examined on every this many-th frame (~0.5 s at 30 fps). */
    static final int REEXAMINE_EVERY = 15;
    /**
     * The harder pass that has been reading the codes keeps the frames the cheap pass misses until it misses on this
     * many of them in a row: one odd frame (a code this pass cannot read, motion blur) does not send the kiosk
     * searching again.
     */
    static final int STICKY_MISSES = 2;
    /**
     * The pass that reads a code is not always the cheapest that would (the last resort reads nearly everything), so
     * every this many-th frame that needs a harder pass goes to a cheaper one instead, which takes over when it reads.
     */
    static final int PROBE_EVERY = 4;
    /**
     * The order live decoding rotates through the harder passes: by their cost per frame measured at 640x480 and
     * 1280x720 (global histogram ~0.5/1.3 ms, a hybrid pass ~0.7/2 ms, BoofCV ~1/3 ms, the 2x upscale ~5 ms).
     */
    private static final List<String> LIVE_ORDER = List.of("global", "hybrid-full", "hybrid-harder", "hybrid-inverted",
            "last-resort", "last-resort-inverted", "hybrid-2x");
    /** The sample grid: this many columns and rows (the flat check and the scene check share it). */
    private static final int GRID_X = 40;
    private static final int GRID_Y = 30;

    private static final Map<DecodeHintType, Object> FAST = hints(false);
    private static final Map<DecodeHintType, Object> HARD = hints(true);

    private final QRCodeReader reader = new QRCodeReader();
    private final Function<Frame, Optional<String>> lastResort;
    private final String slowName;
    private final Supplier<Function<Frame, Optional<String>>> slowEngine;
    private Function<Frame, Optional<String>> stillSlow; // the still chain's instance, made on first use
    private final SlowPass slow; // live: its own thread and instance
    private boolean examined; // whether the last decodeLive call ran any pass

    // kept between frames: resized copies, the passes for the current frame size
    private byte[] halfBuf = new byte[0];
    private byte[] doubleBuf = new byte[0];
    private byte[] invertedBuf = new byte[0];
    private int passesWidth = -1;
    private int passesHeight = -1;
    private Pass cheapPass;
    private List<Pass> hardPasses = List.of();
    private List<Pass> liveOrder = List.of();

    // live state
    private Pass sticky;
    private int stickyMisses;
    private int stickyFrames;
    private int probe;
    private int rotation;
    private byte[] sample = new byte[GRID_X * GRID_Y];
    private int sampleCount;
    private byte[] failedScene = new byte[GRID_X * GRID_Y];
    private int failedSceneCount;
    /** Bit i: pass i of {@link #liveOrder} has missed on the remembered scene. */
    private int triedOnScene;
    private int skippedOnScene;
    private long passesRun;

    /** ZXing passes only. */
    public FrameDecoder() {
        this(null);
    }

    /**
     * @param lastResort a different detector tried after every ZXing pass failed (e.g. BoofCV), or null
     */
    public FrameDecoder(Function<Frame, Optional<String>> lastResort) {
        this(lastResort, null, null);
    }

    /**
     * @param slowName   the slow detector's pass name
     * @param slowEngine makes an instance of the slow detector (one for still images, one for the live pass's thread;
     *                   null from it turns the pass off), or null for none
     */
    public FrameDecoder(Function<Frame, Optional<String>> lastResort, String slowName,
                        Supplier<Function<Frame, Optional<String>>> slowEngine) {
        this.lastResort = lastResort;
        this.slowName = slowName;
        this.slowEngine = slowEngine;
        this.slow = slowEngine == null ? null : new SlowPass(slowName, slowEngine);
    }

    private static Map<DecodeHintType, Object> hints(boolean tryHarder) {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (tryHarder) {
            h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return h;
    }

    /** One way of reading a frame. */
    private final class Pass {
        private final String name;
        private final Function<Frame, Optional<Decoded>> run;

        Pass(String name, Function<Frame, Optional<Decoded>> run) {
            this.name = name;
            this.run = run;
        }

        String name() {
            return name;
        }

        Optional<Decoded> apply(Frame f) {
            passesRun++;
            return run.apply(f);
        }
    }

    /** Passes run so far, over all frames (for tests). */
    long passesRun() {
        return passesRun;
    }

    /** The cheap pass only, for live frames when the budget is tight. */
    public Optional<Decoded> decodeCheap(Frame frame) {
        if (isFlat(frame)) {
            return Optional.empty();
        }
        passesFor(frame);
        return cheapPass.apply(frame);
    }

    /** The whole chain. */
    public Optional<Decoded> decode(Frame frame) {
        if (isFlat(frame)) {
            return Optional.empty();
        }
        passesFor(frame);
        Optional<Decoded> r = cheapPass.apply(frame);
        if (r.isPresent()) {
            return r;
        }
        for (Pass p : hardPasses) {
            r = p.apply(frame);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * For live frames: the cheap pass and, only when it finds nothing, ONE harder pass: on a new scene the one that
     * has been reading the codes held up (a held code stays at one distance and light; now and then a cheaper pass
     * gets its frame and takes over when it reads too), else the next in a rotation, cheapest first. A code held up
     * for half a second is seen by ~15 frames, so every pass gets its turns; a frame with no code (most of them at a
     * kiosk) costs the cheap pass plus one hard pass, and nothing but the sample once the same empty scene has been
     * through every pass.
     */
    public Optional<Decoded> decodeLive(Frame frame) {
        examined = false;
        if (slow != null) {
            SlowPass.Hit hit = slow.poll();
            if (hit != null) {
                return Optional.of(hit.decoded()); // read on a frame or two ago: the code is in front of the camera
            }
        }
        if (sampleFlat(frame)) {
            return Optional.empty();
        }
        passesFor(frame);
        boolean seenMissing = sameScene();
        boolean exhausted = seenMissing && triedOnScene == (1 << liveOrder.size()) - 1;
        if (exhausted && ++skippedOnScene < REEXAMINE_EVERY) {
            return Optional.empty();
        }
        examined = true;
        Optional<Decoded> r = cheapPass.apply(frame);
        if (r.isPresent()) {
            return r;
        }
        if (liveOrder.isEmpty()) {
            offerSlow(frame);
            return r;
        }
        // the remembered pass gets a new scene; a scene it (or anything) already missed goes to the rotation
        boolean rotated = sticky == null || seenMissing;
        Pass p;
        if (rotated) {
            p = nextInRotation(seenMissing && !exhausted ? triedOnScene : 0);
        } else {
            Pass cheaper = ++stickyFrames % PROBE_EVERY == 0 ? cheaperThanSticky() : null;
            p = cheaper != null ? cheaper : sticky;
        }
        r = p.apply(frame);
        if (r.isPresent()) {
            sticky = p; // the pass that reads, or a cheaper one that reads the same codes
            stickyMisses = 0;
            return r;
        }
        if (p == sticky && ++stickyMisses >= STICKY_MISSES) {
            sticky = null; // the code went, or the light or the distance changed: back to the rotation
        }
        noteFailedScene(exhausted, p);
        offerSlow(frame);
        return Optional.empty();
    }

    /** The frame goes to the slow pass's thread, replacing one it has not started on; never waits. */
    private void offerSlow(Frame frame) {
        if (slow != null) {
            slow.offer(frame);
        }
    }

    /** Whether the last {@link #decodeLive} call ran a pass (false: flat, or a resting scene), for tests. */
    boolean examinedLast() {
        return examined;
    }

    /** The live slow pass, or null (for tests and benchmarks). */
    SlowPass slowPass() {
        return slow;
    }

    /** Frames the live slow pass has decoded so far (0 without one). */
    public long slowPassRuns() {
        return slow == null ? 0 : slow.runs();
    }

    /** Ends the slow pass's thread and frees the still chain's slow detector. */
    @Override
    public void close() {
        if (slow != null) {
            slow.close();
        }
        if (stillSlow instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing to do: native memory is freed with the process anyway
            }
        }
        stillSlow = null;
    }

    /** The next pass of the rotation that has not missed on this scene yet. */
    private Pass nextInRotation(int triedMask) {
        int n = liveOrder.size();
        for (int k = 0; k < n; k++) {
            int i = Math.floorMod(rotation++, n);
            if ((triedMask & (1 << i)) == 0) {
                return liveOrder.get(i);
            }
        }
        return liveOrder.get(Math.floorMod(rotation++, n));
    }

    /** One of the passes cheaper than the sticky one, a different one each time, or null when it is the cheapest. */
    private Pass cheaperThanSticky() {
        int rank = liveOrder.indexOf(sticky);
        return rank <= 0 ? null : liveOrder.get(Math.floorMod(probe++, rank));
    }

    /** The harder pass live decoding tries first when the cheap pass misses, or null (for tests). */
    String stickyPass() {
        return sticky == null ? null : sticky.name();
    }

    /** Names of the harder passes for frames of this size, in the order live decoding rotates through them (for tests). */
    List<String> hardPassNames(Frame frame) {
        passesFor(frame);
        return liveOrder.stream().map(Pass::name).toList();
    }

    /** Notes which hard pass missed on this scene; when every one has, the scene is exhausted. */
    private void noteFailedScene(boolean wasExhausted, Pass missed) {
        if (wasExhausted) {
            skippedOnScene = 0; // re-examined, still nothing: stay quiet for another round
            return;
        }
        if (!sameScene()) {
            // a new scene on which nothing was read: its next frames go to the rotation
            System.arraycopy(sample, 0, failedScene, 0, sampleCount);
            failedSceneCount = sampleCount;
            triedOnScene = 0;
        }
        triedOnScene |= 1 << liveOrder.indexOf(missed);
        skippedOnScene = 0;
    }

    /** Whether this frame's sample matches the scene the recent passes failed on. */
    private boolean sameScene() {
        if (failedSceneCount == 0 || failedSceneCount != sampleCount) {
            return false;
        }
        int changed = 0;
        for (int i = 0; i < sampleCount; i++) {
            if (Math.abs((sample[i] & 0xff) - (failedScene[i] & 0xff)) > SAMPLE_CHANGED_BY && ++changed >= SCENE_CHANGED_SAMPLES) {
                return false;
            }
        }
        return true;
    }

    private void passesFor(Frame frame) {
        if (frame.width() == passesWidth && frame.height() == passesHeight) {
            return;
        }
        passesWidth = frame.width();
        passesHeight = frame.height();
        sticky = null;
        failedSceneCount = 0;
        triedOnScene = 0;
        boolean large = frame.width() > DOWNSCALE_ABOVE_WIDTH;
        cheapPass = large
                ? new Pass("hybrid-half", f -> attempt(new HybridBinarizer(new LumaSource(halve(f), f.width() / 2, f.height() / 2)),
                        FAST, "hybrid-half"))
                : new Pass("hybrid", f -> attempt(new HybridBinarizer(source(f)), FAST, "hybrid"));
        List<Pass> passes = new ArrayList<>(7);
        if (large) {
            passes.add(new Pass("hybrid-full", f -> attempt(new HybridBinarizer(source(f)), FAST, "hybrid-full")));
        }
        passes.add(new Pass("global", f -> attempt(new GlobalHistogramBinarizer(source(f)), FAST, "global")));
        passes.add(new Pass("hybrid-inverted", f -> attempt(new HybridBinarizer(source(f).invert()), FAST, "hybrid-inverted")));
        if (frame.height() >= 480) {
            // TRY_HARDER only changes the finder's row step, which matters on tall frames
            passes.add(new Pass("hybrid-harder", f -> attempt(new HybridBinarizer(source(f)), HARD, "hybrid-harder")));
        }
        if (frame.width() <= 720) {
            // small or blurred modules: ZXing's binarizer needs ~3 px per module; a smooth 2x gives it that
            passes.add(new Pass("hybrid-2x", f -> attempt(new HybridBinarizer(new LumaSource(doubled(f), f.width() * 2,
                    f.height() * 2)), FAST, "hybrid-2x")));
        }
        if (lastResort != null) {
            passes.add(new Pass("last-resort", f -> lastResort.apply(f).map(t -> new Decoded(t, "last-resort"))));
            // a phone in dark mode or with colours inverted shows light modules on dark: about one such code in 200
            // fools ZXing's inverted pass (a false finder pattern in the data) and BoofCV reads light-on-dark only
            // when handed the inverted frame. ASCII only, as on the 2x copy: BoofCV's misreads are non-ASCII texts
            passes.add(new Pass("last-resort-inverted", f -> lastResort.apply(new Frame(f.width(), f.height(), inverted(f),
                    f.capturedNanos())).filter(KioskDecoders::ascii).map(t -> new Decoded(t, "last-resort-inverted"))));
        }
        List<Pass> byCost = new ArrayList<>(passes);
        // still images only from here: live, the slow detector has its own thread (offerSlow), and these passes cost
        // more than a frame's budget
        if (lastResort != null && frame.width() <= 720) {
            // BoofCV's finder too wants more than ~2 px per module (ZXing's photos: 5 of 716 more read, 0 misread).
            // Taken only when ASCII, as the WeChat engine's: BoofCV's misreads on those photos are all non-ASCII texts
            // (it decodes charsets its own way), and the kiosk's codes are ASCII
            passes.add(new Pass("last-resort-2x", f -> lastResort.apply(new Frame(f.width() * 2, f.height() * 2, doubled(f),
                    f.capturedNanos())).filter(KioskDecoders::ascii).map(t -> new Decoded(t, "last-resort-2x"))));
        }
        if (slowEngine != null) {
            passes.add(new Pass(slowName, f -> stillSlow(f).map(t -> new Decoded(t, slowName))));
        }
        hardPasses = List.copyOf(passes);
        byCost.sort(Comparator.comparingInt(p -> LIVE_ORDER.indexOf(p.name())));
        liveOrder = List.copyOf(byCost);
        rotation = 0;
    }

    private Optional<String> stillSlow(Frame f) {
        if (stillSlow == null) {
            stillSlow = slowEngine.get();
            if (stillSlow == null) {
                stillSlow = x -> Optional.empty();
            }
        }
        return stillSlow.apply(f);
    }

    /** Names of every pass the still chain runs after the cheap one, in order (for tests). */
    List<String> stillPassNames(Frame frame) {
        passesFor(frame);
        return hardPasses.stream().map(Pass::name).toList();
    }

    private byte[] halve(Frame f) {
        int n = (f.width() / 2) * (f.height() / 2);
        if (halfBuf.length != n) {
            halfBuf = new byte[n];
        }
        return halve(f, halfBuf);
    }

    private byte[] doubled(Frame f) {
        int n = f.width() * 2 * f.height() * 2;
        if (doubleBuf.length != n) {
            doubleBuf = new byte[n];
        }
        return doubleSize(f, doubleBuf);
    }

    private byte[] inverted(Frame f) {
        byte[] s = f.luma();
        int n = f.width() * f.height();
        if (invertedBuf.length != n) {
            invertedBuf = new byte[n];
        }
        for (int i = 0; i < n; i++) {
            invertedBuf[i] = (byte) ~s[i];
        }
        return invertedBuf;
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
        return sampleGrid(f, new byte[gridSize(f)]) < 0;
    }

    /** Samples this frame into {@link #sample}; true when it is flat. */
    private boolean sampleFlat(Frame f) {
        int size = gridSize(f);
        if (sample.length < size) {
            sample = new byte[size];
            failedScene = new byte[size];
            failedSceneCount = 0;
            triedOnScene = 0;
        }
        int n = sampleGrid(f, sample);
        if (n < 0) {
            return true;
        }
        sampleCount = n;
        return false;
    }

    private static int gridSize(Frame f) {
        int stepX = Math.max(1, f.width() / GRID_X);
        int stepY = Math.max(1, f.height() / GRID_Y);
        return count(f.width(), stepX) * count(f.height(), stepY);
    }

    /** How many of stepX/2, stepX/2 + step, ... are below length. */
    private static int count(int length, int step) {
        return (length - step / 2 + step - 1) / step;
    }

    /** Fills {@code out} with the luma on a sparse grid; returns how many samples, or -1 when the frame is flat. */
    private static int sampleGrid(Frame f, byte[] out) {
        int w = f.width();
        int h = f.height();
        byte[] d = f.luma();
        int stepX = Math.max(1, w / GRID_X);
        int stepY = Math.max(1, h / GRID_Y);
        long sum = 0;
        long sumSq = 0;
        int n = 0;
        for (int y = stepY / 2; y < h; y += stepY) {
            int row = y * w;
            for (int x = stepX / 2; x < w; x += stepX) {
                byte b = d[row + x];
                int v = b & 0xff;
                out[n++] = b;
                sum += v;
                sumSq += v * v;
            }
        }
        if (n == 0) {
            return -1;
        }
        double mean = (double) sum / n;
        double var = (double) sumSq / n - mean * mean;
        return var < FLAT_STDDEV * FLAT_STDDEV ? -1 : n;
    }

    /** 2x2 box average: halves the binarizer's and the finder's work with little loss on large codes. */
    static byte[] halve(Frame f, byte[] out) {
        int w = f.width() / 2;
        int h = f.height() / 2;
        int sw = f.width();
        byte[] s = f.luma();
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
    static byte[] doubleSize(Frame f, byte[] out) {
        int sw = f.width();
        int sh = f.height();
        int w = sw * 2;
        byte[] s = f.luma();
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
