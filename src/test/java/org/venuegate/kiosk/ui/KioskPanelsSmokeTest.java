package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.config.KioskConfigLoader;
import org.venuegate.testing.ScreenAudit;
import org.venuegate.ui.FxUiExecutor;

/**
 * F2 and F3 as panels over a dimmed prompt, on a 1366 x 768 laptop, in both languages: today's figures with the
 * chart by hour and category, the registration form whose error is shown whole, Esc closing each, and typing into
 * a panel never read as a scanner's code.
 */
@ExtendWith(ApplicationExtension.class)
class KioskPanelsSmokeTest {
    private final FxUiExecutor executor = new FxUiExecutor();
    private Stage stage;
    private KioskRuntime rt;
    private KioskWindow window;
    private SetupFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(FxRobot robot, String language) throws Exception {
        Path root = Files.createTempDirectory("kiosk-panels");
        fixture = new SetupFixture(root.resolve("kiosk-config"));
        Path configFile = fixture.configDir.resolve("kiosk.json");
        ObjectNode cfg = (ObjectNode) Json.mapper().readTree(Path.of("kiosk-config/kiosk.example.json").toFile());
        ((ObjectNode) cfg.get("camera")).put("source", "scanner");
        ((ObjectNode) cfg.get("voice")).put("enabled", false);
        cfg.put("language", language);
        cfg.remove("adminPin");
        Files.writeString(configFile, Json.mapper().writeValueAsString(cfg));
        rt = new KioskRuntime(fixture.configDir, root.resolve("data"), KioskConfigLoader.load(configFile), new OkHttpClient());
        robot.interact(() -> {
            window = KioskWindow.open(stage, rt, executor, true);
            stage.getScene().getWindow().setWidth(1366);
            stage.getScene().getWindow().setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
        if (window != null) {
            window.close();
        }
        if (rt != null) {
            rt.close();
        }
    }

    private String code(Colour colour, long nonce) {
        return fixture.issuer.health(new HealthCode(1, "李*", colour, true, Optional.empty(), false, TestIssuer.VENUE,
                Instant.now(), Instant.now().plusSeconds(600), nonce));
    }

    private List<String> audit(FxRobot robot, Scene scene, String language) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> out.addAll(ScreenAudit.problems(scene, java.util.Locale.forLanguageTag(language), ScreenAudit.keyNames())));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void todaysFiguresAndTheRegistrationFormArePanelsWithRoomForEverything(String language, FxRobot robot) throws Exception {
        open(robot, language);
        rt.engine.onCode(code(Colour.GREEN, 1), System.nanoTime());
        rt.engine.onCode(code(Colour.GREEN, 2), System.nanoTime());
        rt.engine.onCode(code(Colour.RED, 3), System.nanoTime());
        rt.engine.onCode(fixture.poster(), System.nanoTime());
        rt.engine.onCode(new TestIssuer().green(), System.nanoTime());
        Scene scene = stage.getScene();

        robot.type(KeyCode.F2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".today-panel").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> chart = robot.lookup(".today-chart").queryAs(StackedBarChart.class);
        assertThat(chart.getData()).hasSize(4);
        long[] perCategory = chart.getData().stream()
                .mapToLong(s -> s.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum()).toArray();
        assertThat(perCategory).containsExactly(2, 1, 1, 1);
        assertThat(robot.lookup(".backdrop").tryQuery()).isPresent();
        assertThat(audit(robot, scene, language)).isEmpty();
        snapshot(robot, scene, "kiosk-today-" + language + ".png");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".today-panel").tryQuery()).as("Esc closes the panel, not the kiosk").isEmpty();
        assertThat(stage.isShowing()).isTrue();

        long before = rt.journal.pendingCount();
        robot.type(KeyCode.F3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".manual-panel").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#idNumber").queryAs(TextField.class)).write("12010119900101123");
        robot.clickOn(robot.lookup("#name").queryAs(TextField.class)).write("Wang");
        robot.clickOn(robot.lookup("#submit").queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup(".panel-error").queryAs(Label.class);
        assertThat(error.getText()).isNotEmpty();
        assertThat(audit(robot, scene, language)).as("the error is shown whole").filteredOn(p -> p.startsWith("cut off")).isEmpty();
        snapshot(robot, scene, "kiosk-manual-" + language + ".png");
        assertThat(rt.journal.pendingCount()).as("typing into the form is not a scanned code").isEqualTo(before);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".manual-panel").tryQuery()).isEmpty();
    }

    private void snapshot(FxRobot robot, Scene scene, String name) {
        org.venuegate.testing.Snapshots.save(robot, scene, name);
    }
}
