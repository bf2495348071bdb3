package org.venuegate.kiosk.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Plays a folder of images (PNG, JPEG, BMP) in file-name order, for tests, benchmarks and training. Images are read
 * lazily, one per {@link #grab()}, so a long folder costs no memory up front. Optionally paced to a frame rate.
 */
public final class ReplayFrameSource implements FrameSource {
    private final Path dir;
    private final boolean loop;
    private final Duration frameInterval;
    private List<Path> files;
    private int next;
    private long lastFrameNanos;

    /**
     * @param loop          start again after the last image instead of ending
     * @param frameInterval wait this long between frames, like a camera's frame rate; {@link Duration#ZERO} for as fast
     *                      as possible
     */
    public ReplayFrameSource(Path dir, boolean loop, Duration frameInterval) {
        this.dir = dir;
        this.loop = loop;
        this.frameInterval = frameInterval;
    }

    public ReplayFrameSource(Path dir, boolean loop) {
        this(dir, loop, Duration.ZERO);
    }

    /** The images of a folder this source would play, in order. */
    public static List<Path> images(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(ReplayFrameSource::isImage).sorted().toList();
        }
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp");
    }

    @Override
    public void open(Duration timeout) throws CameraUnavailableException {
        if (files != null) {
            return;
        }
        try {
            List<Path> found = images(dir);
            if (found.isEmpty()) {
                throw new CameraUnavailableException(CameraUnavailableException.Reason.NO_FRAMES, "no images in " + dir);
            }
            files = found;
            next = 0;
        } catch (IOException e) {
            throw new CameraUnavailableException(CameraUnavailableException.Reason.NO_FRAMES, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return the next image, or null once the folder is played through (when not looping) */
    @Override
    public Frame grab() throws CameraUnavailableException {
        if (files == null) {
            throw new CameraUnavailableException(CameraUnavailableException.Reason.NO_FRAMES, "replay of " + dir + " is not open");
        }
        if (next >= files.size()) {
            if (!loop) {
                return null;
            }
            next = 0;
        }
        pace();
        Path file = files.get(next++);
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new CameraUnavailableException(CameraUnavailableException.Reason.NO_FRAMES, "not an image: " + file);
            }
            return Luma.frame(img, System.nanoTime());
        } catch (IOException e) {
            throw new CameraUnavailableException(CameraUnavailableException.Reason.NO_FRAMES, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void pace() {
        if (frameInterval.isZero()) {
            return;
        }
        long due = lastFrameNanos + frameInterval.toNanos();
        long wait = due - System.nanoTime();
        if (lastFrameNanos != 0 && wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastFrameNanos = System.nanoTime();
    }

    /** Whether every image has been played (never true when looping). */
    public boolean finished() {
        return files != null && !loop && next >= files.size();
    }

    @Override
    public String describe() {
        return "replay " + dir.getFileName() + (loop ? " (loop)" : "");
    }

    @Override
    public void close() {
        files = null;
    }
}
