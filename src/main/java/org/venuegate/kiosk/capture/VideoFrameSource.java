package org.venuegate.kiosk.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.api.UnsupportedFormatException;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.logging.LogLevel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.capture.CameraUnavailableException.Reason;

/**
 * Plays an MP4/MOV file with H.264 video (jcodec, pure Java) for tests, benchmarks and training: frame by frame,
 * at the file's own pace (each frame when its timestamp comes due) or as fast as it decodes, once or looping. The
 * decoder's output is planar YUV, so a frame's luminance is its Y plane, copied row by row without a colour step.
 */
public final class VideoFrameSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(VideoFrameSource.class);

    static {
        // jcodec prints to stdout unless it has a sink of its own; its warnings belong in the kiosk's log
        org.jcodec.common.logging.Logger.addSink(m -> {
            String text = m.getArgs() == null || m.getArgs().length == 0 ? m.getMessage()
                    : m.getMessage() + " " + Arrays.toString(m.getArgs());
            if (m.getLevel() == LogLevel.WARN || m.getLevel() == LogLevel.ERROR) {
                LOG.warn("jcodec: {}", text);
            } else {
                LOG.debug("jcodec: {}", text);
            }
        });
    }

    private final Path file;
    private final boolean loop;
    private final boolean realtime;
    private FileChannelWrapper channel;
    private FrameGrab grab;
    private PictureWithMetadata pending;
    private int frameIndex;
    private long startNanos;
    private boolean finished;

    /**
     * @param loop     start again after the last frame instead of ending
     * @param realtime hand out each frame when its timestamp comes due; false for as fast as possible
     */
    public VideoFrameSource(Path file, boolean loop, boolean realtime) {
        this.file = file;
        this.loop = loop;
        this.realtime = realtime;
    }

    @Override
    public void open(Duration timeout) throws CameraUnavailableException {
        if (grab != null) {
            return;
        }
        start();
    }

    /** Opens the file from its beginning and decodes the first frame, so a file that cannot play fails here. */
    private void start() throws CameraUnavailableException {
        closeChannel();
        if (!Files.isRegularFile(file)) {
            throw new CameraUnavailableException(Reason.NO_FRAMES, Files.exists(file)
                    ? "video " + file + " is not a file" : "video file " + file + " does not exist");
        }
        try {
            channel = NIOUtils.readableChannel(file.toFile());
            grab = FrameGrab.createFrameGrab(channel);
        } catch (UnsupportedFormatException e) {
            closeChannel();
            throw new CameraUnavailableException(Reason.NO_FRAMES, file + " is not a video the kiosk can play "
                    + "(MP4 or MOV with H.264 video): " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            closeChannel();
            throw new CameraUnavailableException(Reason.NO_FRAMES, "video file " + file + " does not exist", e);
        } catch (IOException | JCodecException | RuntimeException e) {
            closeChannel();
            throw new CameraUnavailableException(Reason.NO_FRAMES, "video " + file + " is damaged or not a playable "
                    + "MP4/MOV (H.264): " + describe(e), e);
        }
        frameIndex = 0;
        finished = false;
        pending = decodeNext();
        if (pending == null) {
            closeChannel();
            throw new CameraUnavailableException(Reason.NO_FRAMES, "video " + file + " has no frames");
        }
        startNanos = System.nanoTime();
    }

    private PictureWithMetadata decodeNext() throws CameraUnavailableException {
        try {
            return grab.getNativeFrameWithMetadata();
        } catch (IOException | RuntimeException e) {
            // jcodec reports a damaged stream as whatever its parser tripped over (index errors, null pointers)
            throw new CameraUnavailableException(Reason.NO_FRAMES, "video " + file + " is damaged at frame "
                    + (frameIndex + 1) + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** @return the next frame, or null once the file is played through (when not looping) */
    @Override
    public Frame grab() throws CameraUnavailableException {
        if (grab == null) {
            throw new CameraUnavailableException(Reason.NO_FRAMES, "video " + file + " is not open");
        }
        if (pending == null) {
            if (!loop) {
                finished = true;
                return null;
            }
            start();
        }
        PictureWithMetadata current = pending;
        if (realtime) {
            waitUntil(startNanos + dueNanos(current));
        }
        Frame frame = toFrame(current.getPicture(), System.nanoTime());
        frameIndex++;
        pending = decodeNext();
        return frame;
    }

    /** When a frame is due after the first one, from its timestamp; 10 fps when the file gives none. */
    private long dueNanos(PictureWithMetadata p) {
        double t = p.getTimestamp();
        if (Double.isFinite(t) && t >= 0) {
            return (long) (t * 1e9);
        }
        return frameIndex * 100_000_000L;
    }

    private static void waitUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return; // the supervisor is stopping; it checks its own flag next
            }
        }
    }

    /** The Y plane within the crop rectangle (decoders pad to whole macroblocks); jcodec stores samples minus 128. */
    static Frame toFrame(Picture pic, long capturedNanos) throws CameraUnavailableException {
        int w = pic.getCroppedWidth();
        int h = pic.getCroppedHeight();
        int x0 = pic.getCrop() == null ? 0 : pic.getCrop().getX();
        int y0 = pic.getCrop() == null ? 0 : pic.getCrop().getY();
        ColorSpace cs = pic.getColor();
        byte[] out = new byte[w * h];
        if (cs.planar) {
            byte[] y = pic.getPlaneData(0);
            int stride = pic.getPlaneWidth(0);
            for (int row = 0; row < h; row++) {
                int src = (y0 + row) * stride + x0;
                int dst = row * w;
                for (int col = 0; col < w; col++) {
                    out[dst + col] = (byte) (y[src + col] + 128);
                }
            }
        } else if (cs == ColorSpace.RGB || cs == ColorSpace.BGR) {
            byte[] px = pic.getPlaneData(0);
            int stride = pic.getWidth() * 3;
            int ri = cs == ColorSpace.RGB ? 0 : 2;
            int bi = 2 - ri;
            for (int row = 0; row < h; row++) {
                int p = (y0 + row) * stride + x0 * 3;
                int dst = row * w;
                for (int col = 0; col < w; col++, p += 3) {
                    int r = px[p + ri] + 128;
                    int g = px[p + 1] + 128;
                    int b = px[p + bi] + 128;
                    out[dst + col] = (byte) ((306 * r + 601 * g + 117 * b) >> 10); // the weights of Luma
                }
            }
        } else {
            throw new CameraUnavailableException(Reason.NO_FRAMES, "video frames in " + cs + " cannot be read");
        }
        return new Frame(w, h, out, capturedNanos);
    }

    /** Whether the file has been played through (never true when looping). */
    public boolean finished() {
        return finished;
    }

    @Override
    public String describe() {
        return "replay " + file.getFileName() + (loop ? " (loop)" : "");
    }

    private void closeChannel() {
        grab = null;
        pending = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {} failed: {}", file, e.toString());
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        closeChannel();
    }
}
