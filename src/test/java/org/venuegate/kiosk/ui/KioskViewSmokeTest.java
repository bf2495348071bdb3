package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.kiosk.KioskFixture;
import org.venuegate.kiosk.TrustedClock;
import org.venuegate.testing.ScreenAudit;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The real kiosk screen under headless Monocle: each of the four decisions by its pseudo-class, symbol and words,
 * in both languages and at laptop, full-HD and 4K sizes: the verdict at least 8% of the screen height, nothing
 * cut off, the status bar inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class KioskViewSmokeTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** One decision for each category, from the kiosk's real engine. */
    private static List<Map.Entry<PromptState, String>> codes(KioskFixture kiosk) {
        String red = kiosk.issuer.health(new HealthCode(2, "王*华", Colour.RED, true, java.util.Optional.empty(), false,
                TestIssuer.VENUE, TestIssuer.T0, TestIssuer.T0.plusSeconds(600), 9));
        String green = kiosk.issuer.green();
        return List.of(Map.entry(PromptState.PASS, green), Map.entry(PromptState.HEALTH, red),
                Map.entry(PromptState.RESCAN, green), Map.entry(PromptState.INVALID, new TestIssuer().green()));
    }

    private Scene show(FxRobot robot, PromptViewModel prompt, StatusViewModel status, Lang lang, int w, int h) {
        Scene[] scene = new Scene[1];
        robot.interact(() -> {
            scene[0] = new Scene(KioskView.load(prompt, status, lang), w, h);
            stage.setScene(scene[0]);
            stage.setWidth(w);
            stage.setHeight(h);
            stage.show();
        });
        return scene[0];
    }

    @Test
    void everyCategoryInBothLanguagesAtEverySize(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String tag : new String[] {"zh-CN", "en"}) {
            Lang lang = Lang.of(tag);
            for (int[] size : new int[][] {{1366, 768}, {1920, 1080}, {3840, 2160}}) {
                KioskFixture kiosk = new KioskFixture(EntryPolicy.DEFAULT);
                PromptViewModel prompt = new PromptViewModel(lang, new FxUiExecutor(), Duration.ofMinutes(5), Voice.SILENT,
                        "天津市第一中心医院门诊楼", ZoneId.of("Asia/Shanghai"));
                StatusViewModel status = new StatusViewModel(lang, java.time.Clock.fixed(TestIssuer.T0, ZoneOffset.UTC),
                        ZoneId.of("Asia/Shanghai"), Duration.ofHours(72));
                status.updateTrust(TestIssuer.T0.minus(Duration.ofHours(2)));
                status.updateSync(false, 3, null);
                status.updateCamera("UNAVAILABLE", "NO_CAMERA");
                status.updateClock(new TrustedClock.Reading(TestIssuer.T0, TrustedClock.Source.HUB, Duration.ofMinutes(61)));
                Scene scene = show(robot, prompt, status, lang, size[0], size[1]);
                StackPane pane = robot.lookup(".prompt").queryAs(StackPane.class);
                for (Map.Entry<PromptState, String> c : codes(kiosk)) {
                    robot.interact(() -> prompt.show(kiosk.engine.onCode(c.getValue(), 0)));
                    WaitForAsyncUtils.waitForFxEvents();
                    String at = tag + " " + size[0] + "x" + size[1] + " " + c.getKey();
                    assertThat(prompt.stateProperty().get()).as(at).isEqualTo(c.getKey());
                    assertThat(pane.getPseudoClassStates()).as(at)
                            .contains(javafx.css.PseudoClass.getPseudoClass(c.getKey().name().toLowerCase(Locale.ROOT)));
                    assertThat(pane.getPseudoClassStates().contains(KioskView.STOP)).as(at).isEqualTo(c.getKey().stop());
                    Label verdict = robot.lookup(".verdict").queryAs(Label.class);
                    assertThat(verdict.getFont().getSize()).as(at + " verdict size").isGreaterThanOrEqualTo(0.08 * size[1]);
                    Node bar = robot.lookup(".status-bar").query();
                    Bounds b = bar.localToScene(bar.getBoundsInLocal());
                    assertThat(b.getMaxY()).as(at + " status bar inside the window").isLessThanOrEqualTo(size[1] + 0.5);
                    robot.interact(() -> problems.addAll(ScreenAudit.problems(scene, lang.locale(), ScreenAudit.none())
                            .stream().map(p -> at + ": " + p).toList()));
                    if (size[0] == 1366) {
                        snapshot(robot, scene, "kiosk-" + c.getKey().name().toLowerCase(Locale.ROOT) + "-" + tag + ".png");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theFourSymbolsDiffer(FxRobot robot) {
        assertThat(java.util.Set.of(KioskView.PASS_SYMBOL, KioskView.HEALTH_SYMBOL, KioskView.RESCAN_SYMBOL,
                KioskView.INVALID_SYMBOL, KioskView.IDLE_SYMBOL)).hasSize(5);
    }

    private void snapshot(FxRobot robot, Scene scene, String name) {
        org.venuegate.testing.Snapshots.save(robot, scene, name);
    }
}
