package org.venuegate.kiosk.capture;

import java.time.Duration;

/**
 * What a camera and a serial scanner have in common for the {@link CameraSupervisor}: opening with a timeout, a name
 * for the status bar, and closing. They differ only in what they hand over (frames or text).
 */
public interface InputDevice extends AutoCloseable {

    /** Opens the device, giving up after {@code timeout}. Opening an open device does nothing. */
    void open(Duration timeout) throws CameraUnavailableException;

    /** A short human-readable name for logs and the status bar, e.g. "USB Camera 640x480". */
    String describe();

    /** Releases the device; never blocks the caller for long and never throws. */
    @Override
    void close();
}
