package org.venuegate.demo;

import java.time.Duration;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.ui.KioskWindow;
import org.venuegate.phone.PhoneApp;
import org.venuegate.phone.PhoneVoice;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The phone window, and the virtual camera that points the kiosk at it. */
final class DemoWindows {
    private DemoWindows() {
    }

    /** @return the camera, for closing */
    static KioskCamera openPhone(FxUiExecutor executor, DemoEnvironment env, KioskWindow kiosk, double noise, boolean glare) {
        Stage stage = new Stage();
        PhoneApp.Phone phone = PhoneApp.Phone.open(stage, env.http, executor, env.hubUrl, Lang.of("zh-CN"), PhoneVoice.SILENT,
                "citizen", DemoSeeder.PASSWORD);
        stage.setX(960);
        stage.setY(0);
        VirtualCamera camera = new VirtualCamera(() -> phone.scene().getRoot(), Duration.ofMillis(200), noise, glare);
        return new KioskCamera(camera, kiosk::onDecoded, KioskCamera.states(kiosk::cameraState)).start();
    }
}
