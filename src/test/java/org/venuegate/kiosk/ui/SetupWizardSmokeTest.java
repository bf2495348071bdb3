package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;
import org.venuegate.kiosk.setup.KioskSetup;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.ui.FxUiExecutor;

/**
 * The setup wizard's steps 2 and 3 under headless Monocle, as a kiosk paired from the command line meets them: a wrong
 * poster is refused with the reason, the right code typed by a wedge scanner binds, then camera (none on this machine),
 * language, voice and a first admin PIN are saved to kiosk.json.
 */
@ExtendWith(ApplicationExtension.class)
class SetupWizardSmokeTest {
    private final FakeCodeFeed camera = new FakeCodeFeed();
    private final List<KioskConfig> done = new CopyOnWriteArrayList<>();
    private final FxUiExecutor executor = new FxUiExecutor();
    private SetupFixture fixture;
    private Path configFile;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("wizard-smoke").resolve("kiosk-config");
        fixture = new SetupFixture(dir);
        configFile = dir.resolve("kiosk.json");
        Files.writeString(configFile, "{\"camera\": {\"source\": \"webcam\"}}\n");
        KioskConfig cfg = KioskConfigLoader.load(configFile);
        assertThat(KioskSetup.next(dir)).isEqualTo(KioskSetup.Step.BIND);
        SetupWizard.Services services = new SetupWizard.Services((code, label) -> {
            throw new IllegalStateException("already paired");
        }, cam -> camera, List::of, null);
        new SetupWizard(stage, executor, configFile, cfg, services, done::add).start(KioskSetup.Step.BIND);
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        Scene scene = stage.getScene();
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", dir.resolve(name).toFile());
    }

    @Test
    void bindWithTheRightPosterThenChooseCameraLanguageVoiceAndPin(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#code").tryQuery().isPresent() && camera.isOpen());
        Label message = robot.lookup("#message").queryAs(Label.class);
        Label paired = robot.lookup("#paired").queryAs(Label.class);
        Button next = robot.lookup("#finish").queryAs(Button.class);
        assertThat(paired.getText()).isEqualTo("本终端已配对到：" + SetupFixture.VENUE_NAME + "（HP-000042）");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#camera").queryAs(Label.class).getText().equals("摄像头正常"));
        assertThat(next.isDisabled()).isTrue();

        camera.show(fixture.otherPoster());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> message.getText().startsWith("这是另一个场所的场所码（劝业场）"));
        assertThat(message.getPseudoClassStates()).contains(BindVenueView.REFUSED);
        assertThat(next.isDisabled()).isTrue();
        snapshot(robot, "kiosk-setup-bind-refused.png");

        // a wedge scanner types the code into the focused field and presses Enter
        TextField code = robot.lookup("#code").queryAs(TextField.class);
        robot.interact(() -> code.setText(fixture.poster()));
        robot.clickOn(code).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        assertThat(message.getText()).isEqualTo("已绑定：" + SetupFixture.VENUE_NAME + "（HP-000042）");
        assertThat(message.getPseudoClassStates()).contains(BindVenueView.OK).doesNotContain(BindVenueView.REFUSED);
        assertThat(VenueBinding.load(fixture.configDir).orElseThrow().via()).isEqualTo(VenueBinding.Via.TYPED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !camera.isOpen());
        snapshot(robot, "kiosk-setup-bind.png");
        robot.clickOn(next);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cameraMessage").tryQuery().isPresent());
        Label cameraMessage = robot.lookup("#cameraMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cameraMessage.getText().startsWith("没有找到摄像头"));
        @SuppressWarnings("unchecked")
        ComboBox<SettingsViewModel.CameraChoice> cameraBox = robot.lookup("#camera").queryAs(ComboBox.class);
        // the combo's shown text (its skin keeps a spare, empty cell too)
        assertThat(robot.from(cameraBox).lookup(".list-cell").queryAllAs(ListCell.class)).extracting(ListCell::getText)
                .contains("第一个找到的摄像头");
        @SuppressWarnings("unchecked")
        ComboBox<SettingsViewModel.Resolution> resolution = robot.lookup("#resolution").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> language = robot.lookup("#language").queryAs(ComboBox.class);
        robot.interact(() -> {
            resolution.setValue(new SettingsViewModel.Resolution(1280, 720));
            language.setValue("en");
        });
        Button save = robot.lookup("#save").queryAs(Button.class);
        Label settingsMessage = robot.lookup("#message").queryAs(Label.class);
        assertThat(save.getText()).isEqualTo("保存并开始核验");
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> settingsMessage.getText().equals("请设置管理员 PIN"));
        assertThat(done).isEmpty();

        robot.clickOn(robot.lookup("#newPin").queryAs(PasswordField.class)).write("135790");
        robot.clickOn(robot.lookup("#newPinRepeat").queryAs(PasswordField.class)).write("135790");
        snapshot(robot, "kiosk-setup-settings.png");
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 1);
        KioskConfig saved = done.get(0);
        assertThat(saved.language()).isEqualTo("en");
        assertThat(saved.camera()).isEqualTo(new KioskConfig.Camera("webcam", null, 1280, 720));
        assertThat(saved.adminPin()).isEqualTo("135790");
        assertThat(KioskConfigLoader.load(configFile)).isEqualTo(saved);
        assertThat(KioskSetup.next(fixture.configDir)).isEqualTo(KioskSetup.Step.RUN);
    }
}
