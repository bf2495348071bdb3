package org.venuegate.kiosk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigWriter;
import org.venuegate.kiosk.setup.CodeFeed;
import org.venuegate.kiosk.setup.PinGate;
import org.venuegate.kiosk.setup.VenueBinder;
import org.venuegate.kiosk.sync.SyncStatus;
import org.venuegate.kiosk.voice.SoundVoice;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The kiosk window on a stage: the prompt and the status bar, codes from a keyboard-wedge scanner (typed text ending
 * in Enter) or, through {@link #onDecoded}, from a camera loop or a serial-port scanner. Decisions are computed off
 * the FX thread.
 *
 * <p>Keys: F2 today's figures, F3 manual registration, F4 settings, ESC exit. F2, F4 and ESC (and closing the window)
 * ask for the admin PIN when one is set; one {@link PinGate} counts wrong PINs for all of them.
 */
public final class KioskWindow implements AutoCloseable {
    /** What the running kiosk's settings need from the application around the window. */
    public interface Host {
        /** The kiosk.json the settings write. */
        Path configFile();

        /** Stops the current camera and starts {@code camera} off the FX thread, reporting through {@link #cameraState}. */
        void restartCamera(KioskConfig.Camera camera);

        SettingsViewModel.CameraLister cameras();
    }

    private final KioskRuntime rt;
    private final UiExecutor executor;
    private final Stage stage;
    /** Null where the settings belong to someone else (the demo). */
    private final Host host;
    private final PinGate pin;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");
    private final StringBuilder typed = new StringBuilder();
    private KioskConfig config;
    private Lang lang;
    private PromptViewModel prompt;
    private StatusViewModel status;
    private SoundVoice voice;
    private Scene scene;
    private Stage settings;
    private SyncStatus lastSync;
    private volatile String cameraState;
    private volatile String cameraDetail;
    /** While the venue is re-bound, the codes the camera reads go to the bind step instead of the engine. */
    private volatile CodeFeed.Sink rebind;

    private KioskWindow(Stage stage, KioskRuntime rt, UiExecutor executor, Host host) {
        this.stage = stage;
        this.rt = rt;
        this.executor = executor;
        this.host = host;
        this.config = rt.config;
        // read at every check: a PIN chosen in the settings applies at once
        this.pin = new PinGate(() -> config.adminPin());
    }

    /** The windowed kiosk's scene (full screen takes the whole screen): fits a 1366 × 768 screen with its title bar. */
    static final double KIOSK_WIDTH = 1280;
    static final double KIOSK_HEIGHT = 720;

    /** Opens the window without a settings screen (the demo, whose configuration is not a file); F4 says so. */
    public static KioskWindow open(Stage stage, KioskRuntime rt, UiExecutor executor, boolean windowed) {
        return open(stage, rt, executor, windowed, null);
    }

    /** Opens the window; the caller starts the runtime and the camera. */
    public static KioskWindow open(Stage stage, KioskRuntime rt, UiExecutor executor, boolean windowed, Host host) {
        KioskWindow w = new KioskWindow(stage, rt, executor, host);
        w.lastSync = new SyncStatus(false, rt.journal.pendingCount(), rt.journal.lastSync().orElse(null), null);
        w.cameraState = "scanner".equals(rt.config.camera().source()) ? "RUNNING" : "OPENING";
        javafx.geometry.Dimension2D size = org.venuegate.ui.WindowSize.fitting(KIOSK_WIDTH, KIOSK_HEIGHT);
        w.scene = new Scene(w.buildScreen(), size.getWidth(), size.getHeight());
        rt.sync.addListener(s -> executor.onUi(() -> {
            w.lastSync = s;
            w.status.updateSync(s.online(), s.pending(), s.lastSync(), s.needsPairing());
            w.refreshTrustAndClock();
        }));
        w.scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (w.panelOpen()) {
                return; // typing into a panel's fields is not a wedge scanner's code
            }
            String ch = e.getCharacter();
            if (ch.equals("\r") || ch.equals("\n")) {
                String text = w.typed.toString();
                w.typed.setLength(0);
                if (!text.isBlank()) {
                    w.onDecoded(text, System.nanoTime());
                }
            } else if (!ch.isEmpty() && ch.charAt(0) >= 0x20) {
                w.typed.append(ch);
            }
        });
        w.scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (w.panelOpen()) {
                if (e.getCode() == KeyCode.ESCAPE) {
                    e.consume();
                    w.closePanel();
                }
                return;
            }
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                w.withPin(PinViewModel.Purpose.EXIT, Platform::exit);
            } else if (e.getCode() == KeyCode.F2) {
                e.consume();
                w.withPin(PinViewModel.Purpose.TODAY, w::showToday);
            } else if (e.getCode() == KeyCode.F3) {
                e.consume();
                w.showPanel(ManualRegistrationView.load(new ManualRegistrationViewModel(w.lang, rt::recordManual,
                        () -> rt.clock.now()), w.lang, w::closePanel));
            } else if (e.getCode() == KeyCode.F4) {
                e.consume();
                w.withPin(PinViewModel.Purpose.SETTINGS, w::openSettings);
            }
        });
        stage.setTitle(w.lang.get("kiosk.title"));
        stage.setScene(w.scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(!windowed);
        stage.setOnCloseRequest(e -> {
            if (w.pin.required()) {
                e.consume();
                w.withPin(PinViewModel.Purpose.EXIT, Platform::exit);
            }
        });
        stage.show();
        return w;
    }

    /** The prompt and status bar in the current language and voice, filled with what is known now. */
    private Parent buildScreen() {
        lang = Lang.of(config.language());
        SoundVoice old = voice;
        voice = new SoundVoice(config.voice().language());
        if (old != null) {
            old.close();
        }
        prompt = new PromptViewModel(lang, executor, config.promptDuration(),
                Boolean.TRUE.equals(config.voice().enabled()) ? voice : Voice.SILENT, rt.device.venueName(), zone);
        status = new StatusViewModel(lang, rt.clock.asClock(), zone, config.trustListMaxAge());
        status.updateSync(lastSync.online(), lastSync.pending(), lastSync.lastSync(), lastSync.needsPairing());
        boolean scanner = config.camera().isScanner();
        status.inputIsScanner(scanner);
        prompt.inputIsScanner(scanner);
        status.updateCamera(cameraState, cameraDetail);
        refreshTrustAndClock();
        Parent screen = KioskView.load(prompt, status, lang);
        // Panels (F2, F3) and the dimming behind the F4 window sit over the prompt, sized in the screen's em.
        panelLayer = new StackPane();
        panelLayer.getStyleClass().add("panel-layer");
        panelLayer.setVisible(false);
        StackPane root = new StackPane(screen, panelLayer);
        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskWindow.class.getResource("kiosk.css").toExternalForm());
        root.heightProperty().addListener((o, a, h) -> panelLayer.setStyle(String.format(java.util.Locale.ROOT,
                "-fx-font-size: %.2fpx;", Math.max(13, h.doubleValue() * 0.02))));
        return root;
    }

    private StackPane panelLayer;

    /** True while a panel (or the backdrop of the settings window) covers the prompt. */
    boolean panelOpen() {
        return panelLayer != null && panelLayer.isVisible();
    }

    /** Shows {@code panel} over a dimmed prompt; null shows the backdrop alone. */
    void showPanel(Parent panel) {
        javafx.scene.layout.Region backdrop = new javafx.scene.layout.Region();
        backdrop.getStyleClass().add("backdrop");
        panelLayer.getChildren().setAll(backdrop);
        if (panel != null) {
            panelLayer.getChildren().add(panel);
        }
        panelLayer.setVisible(true);
    }

    void closePanel() {
        panelLayer.getChildren().clear();
        panelLayer.setVisible(false);
    }

    /** A code read by any source, on any thread: decided off the FX thread, shown on it. */
    public void onDecoded(String text, long capturedNanos) {
        CodeFeed.Sink bindStep = rebind;
        if (bindStep != null) {
            bindStep.code(text);
            return;
        }
        executor.run(() -> rt.engine.onCode(text, capturedNanos), outcome -> prompt.show(outcome),
                err -> status.updateCamera("UNAVAILABLE", err.getMessage()));
    }

    /** Camera state from the capture loop, on any thread. */
    public void cameraState(String state, String reason) {
        cameraState = state;
        cameraDetail = reason;
        CodeFeed.Sink bindStep = rebind;
        if (bindStep != null) {
            bindStep.camera(state, reason);
        }
        executor.onUi(() -> status.updateCamera(state, reason));
    }

    /** Runs {@code action} at once without a PIN, else after the right one. */
    private void withPin(PinViewModel.Purpose purpose, Runnable action) {
        if (!pin.required()) {
            action.run();
            return;
        }
        PinDialog.show(stage, new PinViewModel(pin, lang, purpose, action), lang);
    }

    /** F2: today's figures and a chart of the day by hour and category, as a panel over the prompt. */
    private void showToday() {
        executor.run(() -> rt.journal.stats(TodayViewModel.today(zone), zone),
                stats -> showPanel(TodayView.load(new TodayViewModel(lang, stats), lang, this::closePanel)),
                err -> status.updateCamera("UNAVAILABLE", err.getMessage()));
    }

    /** F4: camera, language, voice, PIN and re-binding, in a window of its own over the kiosk. */
    private void openSettings() {
        if (host == null) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, lang.get("kiosk.settings.unavailable"));
            a.initOwner(stage);
            a.show();
            return;
        }
        if (settings != null && settings.isShowing()) {
            settings.toFront();
            return;
        }
        settings = new Stage();
        settings.initOwner(stage);
        settings.initModality(Modality.WINDOW_MODAL);
        settings.setTitle(lang.get("kiosk.settings.title"));
        settings.setOnHidden(e -> {
            rebind = null;
            closePanel();
        });
        showSettingsScreen(null);
        showPanel(null);
        settings.show();
    }

    private void showSettingsScreen(String note) {
        Stage window = settings;
        SettingsViewModel vm = new SettingsViewModel(config, SettingsViewModel.Mode.RUNNING, host.cameras(),
                s -> KioskConfigWriter.save(host.configFile(), s), executor, lang, saved -> {
                    window.close();
                    apply(saved);
                }, this::showRebind, window::close);
        setRoot(window, SettingsView.load(vm, lang));
        if (note != null) {
            vm.note(note);
        }
        vm.refreshCameras();
    }

    /** Re-bind from the settings: the poster is read by the camera already running (or typed), then back to settings. */
    private void showRebind() {
        Stage window = settings;
        VenueBinder binder = new VenueBinder(rt.trust::current, rt.device.venueId(), rt.clock::now, rt.configDir);
        boolean scanner = "scanner".equals(config.camera().source());
        CodeFeed feed = sink -> {
            rebind = sink;
            sink.camera(scanner ? "SCANNER" : cameraState, scanner ? null : cameraDetail);
            return () -> {
                if (rebind == sink) {
                    rebind = null;
                }
            };
        };
        BindVenueViewModel vm = new BindVenueViewModel(binder::bind, feed, executor, lang, rt.device.venueName(),
                rt.device.venueNumber(), SettingsViewModel.Mode.RUNNING,
                binding -> showSettingsScreen(lang.get("kiosk.settings.rebound", binding.venueName())),
                () -> showSettingsScreen(null));
        setRoot(window, BindVenueView.load(vm, lang));
        vm.start();
    }

    private static void setRoot(Stage window, Parent root) {
        if (window.getScene() == null) {
            window.setScene(new Scene(root));
        } else {
            window.getScene().setRoot(root);
        }
        window.sizeToScene();
    }

    /**
     * Takes saved settings into use: the camera restarts off the FX thread when it changed, and the screen is rebuilt
     * in the new language with the new voice. What the engine was built with at start needs a restart, and says so.
     */
    void apply(KioskConfig saved) {
        KioskConfig before = config;
        config = saved;
        if (!before.camera().equals(saved.camera())) {
            cameraState = "scanner".equals(saved.camera().source()) ? "RUNNING" : "OPENING";
            cameraDetail = null;
            host.restartCamera(saved.camera());
        }
        scene.setRoot(buildScreen());
        stage.setTitle(lang.get("kiosk.title"));
        if (saved.startupFieldsDiffer(rt.config)) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, lang.get("kiosk.settings.restartNeeded"));
            a.initOwner(stage);
            a.show();
        }
    }

    private void refreshTrustAndClock() {
        status.updateTrust(rt.trust.current() == null ? null : rt.trust.current().issuedAt());
        status.updateClock(rt.clock.read());
    }

    @Override
    public void close() {
        rebind = null;
        voice.close();
    }
}
