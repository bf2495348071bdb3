package org.venuegate.kiosk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.capture.CameraState;
import org.venuegate.kiosk.capture.CameraSupervisor;
import org.venuegate.kiosk.capture.FrameSource;
import org.venuegate.kiosk.decode.FrameDecoder;
import org.venuegate.kiosk.decode.KioskDecoders;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The kiosk as its own application: the pairing screen on first run, then one {@link KioskWindow}, full screen
 * unless asked otherwise, fed by the configured camera.
 */
public final class KioskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);
    /** Set by the launcher before {@link Application#launch}; JavaFX gives no constructor arguments. */
    private static volatile Path configDir;
    private static volatile Path dataDir;
    private static volatile KioskConfig config;
    private static volatile Supplier<OkHttpClient> http;
    private static volatile boolean windowed;
    private static volatile Runnable onReady = () -> { };

    /**
     * @param ready called once, on any thread, when the kiosk is ready to scan: its window is showing and the camera
     *              delivers frames to the scan loop (or, with a keyboard-wedge scanner, as soon as the window shows)
     */
    public static void launch(Path config, Path data, KioskConfig cfg, Supplier<OkHttpClient> client, boolean inWindow,
                              Runnable ready) {
        configDir = config;
        dataDir = data;
        KioskApp.config = cfg;
        http = client;
        windowed = inWindow;
        onReady = ready;
        prepare();
        Application.launch(KioskApp.class);
    }

    public static void launch(Path config, Path data, KioskConfig cfg, OkHttpClient client, boolean inWindow) {
        launch(config, data, cfg, () -> client, inWindow, () -> { });
    }

    /** Built on helper threads while JavaFX starts (a paired kiosk only): the start-up path's slow parts run side by side. */
    private static volatile CompletableFuture<KioskRuntime> preparedRuntime;
    private static volatile CompletableFuture<FrameDecoder> preparedDecoder;

    private static void prepare() {
        if (!Files.exists(configDir.resolve(DeviceFile.NAME))) {
            return;
        }
        Executor helpers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kiosk-startup");
            t.setDaemon(true);
            return t;
        });
        // journal (SQLite), trust list (signature check), device file, HTTP client (TLS set-up)
        preparedRuntime = CompletableFuture.supplyAsync(() -> {
            try {
                return new KioskRuntime(configDir, dataDir, config, http.get());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, helpers);
        // the camera's decoders (ZXing and BoofCV), unless codes come from a keyboard-wedge scanner
        preparedDecoder = "scanner".equals(config.camera().source()) ? null
                : CompletableFuture.supplyAsync(KioskDecoders::full, helpers);
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
        PairingViewModel vm = new PairingViewModel((code, label) -> Pairer.pair(http.get(), config.hubUrl(), code, label, configDir),
                executor, lang, paired -> run(stage, lang));
        stage.setTitle(lang.get("kiosk.title"));
        stage.setScene(new Scene(PairingView.load(vm, lang, config.hubUrl()), 1280, 800));
        stage.show();
    }

    private void run(Stage stage, Lang lang) {
        try {
            CompletableFuture<KioskRuntime> prepared = preparedRuntime;
            preparedRuntime = null;
            runtime = prepared != null ? join(prepared) : new KioskRuntime(configDir, dataDir, config, http.get());
        } catch (java.io.IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText(lang.get("kiosk.title"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        window = KioskWindow.open(stage, runtime, executor, windowed);
        runtime.start();
        FrameSource source = KioskCamera.fromConfig(runtime.config.camera());
        ReadyGate ready = new ReadyGate(source == null ? 1 : 2, KioskApp::ready);
        ready.arrive(); // the window is showing
        if (source != null) {
            CameraSupervisor.Listener toStatusBar = KioskCamera.states(window::cameraState);
            CompletableFuture<FrameDecoder> decoder = preparedDecoder;
            preparedDecoder = null;
            camera = new KioskCamera(decoder != null ? decoder.join() : KioskDecoders.full(), source, window::onDecoded, s -> {
                toStatusBar.onState(s);
                if (s.status() == CameraState.Status.RUNNING) {
                    ready.arrive();
                }
            }).start();
        }
    }

    private static KioskRuntime join(CompletableFuture<KioskRuntime> f) throws java.io.IOException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            throw c instanceof RuntimeException r ? r : e;
        }
    }

    private static void ready() {
        LOG.info("Kiosk ready to scan");
        onReady.run();
    }

    /** Counts down the things that must be up before the kiosk can scan; runs the action once, at the last. */
    static final class ReadyGate {
        private final java.util.concurrent.atomic.AtomicInteger left;
        private final Runnable action;

        ReadyGate(int parts, Runnable action) {
            this.left = new java.util.concurrent.atomic.AtomicInteger(parts);
            this.action = action;
        }

        void arrive() {
            if (left.decrementAndGet() == 0) {
                action.run();
            }
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
