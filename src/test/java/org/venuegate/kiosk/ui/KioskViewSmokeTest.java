package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.kiosk.KioskFixture;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The real kiosk screen under headless Monocle: the pass and the stop screen, told apart by more than colour. */
@ExtendWith(ApplicationExtension.class)
class KioskViewSmokeTest {
    private final KioskFixture kiosk = new KioskFixture(EntryPolicy.DEFAULT);
    private PromptViewModel prompt;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Lang lang = new Lang(Locale.SIMPLIFIED_CHINESE);
        prompt = new PromptViewModel(lang, new FxUiExecutor(), Duration.ofMinutes(5), Voice.SILENT, "滨江道百货大楼", ZoneId.of("Asia/Shanghai"));
        StatusViewModel status = new StatusViewModel(lang, java.time.Clock.fixed(TestIssuer.T0, ZoneOffset.UTC),
                ZoneId.of("Asia/Shanghai"), Duration.ofHours(72));
        status.updateTrust(TestIssuer.T0.minus(Duration.ofHours(2)));
        status.updateSync(false, 3, null);
        scene = new Scene(KioskView.load(prompt, status, lang), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", dir.resolve(name).toFile());
    }

    @Test
    void passAndStopScreens(FxRobot robot) throws Exception {
        StackPane promptPane = robot.lookup(".prompt").queryAs(StackPane.class);
        robot.interact(() -> prompt.show(kiosk.engine.onCode(kiosk.issuer.green(), 0)));
        assertThat(promptPane.getPseudoClassStates()).contains(KioskView.PASS).doesNotContain(KioskView.STOP);
        assertThat(robot.lookup(".headline").queryAs(Label.class).getText()).isEqualTo("通行");
        assertThat(robot.lookup(".person").queryAs(Label.class).getText()).isEqualTo("张*明");
        assertThat(robot.lookup(".symbol").queryAs(javafx.scene.shape.SVGPath.class).getStyleClass()).contains("symbol-pass");
        snapshot(robot, "kiosk-pass.png");

        String red = kiosk.issuer.health(new HealthCode(2, "王*华", Colour.RED, true, java.util.Optional.empty(), false,
                TestIssuer.VENUE, TestIssuer.T0, TestIssuer.T0.plusSeconds(600), 9));
        robot.interact(() -> prompt.show(kiosk.engine.onCode(red, 0)));
        assertThat(promptPane.getPseudoClassStates()).contains(KioskView.STOP).doesNotContain(KioskView.PASS);
        assertThat(robot.lookup(".headline").queryAs(Label.class).getText()).isEqualTo("红码 请止步");
        assertThat(robot.lookup(".instruction").queryAs(Label.class).getText()).contains("12345");
        assertThat(robot.lookup(".symbol").queryAs(javafx.scene.shape.SVGPath.class).getStyleClass()).contains("symbol-stop");
        snapshot(robot, "kiosk-stop.png");
    }
}
