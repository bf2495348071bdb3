package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The build machines have no camera: opening must fail fast with a typed reason, never hang or crash. */
class WebcamFrameSourceTest {
    @Test
    void noCameraIsReportedAsUnavailableWithinTheTimeout() {
        WebcamFrameSource s = new WebcamFrameSource(null, 640, 480);
        long t0 = System.nanoTime();
        CameraUnavailableException e = catchThrowableOfType(CameraUnavailableException.class,
                () -> s.open(Duration.ofSeconds(3)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        s.close();
        assertThat(e).isNotNull();
        assertThat(e.reason()).isIn(CameraUnavailableException.Reason.NO_CAMERA,
                CameraUnavailableException.Reason.DRIVER_ERROR, CameraUnavailableException.Reason.TIMEOUT);
        assertThat(e.getMessage()).isNotBlank();
        assertThat(ms).isLessThan(4000);
    }

    @Test
    void grabBeforeOpenIsUnavailable() {
        WebcamFrameSource s = new WebcamFrameSource("Nope", 640, 480);
        assertThat(catchThrowableOfType(CameraUnavailableException.class, s::grab).reason())
                .isEqualTo(CameraUnavailableException.Reason.UNPLUGGED);
        s.close();
    }
}
