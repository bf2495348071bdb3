package org.venuegate.kiosk.capture;

import java.time.Duration;

/**
 * A stream of frames: a webcam, a folder of images, the demo's virtual camera. Implementations are used from one
 * thread at a time (the {@link CameraSupervisor}'s).
 */
public interface FrameSource extends AutoCloseable {

    /** Opens the source, giving up after {@code timeout}. Opening an open source does nothing. */
    void open(Duration timeout) throws CameraUnavailableException;

    /**
     * The next new frame, waiting at most a short, source-specific time for it.
     *
     * @return the frame, or {@code null} when no new frame arrived in that time
     * @throws CameraUnavailableException when the source is gone (unplugged, closed, hung)
     */
    Frame grab() throws CameraUnavailableException;

    /** A short human-readable name for logs and the status bar, e.g. "USB Camera 640x480". */
    String describe();

    /** Releases the source; never blocks the caller for long and never throws. */
    @Override
    void close();
}
