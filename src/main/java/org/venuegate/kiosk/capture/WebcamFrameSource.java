package org.venuegate.kiosk.capture;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.capture.CameraUnavailableException.Reason;

/**
 * A USB webcam through webcam-capture. Every native call (discovery, open, grab, close) runs on this source's own
 * daemon thread and the caller waits with a timeout, because the native layer is known to hang (dispose especially).
 * When a call hangs, the thread is abandoned (left to the JVM as a daemon) and a fresh one is used next time.
 */
public final class WebcamFrameSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(WebcamFrameSource.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String cameraName;
    private final int width;
    private final int height;
    private final Duration grabTimeout;
    private final Duration stallTimeout;
    private final Duration closeTimeout;

    private ExecutorService io;
    private Webcam webcam;
    private Future<Frame> pending;
    private long pendingSinceNanos;

    /**
     * @param cameraName   the camera's name as the driver reports it (a unique part of it is enough); null for the first
     * @param grabTimeout  how long one {@link #grab()} waits for a frame before returning null
     * @param stallTimeout no frame for this long means the camera is gone
     * @param closeTimeout how long {@link #close()} waits for the driver before abandoning it
     */
    public WebcamFrameSource(String cameraName, int width, int height, Duration grabTimeout, Duration stallTimeout,
                             Duration closeTimeout) {
        this.cameraName = cameraName;
        this.width = width;
        this.height = height;
        this.grabTimeout = grabTimeout;
        this.stallTimeout = stallTimeout;
        this.closeTimeout = closeTimeout;
    }

    public WebcamFrameSource(String cameraName, int width, int height) {
        this(cameraName, width, height, Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofSeconds(2));
    }

    /** Names of the connected cameras, for the settings screen; discovery runs off the caller's thread. */
    public static List<String> cameraNames(Duration timeout) throws CameraUnavailableException {
        ExecutorService ex = newIoThread();
        try {
            return call(ex, () -> discover(timeout).stream().map(Webcam::getName).toList(), timeout.plusMillis(500), "discovery");
        } finally {
            ex.shutdown();
        }
    }

    @Override
    public synchronized void open(Duration timeout) throws CameraUnavailableException {
        if (webcam != null) {
            return;
        }
        if (io == null) {
            io = newIoThread();
        }
        try {
            // discovery gets most of the budget; the open itself is quick when it works
            webcam = call(io, () -> openOnIoThread(timeout), timeout.plusMillis(500), "open");
        } catch (CameraUnavailableException e) {
            if (e.reason() == Reason.TIMEOUT) {
                abandonIo("open");
            }
            throw e;
        }
    }

    private Webcam openOnIoThread(Duration timeout) throws CameraUnavailableException {
        List<Webcam> cams = discover(timeout);
        if (cams.isEmpty()) {
            throw new CameraUnavailableException(Reason.NO_CAMERA, "no camera connected");
        }
        Webcam cam = cameraName == null ? cams.get(0) : cams.stream()
                .filter(c -> c.getName().equals(cameraName)).findFirst()
                .or(() -> cams.stream().filter(c -> c.getName().contains(cameraName)).findFirst())
                .orElseThrow(() -> new CameraUnavailableException(Reason.NOT_FOUND, "camera \"" + cameraName
                        + "\" is not connected; connected: " + cams.stream().map(Webcam::getName).toList()));
        try {
            Dimension size = new Dimension(width, height);
            if (Arrays.stream(cam.getViewSizes()).noneMatch(size::equals)) {
                cam.setCustomViewSizes(size);
            }
            cam.setViewSize(size);
            if (!cam.open()) {
                throw new CameraUnavailableException(Reason.BUSY, "camera \"" + cam.getName()
                        + "\" could not be opened: in use by another program or access denied");
            }
        } catch (WebcamException | IllegalArgumentException | IllegalStateException e) {
            throw new CameraUnavailableException(Reason.BUSY, "camera \"" + cam.getName()
                    + "\" could not be opened: " + e.getMessage(), e);
        }
        LOG.info("camera open: {} at {}x{}", cam.getName(), cam.getViewSize().width, cam.getViewSize().height);
        return cam;
    }

    private static List<Webcam> discover(Duration timeout) throws CameraUnavailableException {
        try {
            return Webcam.getWebcams(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CameraUnavailableException(Reason.TIMEOUT, "camera discovery did not finish in " + timeout.toMillis() + " ms", e);
        } catch (WebcamException | LinkageError e) {
            // without libv4l the driver throws instead of reporting no camera
            throw new CameraUnavailableException(Reason.DRIVER_ERROR, "camera driver failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Frame grab() throws CameraUnavailableException {
        Webcam cam = webcam;
        if (cam == null) {
            throw new CameraUnavailableException(Reason.UNPLUGGED, "camera is not open");
        }
        if (pending == null) {
            pending = io.submit(() -> grabOnIoThread(cam));
            pendingSinceNanos = System.nanoTime();
        }
        try {
            Frame f = pending.get(grabTimeout.toMillis(), TimeUnit.MILLISECONDS);
            pending = null;
            return f;
        } catch (TimeoutException e) {
            // a slow frame is normal; a frame that never comes means the device or the driver is gone
            if (System.nanoTime() - pendingSinceNanos > stallTimeout.toNanos()) {
                pending = null;
                abandonIo("grab");
                webcam = null;
                throw new CameraUnavailableException(Reason.UNPLUGGED, "camera \"" + cam.getName()
                        + "\" delivered no frame for " + stallTimeout.toMillis() + " ms");
            }
            return null;
        } catch (ExecutionException e) {
            pending = null;
            if (e.getCause() instanceof CameraUnavailableException c) {
                closeQuietly(cam);
                throw c;
            }
            throw new CameraUnavailableException(Reason.DRIVER_ERROR, "camera driver failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Frame grabOnIoThread(Webcam cam) throws CameraUnavailableException {
        BufferedImage img;
        try {
            img = cam.getImage();
        } catch (WebcamException e) {
            throw new CameraUnavailableException(Reason.UNPLUGGED, "camera \"" + cam.getName() + "\" failed: " + e.getMessage(), e);
        }
        long now = System.nanoTime();
        if (img == null) {
            if (!cam.isOpen()) {
                throw new CameraUnavailableException(Reason.UNPLUGGED, "camera \"" + cam.getName() + "\" was disconnected");
            }
            return null;
        }
        return Luma.frame(img, now);
    }

    private void closeQuietly(Webcam cam) {
        webcam = null;
        Future<?> f = io.submit(cam::close);
        try {
            f.get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandonIo("close");
        } catch (ExecutionException e) {
            LOG.warn("camera close failed: {}", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        Webcam cam = webcam;
        if (cam != null) {
            closeQuietly(cam);
        }
        pending = null;
        if (io != null) {
            io.shutdown();
            io = null;
        }
    }

    private void abandonIo(String what) {
        // the native call may never return; interrupting does not help, so leave the daemon thread and start afresh
        LOG.warn("camera {} hung; abandoning its thread {} and continuing", what, io);
        io.shutdownNow();
        io = newIoThread();
    }

    private static <T> T call(ExecutorService ex, Callable<T> task, Duration timeout, String what)
            throws CameraUnavailableException {
        Future<T> f = ex.submit(task);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new CameraUnavailableException(Reason.TIMEOUT, "camera " + what + " did not finish in " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CameraUnavailableException c) {
                throw c;
            }
            throw new CameraUnavailableException(Reason.DRIVER_ERROR, "camera " + what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CameraUnavailableException(Reason.TIMEOUT, "interrupted while waiting for camera " + what, e);
        }
    }

    private static ExecutorService newIoThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "camera-io-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String describe() {
        return (cameraName == null ? "default camera" : cameraName) + " " + width + "x" + height;
    }
}
