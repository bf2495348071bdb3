package org.venuegate.kiosk.ui;

import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.voice.SoundVoice;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The kiosk window on a stage: the prompt and the status bar, codes from a keyboard-wedge scanner (typed text ending
 * in Enter) or, through {@link #onDecoded}, from a camera loop or a serial-port scanner. Decisions are computed off
 * the FX thread.
 */
public final class KioskWindow implements AutoCloseable {
    private final KioskRuntime rt;
    private final UiExecutor executor;
    private final PromptViewModel prompt;
    private final StatusViewModel status;
    private final SoundVoice voice;
    private final StringBuilder typed = new StringBuilder();

    private KioskWindow(KioskRuntime rt, UiExecutor executor) {
        this.rt = rt;
        this.executor = executor;
        Lang lang = Lang.of(rt.config.language());
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        this.voice = new SoundVoice(rt.config.voice().language());
        this.prompt = new PromptViewModel(lang, executor, rt.config.promptDuration(),
                Boolean.TRUE.equals(rt.config.voice().enabled()) ? voice : Voice.SILENT, rt.device.venueName(), zone);
        this.status = new StatusViewModel(lang, Clock.systemUTC(), zone, rt.config.trustListMaxAge());
    }

    /** Opens the window; the caller starts the runtime. */
    public static KioskWindow open(Stage stage, KioskRuntime rt, UiExecutor executor, boolean windowed) {
        KioskWindow w = new KioskWindow(rt, executor);
        Lang lang = Lang.of(rt.config.language());
        rt.sync.addListener(s -> executor.onUi(() -> {
            w.status.updateSync(s.online(), s.pending(), s.lastSync());
            w.refreshTrustAndClock();
        }));
        w.status.updateSync(false, rt.journal.pendingCount(), rt.journal.lastSync().orElse(null));
        w.refreshTrustAndClock();
        String source = rt.config.camera().source();
        w.status.inputIsScanner(source.equals("scanner") || source.startsWith("serial:"));
        w.status.updateCamera("scanner".equals(source) ? "RUNNING" : "OPENING", null);

        Scene scene = new Scene(KioskView.load(w.prompt, w.status, lang), 1280, 800);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
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
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                askPinThenClose(stage, lang, rt.config.adminPin());
            } else if (e.getCode() == KeyCode.F2) {
                e.consume();
                w.showToday(stage, lang);
            } else if (e.getCode() == KeyCode.F3) {
                e.consume();
                ManualRegistrationDialog.show(stage, new ManualRegistrationViewModel(lang, rt::recordManual,
                        () -> rt.clock.now()), lang);
            }
        });
        stage.setTitle(lang.get("kiosk.title"));
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(!windowed);
        stage.setOnCloseRequest(e -> {
            if (rt.config.adminPin() != null) {
                e.consume();
                askPinThenClose(stage, lang, rt.config.adminPin());
            }
        });
        stage.show();
        return w;
    }

    /** A code read by any source, on any thread: decided off the FX thread, shown on it. */
    public void onDecoded(String text, long capturedNanos) {
        executor.run(() -> rt.engine.onCode(text, capturedNanos), prompt::show,
                err -> status.updateCamera("UNAVAILABLE", err.getMessage()));
    }

    /** Camera state from the capture loop, on any thread. */
    public void cameraState(String state, String reason) {
        executor.onUi(() -> status.updateCamera(state, reason));
    }

    /** F2: today's figures, behind the admin PIN when one is set. */
    private void showToday(Stage stage, Lang lang) {
        if (rt.config.adminPin() != null) {
            TextInputDialog pin = new TextInputDialog();
            pin.initOwner(stage);
            pin.setHeaderText(lang.get("kiosk.pin.prompt"));
            if (pin.showAndWait().filter(rt.config.adminPin()::equals).isEmpty()) {
                return;
            }
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        executor.run(() -> rt.journal.stats(TodayViewModel.today(zone), zone), stats -> {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
            a.initOwner(stage);
            a.setHeaderText(lang.get("kiosk.today.title"));
            a.setContentText(String.join("\n", new TodayViewModel(lang).lines(stats)));
            a.show();
        }, err -> status.updateCamera("UNAVAILABLE", err.getMessage()));
    }

    private void refreshTrustAndClock() {
        status.updateTrust(rt.trust.current() == null ? null : rt.trust.current().issuedAt());
        status.updateClock(rt.clock.wallClockSuspect(), rt.clock.skew());
    }

    private static void askPinThenClose(Stage stage, Lang lang, String pin) {
        if (pin == null) {
            Platform.exit();
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(stage);
        dialog.setHeaderText(lang.get("kiosk.pin.prompt"));
        dialog.showAndWait().filter(pin::equals).ifPresent(ok -> Platform.exit());
    }

    @Override
    public void close() {
        voice.close();
    }
}
