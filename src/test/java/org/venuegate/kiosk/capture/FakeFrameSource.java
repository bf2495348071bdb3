package org.venuegate.kiosk.capture;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A camera that fails to open N times, then delivers frames, optionally dying after M frames once. */
final class FakeFrameSource implements FrameSource {
    final AtomicInteger opens = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger frames = new AtomicInteger();
    private final int failingOpens;
    private final int dieAfterFrames;
    private boolean open;
    private boolean died;

    FakeFrameSource(int failingOpens, int dieAfterFrames) {
        this.failingOpens = failingOpens;
        this.dieAfterFrames = dieAfterFrames;
    }

    @Override
    public void open(Duration timeout) throws CameraUnavailableException {
        if (opens.incrementAndGet() <= failingOpens) {
            throw new CameraUnavailableException(CameraUnavailableException.Reason.NO_CAMERA, "no camera connected");
        }
        open = true;
    }

    @Override
    public Frame grab() throws CameraUnavailableException {
        if (!open) {
            throw new CameraUnavailableException(CameraUnavailableException.Reason.UNPLUGGED, "not open");
        }
        if (!died && dieAfterFrames >= 0 && frames.get() == dieAfterFrames) {
            died = true;
            open = false;
            throw new CameraUnavailableException(CameraUnavailableException.Reason.UNPLUGGED, "camera was disconnected");
        }
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        frames.incrementAndGet();
        return new Frame(4, 4, new byte[16], System.nanoTime());
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public void close() {
        open = false;
        closes.incrementAndGet();
    }
}
