package org.venuegate.demo;

import java.time.Duration;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.ui.KioskWindow;
import org.venuegate.phone.PhoneApp;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The phone window, and the virtual camera that points the kiosk at it. */
final class DemoWindows {
    private DemoWindows() {
    }

    /** @return the camera, for closing */
    static KioskCamera openPhone(FxUiExecutor executor, DemoEnvironment env, KioskWindow kiosk, double noise, boolean glare,
                                 int blur, String webcam, String language, javafx.geometry.Rectangle2D where) {
        Stage stage = new Stage();
        org.venuegate.kiosk.voice.SoundVoice sound = new org.venuegate.kiosk.voice.SoundVoice(language);
        PhoneApp.Phone phone = PhoneApp.Phone.open(stage, env.http, executor, env.hubUrl, Lang.of(language),
                venueName -> sound.announcePass(), "citizen", DemoSeeder.PASSWORD);
        DemoLayout.place(stage, where);
        // A real webcam when one is named (hold a real phone, or this screen, in front of it); else the virtual one.
        org.venuegate.kiosk.capture.FrameSource source = webcam != null
                ? new org.venuegate.kiosk.capture.WebcamFrameSource(webcam.isEmpty() ? null : webcam, 640, 480)
                : new VirtualCamera(() -> phone.scene().getRoot(), Duration.ofMillis(200), noise, glare, blur);
        return new KioskCamera(source, kiosk::onDecoded, KioskCamera.states(kiosk::cameraState)).start();
    }
}
