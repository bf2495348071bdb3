package org.venuegate.kiosk.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.capture.FrameSource;
import org.venuegate.ui.FxUiExecutor;

/** The kiosk as its own application: one {@link KioskWindow}, full screen unless asked otherwise. */
public final class KioskApp extends Application {
    /** Set by the launcher before {@link Application#launch}; JavaFX gives no constructor arguments. */
    static volatile KioskRuntime runtime;
    static volatile boolean windowed;

    public static void launch(KioskRuntime rt, boolean inWindow) {
        runtime = rt;
        windowed = inWindow;
        Application.launch(KioskApp.class);
    }

    private final FxUiExecutor executor = new FxUiExecutor();
    private KioskWindow window;
    private KioskCamera camera;

    @Override
    public void start(Stage stage) {
        window = KioskWindow.open(stage, runtime, executor, windowed);
        runtime.start();
        FrameSource source = KioskCamera.fromConfig(runtime.config.camera());
        if (source != null) {
            camera = new KioskCamera(source, window::onDecoded, KioskCamera.states(window::cameraState)).start();
        }
    }

    @Override
    public void stop() {
        executor.close();
        if (camera != null) {
            camera.close();
        }
        if (window != null) {
            window.close();
        }
        runtime.close();
    }
}
