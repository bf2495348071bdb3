package org.venuegate.kiosk.capture;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a frame source running on its own thread: opens it, pumps its frames to a sink (the scan loop), and when the
 * source fails reports UNAVAILABLE with the reason, closes it and tries to open it again every {@code retryDelay}
 * until it comes back, with no one having to press anything. A {@link CodeSource} (a serial scanner) is kept alive
 * the same way through {@link #forCodes}, its lines pumped to a text sink.
 */
public final class CameraSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSupervisor.class);

    /** Waits between retries; a test passes one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    @FunctionalInterface
    public interface Listener {
        /** Called on the supervisor's thread; a UI hops to its own thread itself. */
        void onState(CameraState state);
    }

    /** What the loop below needs of a source, whether it yields frames or text. */
    private interface Pumped {
        void open(Duration timeout) throws CameraUnavailableException;

        /** Delivers at most one item to the sink; false when the source had nothing new. */
        boolean pumpOne() throws CameraUnavailableException;

        String describe();

        void close();
    }

    private final Pumped source;
    private final Listener listener;
    private final Duration openTimeout;
    private final Duration retryDelay;
    private final Sleeper sleeper;
    private volatile boolean running;
    private volatile CameraState state = CameraState.stopped();
    private Thread thread;

    public CameraSupervisor(FrameSource source, Consumer<Frame> sink, Listener listener, Duration openTimeout,
                            Duration retryDelay, Sleeper sleeper) {
        this(frames(source, sink), listener, openTimeout, retryDelay, sleeper);
    }

    private CameraSupervisor(Pumped source, Listener listener, Duration openTimeout, Duration retryDelay, Sleeper sleeper) {
        this.source = source;
        this.listener = Objects.requireNonNull(listener);
        this.openTimeout = openTimeout;
        this.retryDelay = retryDelay;
        this.sleeper = sleeper;
    }

    /** Production defaults: 5 s to open, retry every 3 s, real sleeping. */
    public CameraSupervisor(FrameSource source, Consumer<Frame> sink, Listener listener) {
        this(source, sink, listener, Duration.ofSeconds(5), Duration.ofSeconds(3), d -> Thread.sleep(d.toMillis()));
    }

    /** Supervises a source of text codes (a serial scanner): each line goes to {@code sink} on this thread. */
    public static CameraSupervisor forCodes(CodeSource source, Consumer<String> sink, Listener listener, Duration openTimeout,
                                            Duration retryDelay, Sleeper sleeper) {
        return new CameraSupervisor(codes(source, sink), listener, openTimeout, retryDelay, sleeper);
    }

    /** {@link #forCodes} with the production defaults: 5 s to open, retry every 3 s. */
    public static CameraSupervisor forCodes(CodeSource source, Consumer<String> sink, Listener listener) {
        return forCodes(source, sink, listener, Duration.ofSeconds(5), Duration.ofSeconds(3), d -> Thread.sleep(d.toMillis()));
    }

    private static Pumped frames(FrameSource source, Consumer<Frame> sink) {
        return pumped(source, source::grab, sink);
    }

    private static Pumped codes(CodeSource source, Consumer<String> sink) {
        return pumped(source, source::next, sink);
    }

    /** What the device hands over next, or null when nothing new came in a short, device-specific time. */
    @FunctionalInterface
    private interface Pull<T> {
        T next() throws CameraUnavailableException;
    }

    private static <T> Pumped pumped(InputDevice device, Pull<T> pull, Consumer<T> sink) {
        Objects.requireNonNull(device);
        Objects.requireNonNull(sink);
        return new Pumped() {
            @Override
            public void open(Duration timeout) throws CameraUnavailableException {
                device.open(timeout);
            }

            @Override
            public boolean pumpOne() throws CameraUnavailableException {
                T item = pull.next();
                if (item == null) {
                    return false;
                }
                sink.accept(item);
                return true;
            }

            @Override
            public String describe() {
                return device.describe();
            }

            @Override
            public void close() {
                device.close();
            }
        };
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "camera-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    public CameraState state() {
        return state;
    }

    private void report(CameraState s) {
        state = s;
        try {
            listener.onState(s);
        } catch (RuntimeException e) {
            LOG.warn("camera state listener failed", e);
        }
    }

    private void run() {
        while (running) {
            report(CameraState.opening(source.describe()));
            try {
                source.open(openTimeout);
                report(CameraState.running(source.describe()));
                pump();
            } catch (CameraUnavailableException e) {
                source.close();
                if (!running) {
                    break;
                }
                LOG.warn("camera unavailable ({}): {}; retrying in {} ms", e.reason(), e.getMessage(), retryDelay.toMillis());
                report(CameraState.unavailable(e));
                try {
                    sleeper.sleep(retryDelay);
                } catch (InterruptedException ie) {
                    break;
                }
            } catch (RuntimeException e) {
                // a bug in a source must not end the kiosk's camera for good: report it and retry like any failure
                source.close();
                LOG.error("frame source failed unexpectedly", e);
                report(CameraState.unavailable(new CameraUnavailableException(
                        CameraUnavailableException.Reason.DRIVER_ERROR, String.valueOf(e), e)));
                try {
                    sleeper.sleep(retryDelay);
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
        source.close();
        report(CameraState.stopped());
    }

    private void pump() throws CameraUnavailableException {
        while (running) {
            if (!source.pumpOne()) {
                // a source with nothing new may return at once (a finished replay): do not spin a core on it
                LockSupport.parkNanos(1_000_000L);
            }
        }
    }

    /** Stops pumping and closes the source; waits briefly for the thread, never for long. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
