package org.venuegate.kiosk.capture;

/**
 * A stream of frames: a webcam, a folder of images, the demo's virtual camera. Implementations are used from one
 * thread at a time (the {@link CameraSupervisor}'s).
 */
public interface FrameSource extends InputDevice {

    /**
     * The next new frame, waiting at most a short, source-specific time for it.
     *
     * @return the frame, or {@code null} when no new frame arrived in that time
     * @throws CameraUnavailableException when the source is gone (unplugged, closed, hung)
     */
    Frame grab() throws CameraUnavailableException;
}
