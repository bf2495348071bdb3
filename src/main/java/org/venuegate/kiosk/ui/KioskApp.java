package org.venuegate.kiosk.ui;

import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.voice.SoundVoice;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The kiosk window: full screen, codes from a keyboard-wedge scanner (typed text ending in Enter), decisions
 * computed off the FX thread and shown on it. Exit needs the admin PIN when one is configured.
 */
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
    private final StringBuilder typed = new StringBuilder();
    private SoundVoice voice;

    @Override
    public void start(Stage stage) {
        KioskRuntime rt = runtime;
        Lang lang = Lang.of(rt.config.language());
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        voice = new SoundVoice(rt.config.voice().language());
        PromptViewModel prompt = new PromptViewModel(lang, executor, rt.config.promptDuration(),
                Boolean.TRUE.equals(rt.config.voice().enabled()) ? voice : Voice.SILENT, rt.device.venueName(), zone);
        StatusViewModel status = new StatusViewModel(lang, Clock.systemUTC(), zone, rt.config.trustListMaxAge());
        rt.sync.addListener(s -> executor.onUi(() -> {
            status.updateSync(s.online(), s.pending(), s.lastSync());
            status.updateTrust(rt.trust.current() == null ? null : rt.trust.current().issuedAt());
            status.updateClock(rt.clock.wallClockSuspect(), rt.clock.skew());
        }));
        status.updateSync(false, rt.journal.pendingCount(), rt.journal.lastSync().orElse(null));
        status.updateTrust(rt.trust.current() == null ? null : rt.trust.current().issuedAt());
        status.updateCamera("scanner".equals(rt.config.camera().source()) ? "RUNNING" : "OPENING", null);

        Scene scene = new Scene(KioskView.load(prompt, status, lang), 1280, 800);
        // A keyboard-wedge scanner types the code and presses Enter; collect it without any focused text field.
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch.equals("\r") || ch.equals("\n")) {
                String text = typed.toString();
                typed.setLength(0);
                if (!text.isBlank()) {
                    long captured = System.nanoTime();
                    executor.run(() -> rt.engine.onCode(text, captured), prompt::show,
                            err -> status.updateCamera("UNAVAILABLE", err.getMessage()));
                }
            } else if (!ch.isEmpty() && ch.charAt(0) >= 0x20) {
                typed.append(ch);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                askPinThenExit(stage, lang, rt.config.adminPin());
            }
        });
        stage.setTitle(lang.get("kiosk.title"));
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(!windowed);
        stage.setOnCloseRequest(e -> {
            if (rt.config.adminPin() != null) {
                e.consume();
                askPinThenExit(stage, lang, rt.config.adminPin());
            }
        });
        stage.show();
        rt.start();
    }

    private void askPinThenExit(Stage stage, Lang lang, String pin) {
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
    public void stop() {
        executor.close();
        if (voice != null) {
            voice.close();
        }
        runtime.close();
    }
}
