package org.venuegate.kiosk.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.Pairer;
import org.venuegate.kiosk.capture.WebcamFrameSource;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.setup.CameraCodeFeed;
import org.venuegate.kiosk.setup.KioskSetup;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The kiosk as its own application: the setup wizard until the kiosk is paired and bound to its venue (it never scans
 * before), then one {@link KioskWindow}, full screen unless asked otherwise, fed by the configured camera.
 */
public final class KioskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);
    /** Webcam discovery for the settings' camera list; "none" comes back in about 300 ms on a PC without one. */
    static final Duration CAMERA_SEARCH_TIMEOUT = Duration.ofSeconds(4);

    /** Set by the launcher before {@link Application#launch}; JavaFX gives no constructor arguments. */
    private static volatile Path configFile;
    private static volatile Path dataDir;
    private static volatile KioskConfig config;
    private static volatile OkHttpClient http;
    private static volatile boolean windowed;

    /** @param configFile kiosk.json; device.json, the binding and the trust list live beside it */
    public static void launch(Path configFile, Path data, KioskConfig cfg, OkHttpClient client, boolean inWindow) {
        KioskApp.configFile = configFile.toAbsolutePath();
        dataDir = data;
        KioskApp.config = cfg;
        http = client;
        windowed = inWindow;
        Application.launch(KioskApp.class);
    }

    private final FxUiExecutor executor = new FxUiExecutor();
    private KioskRuntime runtime;
    private KioskWindow window;
    private SetupWizard wizard;
    /** Replaced when the settings change the camera; only touched on the FX thread. */
    private KioskCamera camera;

    @Override
    public void start(Stage stage) {
        Path configDir = configFile.getParent();
        KioskSetup.Step step;
        try {
            step = KioskSetup.next(configDir);
        } catch (IOException e) {
            fatal(Lang.of(config.language()), e.getMessage());
            return;
        }
        if (step == KioskSetup.Step.RUN) {
            run(stage, config);
            return;
        }
        SetupWizard.Services services = new SetupWizard.Services(
                (code, label) -> Pairer.pair(http, config.hubUrl(), code, label, configDir),
                CameraCodeFeed::new, () -> WebcamFrameSource.cameraNames(CAMERA_SEARCH_TIMEOUT), http);
        wizard = new SetupWizard(stage, executor, configFile, config, services, saved -> {
            wizard = null;
            run(stage, saved);
        });
        wizard.start(step);
    }

    private void run(Stage stage, KioskConfig cfg) {
        Lang lang = Lang.of(cfg.language());
        try {
            runtime = new KioskRuntime(configFile.getParent(), dataDir, cfg, http);
        } catch (IOException | RuntimeException e) {
            fatal(lang, e.getMessage());
            return;
        }
        window = KioskWindow.open(stage, runtime, executor, windowed, new KioskWindow.Host() {
            @Override
            public Path configFile() {
                return configFile;
            }

            @Override
            public void restartCamera(KioskConfig.Camera cam) {
                KioskApp.this.restartCamera(cam);
            }

            @Override
            public SettingsViewModel.CameraLister cameras() {
                return () -> WebcamFrameSource.cameraNames(CAMERA_SEARCH_TIMEOUT);
            }
        });
        runtime.start();
        restartCamera(cfg.camera());
    }

    /** Closes the old camera and opens the new one off the FX thread: the webcam driver can take seconds, or hang. */
    private void restartCamera(KioskConfig.Camera cam) {
        KioskCamera old = camera;
        camera = null;
        KioskWindow w = window;
        executor.run(() -> {
            if (old != null) {
                old.close();
            }
            KioskCamera started = KioskCamera.fromConfig(cam, w::onDecoded, KioskCamera.states(w::cameraState));
            return started == null ? null : started.start();
        }, started -> {
            camera = started;
            if (started == null) {
                w.cameraState("RUNNING", null); // the wedge scanner needs nothing opened
            }
        }, e -> {
            LOG.error("camera could not be started", e);
            w.cameraState("UNAVAILABLE", String.valueOf(e.getMessage()));
        });
    }

    private static void fatal(Lang lang, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(lang.get("kiosk.title"));
        a.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (wizard != null) {
            wizard.close();
        }
        executor.close();
        if (camera != null) {
            camera.close();
        }
        if (window != null) {
            window.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }
}
