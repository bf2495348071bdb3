package org.venuegate.demo;

import javafx.application.Application;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.ui.KioskWindow;
import org.venuegate.review.ReviewApp;
import org.venuegate.ui.FxUiExecutor;

/** The demo's windows in one JavaFX application: the kiosk, the review workstation and the phone. */
public final class DemoApp extends Application {
    /** Set by the launcher before {@link Application#launch}. */
    static volatile DemoEnvironment env;

    public static void launch(DemoEnvironment environment, double cameraNoise, boolean cameraGlare, int cameraBlur,
                              String realWebcam) {
        env = environment;
        blur = cameraBlur;
        webcam = realWebcam;
        noise = cameraNoise;
        glare = cameraGlare;
        Application.launch(DemoApp.class);
    }

    private final FxUiExecutor executor = new FxUiExecutor();
    private KioskWindow kiosk;
    private KioskCamera camera;
    static volatile double noise;
    static volatile boolean glare;
    static volatile String webcam;
    static volatile int blur;

    @Override
    public void start(Stage reviewStage) {
        ReviewApp.open(reviewStage, env.http, executor, env.hubUrl, "zh-CN", "reviewer-all", DemoSeeder.PASSWORD);
        reviewStage.setWidth(960);
        reviewStage.setHeight(700);
        reviewStage.setX(0);
        reviewStage.setY(0);
        Stage kioskStage = new Stage();
        kiosk = KioskWindow.open(kioskStage, env.kiosk, executor, true);
        kioskStage.setWidth(960);
        kioskStage.setHeight(640);
        kioskStage.setX(1360);
        kioskStage.setY(420);
        env.kiosk.start();
        camera = DemoWindows.openPhone(executor, env, kiosk, noise, glare, blur, webcam);
    }

    @Override
    public void stop() {
        executor.close();
        if (camera != null) {
            camera.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        env.close();
    }
}
