package org.venuegate.kiosk.capture;

/**
 * The camera (or scanner, or replay) cannot deliver right now; {@link #reason()} says why in terms a gatekeeper can
 * act on.
 */
public final class CameraUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No camera is connected at all (or the driver sees none). */
        NO_CAMERA,
        /** The camera chosen in the settings is not connected. */
        NOT_FOUND,
        /** Another program holds the camera, or the OS refused access. */
        BUSY,
        /** The camera went away while running. */
        UNPLUGGED,
        /** The driver did not answer in time. */
        TIMEOUT,
        /** The native driver failed to load or threw. */
        DRIVER_ERROR,
        /** A replay folder or video file is missing, empty, unreadable or damaged. */
        NO_FRAMES
    }

    private final Reason reason;

    public CameraUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CameraUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
