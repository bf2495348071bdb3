package org.venuegate.kiosk.capture;

/**
 * A device that delivers codes as text rather than frames: a 2D scanner on a serial port. Like a {@link FrameSource}
 * it is used from one thread at a time (the {@link CameraSupervisor}'s) and reports its failures as
 * {@link CameraUnavailableException}, so the status bar and the retrying work the same for both.
 */
public interface CodeSource extends InputDevice {

    /**
     * The next complete code, waiting at most a short, source-specific time for it.
     *
     * @return the text, or {@code null} when none arrived in that time
     * @throws CameraUnavailableException when the device is gone (unplugged, closed)
     */
    String next() throws CameraUnavailableException;
}
