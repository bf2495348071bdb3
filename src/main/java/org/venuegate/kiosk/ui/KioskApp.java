package org.venuegate.kiosk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.venuegate.kiosk.DeviceFile;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.Pairer;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The kiosk as its own application: the pairing screen on first run, then one {@link KioskWindow}, full screen
 * unless asked otherwise, fed by the configured camera.
 */
public final class KioskApp extends Application {
    /** Set by the launcher before {@link Application#launch}; JavaFX gives no constructor arguments. */
    private static volatile Path configDir;
    private static volatile Path dataDir;
    private static volatile KioskConfig config;
    private static volatile OkHttpClient http;
    private static volatile boolean windowed;

    public static void launch(Path config, Path data, KioskConfig cfg, OkHttpClient client, boolean inWindow) {
        configDir = config;
        dataDir = data;
        KioskApp.config = cfg;
        http = client;
        windowed = inWindow;
        Application.launch(KioskApp.class);
    }

    private final FxUiExecutor executor = new FxUiExecutor();
    private KioskRuntime runtime;
    private KioskWindow window;
    private KioskCamera camera;

    @Override
    public void start(Stage stage) {
        Lang lang = Lang.of(config.language());
        if (Files.exists(configDir.resolve(DeviceFile.NAME))) {
            run(stage, lang);
            return;
        }
        PairingViewModel vm = new PairingViewModel((code, label) -> Pairer.pair(http, config.hubUrl(), code, label, configDir),
                executor, lang, paired -> run(stage, lang));
        stage.setTitle(lang.get("kiosk.title"));
        stage.setScene(new Scene(PairingView.load(vm, lang, config.hubUrl()), 1280, 800));
        stage.show();
    }

    private void run(Stage stage, Lang lang) {
        try {
            runtime = new KioskRuntime(configDir, dataDir, config, http);
        } catch (java.io.IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText(lang.get("kiosk.title"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        window = KioskWindow.open(stage, runtime, executor, windowed);
        runtime.start();
        camera = KioskCamera.fromConfig(runtime.config.camera(), window::onDecoded, KioskCamera.states(window::cameraState));
        if (camera != null) {
            camera.start();
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
        if (runtime != null) {
            runtime.close();
        }
    }
}
