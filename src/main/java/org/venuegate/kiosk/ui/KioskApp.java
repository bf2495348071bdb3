package org.venuegate.kiosk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
import org.venuegate.kiosk.capture.CameraState;
import org.venuegate.kiosk.capture.CameraSupervisor;
import org.venuegate.kiosk.capture.WebcamFrameSource;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.decode.FrameDecoder;
import org.venuegate.kiosk.decode.KioskDecoders;
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
    private static volatile Supplier<OkHttpClient> http;
    private static volatile boolean windowed;
    private static volatile Runnable onReady = () -> { };

    /**
     * @param configFile kiosk.json; device.json, the binding and the trust list live beside it
     * @param ready      called once, on any thread, when the kiosk is ready to scan: its window is showing and the
     *                   camera delivers frames to the scan loop (or, with a keyboard-wedge scanner, as soon as the
     *                   window shows)
     */
    public static void launch(Path configFile, Path data, KioskConfig cfg, Supplier<OkHttpClient> client, boolean inWindow,
                              Runnable ready) {
        KioskApp.configFile = configFile.toAbsolutePath();
        dataDir = data;
        KioskApp.config = cfg;
        http = client;
        windowed = inWindow;
        onReady = ready;
        Lang.of(cfg.language()).useAsDefault();
        prepare();
        Application.launch(KioskApp.class);
    }

    public static void launch(Path configFile, Path data, KioskConfig cfg, OkHttpClient client, boolean inWindow) {
        launch(configFile, data, cfg, () -> client, inWindow, () -> { });
    }

    /** Built on helper threads while JavaFX starts (a kiosk ready to scan only): the slow parts run side by side. */
    private static volatile CompletableFuture<KioskRuntime> preparedRuntime;
    private static volatile CompletableFuture<FrameDecoder> preparedDecoder;
    /** Where the kiosk starts, read once before launch; null when it could not be read (start() reports why). */
    private static volatile KioskSetup.Step launchStep;

    private static void prepare() {
        try {
            launchStep = KioskSetup.next(configFile.getParent());
        } catch (IOException e) {
            launchStep = null;
            return;
        }
        if (launchStep != KioskSetup.Step.RUN) {
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
                return new KioskRuntime(configFile.getParent(), dataDir, config, http.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, helpers);
        // the camera's decoders (ZXing, BoofCV and, where OpenCV's natives load, the WeChat engine: loading those is
        // done here, off the FX thread), unless codes come from a scanner
        preparedDecoder = config.camera().isScanner() ? null
                : CompletableFuture.supplyAsync(KioskDecoders::full, helpers);
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
        KioskSetup.Step step = launchStep;
        if (step == null) {
            try {
                step = KioskSetup.next(configDir);
            } catch (IOException e) {
                fatal(Lang.of(config.language()), e.getMessage());
                return;
            }
        }
        if (step == KioskSetup.Step.RUN) {
            run(stage, config);
            return;
        }
        SetupWizard.Services services = new SetupWizard.Services(
                (code, label) -> Pairer.pair(http.get(), config.hubUrl(), code, label, configDir),
                CameraCodeFeed::new, () -> WebcamFrameSource.cameraNames(CAMERA_SEARCH_TIMEOUT), http.get());
        wizard = new SetupWizard(stage, executor, configFile, config, services, saved -> {
            wizard = null;
            run(stage, saved);
        });
        wizard.start(step);
    }

    private void run(Stage stage, KioskConfig cfg) {
        Lang lang = Lang.of(cfg.language());
        try {
            CompletableFuture<KioskRuntime> prepared = preparedRuntime;
            preparedRuntime = null;
            // the prepared runtime was built from the configuration read at launch; the wizard may have changed it
            runtime = prepared != null && cfg == config ? join(prepared)
                    : new KioskRuntime(configFile.getParent(), dataDir, cfg, http.get());
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
                KioskApp.this.restartCamera(cam, null);
            }

            @Override
            public SettingsViewModel.CameraLister cameras() {
                return () -> WebcamFrameSource.cameraNames(CAMERA_SEARCH_TIMEOUT);
            }
        });
        runtime.start();
        ReadyGate ready = new ReadyGate(2, KioskApp::ready);
        ready.arrive(); // the window is showing
        restartCamera(cfg.camera(), ready);
    }

    /**
     * Closes the old camera and opens the new one off the FX thread: the webcam driver can take seconds, or hang.
     * {@code ready}, at start only, hears when frames (or a scanner's lines) first flow.
     */
    private void restartCamera(KioskConfig.Camera cam, ReadyGate ready) {
        KioskCamera old = camera;
        camera = null;
        KioskWindow w = window;
        CompletableFuture<FrameDecoder> decoder = preparedDecoder;
        preparedDecoder = null;
        CameraSupervisor.Listener toStatusBar = KioskCamera.states(w::cameraState);
        CameraSupervisor.Listener states = ready == null ? toStatusBar : s -> {
            toStatusBar.onState(s);
            if (s.status() == CameraState.Status.RUNNING) {
                ready.arrive();
            }
        };
        executor.run(() -> {
            if (old != null) {
                old.close();
            }
            KioskCamera started = KioskCamera.fromConfig(cam, decoder == null ? KioskDecoders::full : decoder::join,
                    w::onDecoded, states);
            return started == null ? null : started.start();
        }, started -> {
            camera = started;
            if (started == null) {
                w.cameraState("RUNNING", null); // the wedge scanner needs nothing opened
                if (ready != null) {
                    ready.arrive();
                }
            }
        }, e -> {
            LOG.error("camera could not be started", e);
            w.cameraState("UNAVAILABLE", String.valueOf(e.getMessage()));
        });
    }

    private static KioskRuntime join(CompletableFuture<KioskRuntime> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
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
        private final AtomicInteger left;
        private final Runnable action;

        ReadyGate(int parts, Runnable action) {
            this.left = new AtomicInteger(parts);
            this.action = action;
        }

        void arrive() {
            if (left.decrementAndGet() == 0) {
                action.run();
            }
        }
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
