package org.venuegate.demo;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.venuegate.kiosk.capture.CameraUnavailableException;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.FrameSource;
import org.venuegate.kiosk.capture.Luma;

/**
 * The demo's camera: it films a node of the phone window (a JavaFX snapshot, taken on the FX thread) a few times a
 * second, optionally with sensor noise and a glare spot, and hands the frames to the kiosk like a webcam would.
 */
public final class VirtualCamera implements FrameSource {
    private final Supplier<Node> target;
    private final Duration interval;
    private final double noise;
    private final boolean glare;
    private final int blur;
    private final Random random = new Random(7);
    private volatile boolean open;
    private long lastGrab;

    /**
     * @param noise standard deviation of added luma noise (0 for none; 8 looks like a cheap webcam)
     */
    public VirtualCamera(Supplier<Node> target, Duration interval, double noise, boolean glare) {
        this(target, interval, noise, glare, 0);
    }

    /** @param blur box-blur radius in pixels (0 none; 1-2 looks like a slightly out-of-focus webcam) */
    public VirtualCamera(Supplier<Node> target, Duration interval, double noise, boolean glare, int blur) {
        this.blur = blur;
        this.target = target;
        this.interval = interval;
        this.noise = noise;
        this.glare = glare;
    }

    @Override
    public void open(Duration timeout) {
        open = true;
    }

    @Override
    public Frame grab() throws CameraUnavailableException {
        if (!open) {
            throw new CameraUnavailableException(CameraUnavailableException.Reason.UNPLUGGED, "virtual camera closed");
        }
        long wait = interval.toMillis() - (System.currentTimeMillis() - lastGrab);
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        lastGrab = System.currentTimeMillis();
        CompletableFuture<BufferedImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Node node = target.get();
                if (node == null || node.getScene() == null) {
                    shot.complete(null);
                    return;
                }
                WritableImage img = node.snapshot(null, null);
                shot.complete(SwingFXUtils.fromFXImage(img, null));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        try {
            BufferedImage img = shot.get(2, TimeUnit.SECONDS);
            if (img == null) {
                return null;
            }
            Frame f = Luma.frame(img, System.nanoTime());
            if (blur > 0) {
                blur(f);
            }
            if (noise > 0 || glare) {
                degrade(f);
            }
            return f;
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new CameraUnavailableException(CameraUnavailableException.Reason.UNPLUGGED, "phone window gone: " + e.getCause());
        }
    }

    /** Separable box blur on the luma, in place. */
    private void blur(Frame f) {
        byte[] src = f.luma();
        int w = f.width();
        int h = f.height();
        int[] tmp = new int[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int n = 0;
                for (int d = -blur; d <= blur; d++) {
                    int xx = x + d;
                    if (xx >= 0 && xx < w) {
                        sum += src[y * w + xx] & 0xff;
                        n++;
                    }
                }
                tmp[y * w + x] = sum / n;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int n = 0;
                for (int d = -blur; d <= blur; d++) {
                    int yy = y + d;
                    if (yy >= 0 && yy < h) {
                        sum += tmp[yy * w + x];
                        n++;
                    }
                }
                src[y * w + x] = (byte) (sum / n);
            }
        }
    }

    private void degrade(Frame f) {
        byte[] luma = f.luma();
        int w = f.width();
        int cx = w / 3;
        int cy = f.height() / 3;
        double r2 = Math.pow(Math.min(w, f.height()) / 6.0, 2);
        for (int i = 0; i < luma.length; i++) {
            double v = luma[i] & 0xff;
            if (noise > 0) {
                v += random.nextGaussian() * noise;
            }
            if (glare) {
                int x = i % w;
                int y = i / w;
                double d2 = (x - cx) * (double) (x - cx) + (y - cy) * (double) (y - cy);
                v += 90 * Math.exp(-d2 / r2);
            }
            luma[i] = (byte) Math.max(0, Math.min(255, (int) v));
        }
    }

    @Override
    public String describe() {
        return "virtual camera (phone window)";
    }

    @Override
    public void close() {
        open = false;
    }
}
