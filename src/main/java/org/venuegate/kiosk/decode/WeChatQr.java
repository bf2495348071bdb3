package org.venuegate.kiosk.decode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_wechat_qrcode.WeChatQRCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.capture.Frame;

/**
 * OpenCV's {@code wechat_qrcode} module (WeChat's QR engine: its own finder, a ZXing-derived decoder, several
 * binarizers and a retry on a rescaled image) over the frame's luma. Natives come from JavaCPP's per-platform jars; when
 * they cannot load (another platform, a stripped jar, a missing system library) {@link #load} says why and the kiosk
 * keeps to its Java passes.
 *
 * <p>Without model files it runs its classic detector; with the optional CNN models (detect and super-resolution
 * prototxt + caffemodel) it runs those too. OpenCV's own thread pool is switched off: the engine runs on the one thread
 * that calls it. Not thread-safe: one instance per thread.
 */
public final class WeChatQr implements Function<Frame, Optional<String>>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WeChatQr.class);
    private static final Object LOCK = new Object();
    private static String loadFailure; // null: not tried yet or loaded
    private static boolean loaded;

    /** The engine, or why not; {@code reason} is empty when it loaded. */
    public record Availability(Optional<WeChatQr> engine, String reason) {
    }

    private final WeChatQRCode engine;
    private final String name;
    private Mat mat;
    private BytePointer buf;
    private int matWidth = -1;
    private int matHeight = -1;

    private WeChatQr(WeChatQRCode engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    /** Empty when the natives load on this machine, else why not (logged once, as a warning). */
    public static Optional<String> unavailable() {
        return Optional.ofNullable(loadNatives());
    }

    /** A new classic-detector engine (no model files), or empty when the natives do not load. */
    public static Optional<WeChatQr> create() {
        return load(null).engine();
    }

    /**
     * @param models a folder with {@code detect.prototxt}, {@code detect.caffemodel}, {@code sr.prototxt} and
     *               {@code sr.caffemodel}, or null for the classic detector
     */
    public static Availability load(Path models) {
        String failure = loadNatives();
        if (failure != null) {
            return new Availability(Optional.empty(), failure);
        }
        try {
            if (models == null) {
                return new Availability(Optional.of(new WeChatQr(new WeChatQRCode(), "wechat")), "");
            }
            String[] files = {"detect.prototxt", "detect.caffemodel", "sr.prototxt", "sr.caffemodel"};
            for (String f : files) {
                if (!Files.isRegularFile(models.resolve(f))) {
                    return new Availability(Optional.empty(), "no " + f + " in " + models);
                }
            }
            return new Availability(Optional.of(new WeChatQr(new WeChatQRCode(models.resolve(files[0]).toString(),
                    models.resolve(files[1]).toString(), models.resolve(files[2]).toString(), models.resolve(files[3]).toString()),
                    "wechat-cnn")), "");
        } catch (RuntimeException | LinkageError e) {
            return new Availability(Optional.empty(), "WeChat QR engine failed to start: " + e);
        }
    }

    /** Loads the natives once; null when they are there, else why not (logged once). */
    private static String loadNatives() {
        synchronized (LOCK) {
            if (loaded) {
                return null;
            }
            if (loadFailure != null) {
                return loadFailure;
            }
            String failure = tryLoad(() -> {
                Loader.load(org.bytedeco.opencv.global.opencv_wechat_qrcode.class);
                opencv_core.setNumThreads(0); // sequential: the scan threads are the only parallelism the kiosk wants
            });
            if (failure == null) {
                loaded = true;
            } else {
                loadFailure = failure;
            }
            return failure;
        }
    }

    /** Runs the native loader; null when it worked, else the reason, logged as a warning. */
    static String tryLoad(Runnable loader) {
        try {
            loader.run();
            return null;
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError (no natives for this platform, a missing system library), NoClassDefFoundError
            // (the bytedeco jars left out), or JavaCPP's own exceptions
            String platform;
            try {
                platform = Loader.getPlatform();
            } catch (LinkageError e2) {
                platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
            }
            String reason = "OpenCV natives for " + platform + " did not load (" + e + ")";
            LOG.warn("WeChat QR engine unavailable, the kiosk reads codes with its Java decoders only: {}", reason);
            return reason;
        }
    }

    public String name() {
        return name;
    }

    @Override
    public Optional<String> apply(Frame frame) {
        int w = frame.width();
        int h = frame.height();
        if (w != matWidth || h != matHeight) {
            releaseMat();
            buf = new BytePointer((long) w * h);
            mat = new Mat(h, w, opencv_core.CV_8UC1, buf);
            matWidth = w;
            matHeight = h;
        }
        buf.position(0).put(frame.luma(), 0, w * h);
        try (StringVector found = engine.detectAndDecode(mat)) {
            for (long i = 0; i < found.size(); i++) {
                String text = text(found.get(i));
                if (!text.isEmpty()) {
                    return Optional.of(text);
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // OpenCV's exceptions arrive as RuntimeException; a bad frame must not stop the loop
            return Optional.empty();
        }
    }

    /** The decoded bytes as UTF-8 (what the engine produces) without the trailing NUL the binding leaves on them. */
    static String text(BytePointer p) {
        String s = p.getString(StandardCharsets.UTF_8);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    private void releaseMat() {
        if (mat != null) {
            mat.close();
            buf.close();
            mat = null;
            buf = null;
        }
    }

    @Override
    public void close() {
        releaseMat();
        engine.close();
    }
}
