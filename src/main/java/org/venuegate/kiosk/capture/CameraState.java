package org.venuegate.kiosk.capture;

/**
 * What the status bar shows about the camera.
 *
 * @param reason why it is unavailable (null otherwise)
 * @param detail a human-readable explanation for logs and the admin screen (null when running)
 */
public record CameraState(Status status, CameraUnavailableException.Reason reason, String detail) {
    public enum Status { OPENING, RUNNING, UNAVAILABLE, STOPPED }

    public static CameraState opening(String source) {
        return new CameraState(Status.OPENING, null, source);
    }

    public static CameraState running(String source) {
        return new CameraState(Status.RUNNING, null, source);
    }

    public static CameraState unavailable(CameraUnavailableException e) {
        return new CameraState(Status.UNAVAILABLE, e.reason(), e.getMessage());
    }

    public static CameraState stopped() {
        return new CameraState(Status.STOPPED, null, null);
    }
}
