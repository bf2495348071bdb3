package org.venuegate.kiosk.decode;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.capture.Frame;

/**
 * Decodes frames on its own single thread and hands only decoded text to the listener. Frames arrive through
 * {@link #accept(Frame)} into a one-frame mailbox: a newer frame replaces an undecoded older one, so decoding never
 * falls behind the camera. A code held in front of the camera counts once: the same text is suppressed until it has
 * been out of sight for {@code repeatWindow} (measured on the frames' capture times).
 */
public final class ScanLoop implements Consumer<Frame>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanLoop.class);

    @FunctionalInterface
    public interface Listener {
        /** Called on the scan thread; keep it short or hand off. */
        void onCode(String text, long frameCapturedNanos);
    }

    private final Function<Frame, Optional<String>> decoder;
    private final Listener listener;
    private final HeldCodeFilter held; // only touched by the scan thread
    private final AtomicReference<Frame> mailbox = new AtomicReference<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;

    public ScanLoop(Function<Frame, Optional<String>> decoder, Listener listener, Duration repeatWindow) {
        this.decoder = Objects.requireNonNull(decoder);
        this.listener = Objects.requireNonNull(listener);
        this.held = new HeldCodeFilter(repeatWindow);
    }

    /** The kiosk's live chain (cheap pass plus one rotating hard pass per frame) with a 3 s repeat window. */
    public ScanLoop(FrameDecoder decoder, Listener listener) {
        this(f -> decoder.decodeLive(f).map(Decoded::text), listener, HeldCodeFilter.KIOSK_WINDOW);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "scan-loop");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Offers a frame; replaces any frame still waiting. Cheap and non-blocking: the camera thread calls it. */
    @Override
    public void accept(Frame frame) {
        offered.incrementAndGet();
        if (mailbox.getAndSet(frame) != null) {
            dropped.incrementAndGet();
        }
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void run() {
        while (running) {
            Frame f = mailbox.getAndSet(null);
            if (f == null) {
                LockSupport.parkNanos(this, 50_000_000L);
                continue;
            }
            Optional<String> text;
            try {
                text = decoder.apply(f);
            } catch (RuntimeException e) {
                LOG.warn("decoder failed on a frame; skipping it", e);
                continue;
            }
            decoded.incrementAndGet();
            text.ifPresent(t -> seen(t, f.capturedNanos()));
        }
    }

    private void seen(String text, long at) {
        if (!held.isNew(text, at)) {
            return;
        }
        try {
            listener.onCode(text, at);
        } catch (RuntimeException e) {
            LOG.warn("code listener failed", e);
        }
    }

    public long framesOffered() {
        return offered.get();
    }

    /** Frames replaced in the mailbox before the loop got to them. */
    public long framesDropped() {
        return dropped.get();
    }

    public long framesDecoded() {
        return decoded.get();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
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
