package org.venuegate.kiosk.decode;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.capture.Frame;

/**
 * A detector too slow for the scan thread's per-frame budget, run on its own thread on the newest frame only: the scan
 * thread {@link #offer offers} the frames its own passes missed and never waits; a newer frame replaces one not yet
 * started, and a hit is {@link #poll picked up} by the scan thread with its next frame. It uses at most
 * {@value #DUTY_PERCENT}% of a core (after a run of t ms it rests t ms), so on a two-core kiosk the camera, the screen and
 * the scan thread keep theirs. The thread starts on the first offer and ends after {@value #IDLE_EXIT_MS} ms without
 * one (an empty entrance whose scene rests offers nothing). The engine is made on that thread by the factory; when the
 * factory gives null the pass stays off.
 */
final class SlowPass implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlowPass.class);
    static final int DUTY_PERCENT = 50;
    static final long IDLE_EXIT_MS = 5000;

    /** A text read by the slow pass and the frame it came from. */
    record Hit(Decoded decoded, long frameCapturedNanos) {
    }

    private final String name;
    private final Supplier<Function<Frame, Optional<String>>> factory;
    private final AtomicReference<Frame> mailbox = new AtomicReference<>();
    private final AtomicReference<Hit> result = new AtomicReference<>();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    /** Frames waiting in the mailbox or being decoded. */
    private final AtomicLong pending = new AtomicLong();
    private Thread thread; // guarded by this
    private volatile boolean closed;
    private volatile boolean disabled;

    SlowPass(String name, Supplier<Function<Frame, Optional<String>>> factory) {
        this.name = name;
        this.factory = factory;
    }

    /** Hands a frame to the slow pass; returns at once. */
    void offer(Frame frame) {
        if (closed || disabled) {
            return;
        }
        if (mailbox.getAndSet(frame) != null) {
            replaced.incrementAndGet();
        } else {
            pending.incrementAndGet();
        }
        Thread t;
        synchronized (this) {
            if (thread == null) {
                thread = new Thread(this::run, "scan-slow-pass");
                thread.setDaemon(true);
                thread.start();
            }
            t = thread;
        }
        LockSupport.unpark(t);
    }

    /** The newest hit not picked up yet, or null. */
    Hit poll() {
        return result.getAndSet(null);
    }

    /** Frames the slow pass has decoded so far. */
    long runs() {
        return runs.get();
    }

    /** Frames replaced by a newer one before the slow pass got to them. */
    long replaced() {
        return replaced.get();
    }

    private void run() {
        Function<Frame, Optional<String>> engine = null;
        try {
            engine = factory.get();
            if (engine == null) {
                disabled = true;
                return;
            }
            long idleSince = System.nanoTime();
            while (!closed) {
                Frame f = mailbox.getAndSet(null);
                if (f == null) {
                    if (System.nanoTime() - idleSince > IDLE_EXIT_MS * 1_000_000L && exitIfIdle()) {
                        return;
                    }
                    LockSupport.parkNanos(this, 100_000_000L);
                    continue;
                }
                long t0 = System.nanoTime();
                Optional<String> text;
                try {
                    text = engine.apply(f);
                } catch (RuntimeException e) {
                    LOG.warn("{} failed on a frame; skipping it", name, e);
                    text = Optional.empty();
                }
                runs.incrementAndGet();
                long took = System.nanoTime() - t0;
                text.ifPresent(t -> result.set(new Hit(new Decoded(t, name), f.capturedNanos())));
                pending.decrementAndGet();
                // rest as long as the run took, so the pass takes at most DUTY_PERCENT of a core
                long rest = took * (100 - DUTY_PERCENT) / DUTY_PERCENT;
                long until = System.nanoTime() + rest;
                while (!closed && System.nanoTime() < until) {
                    LockSupport.parkNanos(this, until - System.nanoTime());
                }
                idleSince = System.nanoTime();
            }
        } catch (RuntimeException | LinkageError e) {
            disabled = true;
            LOG.warn("{} stopped; the Java passes carry on alone", name, e);
        } finally {
            synchronized (this) {
                if (thread == Thread.currentThread()) {
                    thread = null;
                }
            }
            if (engine instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing {}", name, e);
                }
            }
        }
    }

    /** Ends the thread unless a frame arrived meanwhile (then the next offer finds it running). */
    private synchronized boolean exitIfIdle() {
        if (mailbox.get() != null) {
            return false;
        }
        thread = null;
        return true;
    }

    /**
     * Waits until every frame offered so far has been decoded (or the pass is off), at most {@code timeoutMs}: for
     * tests, which must not depend on how fast the machine is.
     */
    boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (pending.get() > 0 && !disabled && !closed) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Whether the worker thread is running (for tests). */
    synchronized boolean running() {
        return thread != null;
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
