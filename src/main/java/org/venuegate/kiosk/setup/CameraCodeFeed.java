package org.venuegate.kiosk.setup;

import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.config.KioskConfig;

/**
 * The configured camera as a code feed: the same supervisor (open with a timeout, retry until the camera comes back)
 * and scan loop the kiosk scans with, so a poster that binds is one the kiosk can also read. Its frames also go to the
 * sink, for the bind step's preview.
 */
public final class CameraCodeFeed implements CodeFeed {
    private final KioskConfig.Camera camera;

    public CameraCodeFeed(KioskConfig.Camera camera) {
        this.camera = camera;
    }

    @Override
    public Handle open(Sink sink) {
        KioskCamera cam = KioskCamera.fromConfig(camera, (text, nanos) -> sink.code(text), KioskCamera.states(sink::camera),
                sink::frame);
        if (cam == null) {
            // "scanner": the code arrives as typed text in the bind step's field
            sink.camera("SCANNER", null);
            return () -> { };
        }
        cam.start();
        return cam::close;
    }
}
