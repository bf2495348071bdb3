package org.venuegate.demo;

import javafx.application.Application;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.ui.KioskWindow;
import org.venuegate.review.ReviewApp;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The demo's windows in one JavaFX application: the kiosk, the review workstation and the phone. */
public final class DemoApp extends Application {
    /** Set by the launcher before {@link Application#launch}. */
    static volatile DemoEnvironment env;

    public static void launch(DemoEnvironment environment, double cameraNoise, boolean cameraGlare, int cameraBlur,
                              String realWebcam) {
        launch(environment, cameraNoise, cameraGlare, cameraBlur, realWebcam, "zh-CN");
    }

    /** @param lang "zh-CN" or "en": every window of the demo in that language */
    public static void launch(DemoEnvironment environment, double cameraNoise, boolean cameraGlare, int cameraBlur,
                              String realWebcam, String lang) {
        language = lang;
        // JavaFX's own texts (table placeholders, date pickers, dialogs) follow the default locale
        Lang.of(lang).useAsDefault();
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
    static volatile String language = "zh-CN";

    @Override
    public void start(Stage reviewStage) {
        DemoLayout layout = DemoLayout.of(javafx.stage.Screen.getPrimary().getVisualBounds());
        ReviewApp.open(reviewStage, env.http, executor, env.hubUrl, language, "reviewer-all", DemoSeeder.PASSWORD);
        DemoLayout.place(reviewStage, layout.review());
        Stage kioskStage = new Stage();
        kiosk = KioskWindow.open(kioskStage, env.kiosk, executor, true);
        DemoLayout.place(kioskStage, layout.kiosk());
        env.kiosk.start();
        camera = DemoWindows.openPhone(executor, env, kiosk, noise, glare, blur, webcam, language, layout.phone());
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
