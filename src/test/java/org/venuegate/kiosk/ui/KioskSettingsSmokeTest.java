package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.ui.FxUiExecutor;

/**
 * The running kiosk under headless Monocle: F4 asks for the admin PIN (a wrong one is refused and counted), the
 * settings switch the screen to English at once and restart the camera when it changes, and the venue is re-bound
 * with the code the running camera reads. Offline: nothing listens at the hub address.
 */
@ExtendWith(ApplicationExtension.class)
class KioskSettingsSmokeTest {
    private final FxUiExecutor executor = new FxUiExecutor();
    private final List<KioskConfig.Camera> restarted = new CopyOnWriteArrayList<>();
    private SetupFixture fixture;
    private Path configFile;
    private KioskRuntime rt;
    private KioskWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = Files.createTempDirectory("kiosk-settings-smoke");
        fixture = new SetupFixture(root.resolve("kiosk-config"));
        configFile = fixture.configDir.resolve("kiosk.json");
        ObjectNode example = (ObjectNode) Json.mapper().readTree(Path.of("kiosk-config/kiosk.example.json").toFile());
        ((ObjectNode) example.get("camera")).put("source", "scanner");
        Files.writeString(configFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(example));
        rt = new KioskRuntime(fixture.configDir, root.resolve("data"), KioskConfigLoader.load(configFile), new OkHttpClient());
        window = KioskWindow.open(stage, rt, executor, true, new KioskWindow.Host() {
            @Override
            public Path configFile() {
                return configFile;
            }

            @Override
            public void restartCamera(KioskConfig.Camera camera) {
                restarted.add(camera);
            }

            @Override
            public SettingsViewModel.CameraLister cameras() {
                return List::of;
            }
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
        window.close();
        rt.close();
    }

    private Parent windowWith(FxRobot robot, String styleClass) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("." + styleClass).tryQuery().isPresent());
        return robot.lookup("." + styleClass).queryParent();
    }

    private Parent settingsWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#save").tryQuery().isPresent());
        return robot.lookup("#save").query().getScene().getRoot();
    }

    private void enterPin(FxRobot robot, String pin) throws Exception {
        Parent dialog = windowWith(robot, "pin-dialog");
        robot.clickOn(robot.from(dialog).lookup("#pin").queryAs(PasswordField.class)).write(pin).type(KeyCode.ENTER);
    }

    private void snapshot(FxRobot robot, Node node, String name) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = node.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", dir.resolve(name).toFile());
    }

    @Test
    void f4AsksForThePinAndTheSettingsApplyAtOnce(FxRobot robot) throws Exception {
        Label headline = robot.lookup(".verdict").queryAs(Label.class);
        assertThat(headline.getText()).isEqualTo("请出示健康码");
        JsonNode before = Json.mapper().readTree(configFile.toFile());

        robot.type(KeyCode.F4);
        Parent pinDialog = windowWith(robot, "pin-dialog");
        Label pinMessage = robot.from(pinDialog).lookup("#message").queryAs(Label.class);
        assertThat(robot.from(pinDialog).lookup("#prompt").queryAs(Label.class).getText()).isEqualTo("请输入管理员 PIN 以打开设置");
        enterPin(robot, "1111");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pinMessage.getText().equals("PIN 错误，还可以再试 4 次"));
        assertThat(robot.lookup("#save").tryQuery()).as("no settings after a wrong PIN").isEmpty();
        snapshot(robot, pinDialog, "kiosk-pin-wrong.png");
        enterPin(robot, "246810");

        Parent settings = settingsWindow(robot);
        assertThat(pinDialog.getScene().getWindow().isShowing()).isFalse();
        assertThat(robot.from(settings).lookup("#title").queryAs(Label.class).getText()).isEqualTo("终端设置");
        @SuppressWarnings("unchecked")
        ComboBox<String> language = robot.from(settings).lookup("#language").queryAs(ComboBox.class);
        CheckBox voice = robot.from(settings).lookup("#voiceEnabled").queryAs(CheckBox.class);
        robot.interact(() -> language.setValue("en"));
        robot.clickOn(voice);
        snapshot(robot, settings, "kiosk-settings.png");
        // the PIN dialog and the settings window: nothing cut off, nothing outside, nothing raw, on a 1366 x 768 laptop
        java.util.List<String> problems = new java.util.ArrayList<>();
        robot.interact(() -> {
            problems.addAll(org.venuegate.testing.ScreenAudit.problems(settings.getScene(), java.util.Locale.SIMPLIFIED_CHINESE,
                    t -> t.equals("English") || t.equals("PIN") || t.matches(".*\\d+\\s*[x×]\\s*\\d+.*")));
            problems.addAll(org.venuegate.testing.ScreenAudit.problems(pinDialog.getScene(), java.util.Locale.SIMPLIFIED_CHINESE,
                    t -> t.equals("PIN")));
            javafx.stage.Window w = settings.getScene().getWindow();
            if (w.getWidth() > 1366 || w.getHeight() > 768 - 40) {
                problems.add("settings window " + w.getWidth() + " x " + w.getHeight() + " does not fit 1366 x 768");
            }
        });
        assertThat(problems).isEmpty();
        robot.clickOn(robot.from(settings).lookup("#save").queryAs(Button.class));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".verdict").queryAs(Label.class).getText()
                .equals("Show your health code"));
        assertThat(settings.getScene().getWindow().isShowing()).isFalse();
        assertThat(stage.getTitle()).isEqualTo("VenueGate entrance kiosk");
        assertThat(restarted).as("the camera did not change").isEmpty();
        KioskConfig saved = KioskConfigLoader.load(configFile);
        assertThat(saved.language()).isEqualTo("en");
        assertThat(saved.voice().enabled()).isFalse();
        ObjectNode expected = before.deepCopy();
        expected.put("language", "en");
        ((ObjectNode) expected.get("voice")).put("enabled", false);
        assertThat(Json.mapper().readTree(configFile.toFile())).isEqualTo(expected);

        // again, now in English: the camera changes and is restarted
        robot.type(KeyCode.F4);
        Parent again = windowWith(robot, "pin-dialog");
        assertThat(robot.from(again).lookup("#prompt").queryAs(Label.class).getText()).isEqualTo("Enter the admin PIN to open the settings");
        enterPin(robot, "246810");
        Parent english = settingsWindow(robot);
        assertThat(robot.from(english).lookup("#title").queryAs(Label.class).getText()).isEqualTo("Kiosk settings");
        snapshot(robot, english, "kiosk-settings-en.png");
        // the English texts are longer: nothing cut off or raw there either, and the window still fits the laptop
        java.util.List<String> englishProblems = new java.util.ArrayList<>();
        robot.interact(() -> {
            englishProblems.addAll(org.venuegate.testing.ScreenAudit.problems(english.getScene(), java.util.Locale.ENGLISH, t -> true));
            englishProblems.addAll(org.venuegate.testing.ScreenAudit.problems(again.getScene(), java.util.Locale.ENGLISH, t -> true));
            javafx.stage.Window w = english.getScene().getWindow();
            if (w.getWidth() > 1366 || w.getHeight() > 768 - 40) {
                englishProblems.add("English settings window " + w.getWidth() + " x " + w.getHeight() + " does not fit 1366 x 768");
            }
        });
        assertThat(englishProblems).isEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<SettingsViewModel.CameraChoice> camera = robot.from(english).lookup("#camera").queryAs(ComboBox.class);
        robot.interact(() -> camera.setValue(new SettingsViewModel.CameraChoice("webcam", null, false)));
        // meanwhile someone edits a field the engine was built with: saving keeps it, and says it needs a restart
        Files.writeString(configFile, Files.readString(configFile).replaceFirst("\"retentionDays\"\\s*:\\s*28", "\"retentionDays\": 14"));
        robot.clickOn(robot.from(english).lookup("#save").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> restarted.size() == 1);
        assertThat(restarted.get(0)).isEqualTo(new KioskConfig.Camera("webcam", null, 640, 480));
        KioskConfig now = KioskConfigLoader.load(configFile);
        assertThat(now.camera().source()).isEqualTo("webcam");
        assertThat(now.retentionDays()).isEqualTo(14);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText())
                .contains("take effect when the kiosk restarts");
    }

    @Test
    void rebindTheVenueWithWhatTheRunningCameraReads(FxRobot robot) throws Exception {
        robot.type(KeyCode.F4);
        enterPin(robot, "246810");
        Parent settings = settingsWindow(robot);
        robot.clickOn(robot.from(settings).lookup("#rebind").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#finish").tryQuery().isPresent());
        Parent bind = robot.lookup("#finish").query().getScene().getRoot();
        assertThat(robot.from(bind).lookup("#title").queryAs(Label.class).getText()).isEqualTo("重新绑定场所");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.from(bind).lookup("#camera").queryAs(Label.class).getText()
                .equals("不使用摄像头（扫码枪）"));
        Label message = robot.from(bind).lookup("#message").queryAs(Label.class);

        // the kiosk's own camera loop delivers what it reads: while re-binding it goes to the bind step, not the engine
        window.onDecoded(fixture.issuer.green(), System.nanoTime());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> message.getText().startsWith("这是健康码，不是场所码"));
        window.onDecoded(fixture.poster(), System.nanoTime());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> message.getText().startsWith("已绑定："));
        assertThat(rt.journal.pendingCount()).as("nothing was decided or journaled meanwhile").isZero();
        assertThat(VenueBinding.load(fixture.configDir).orElseThrow().venueId()).isEqualTo(rt.device.venueId());
        snapshot(robot, bind, "kiosk-rebind.png");
        robot.clickOn(robot.from(bind).lookup("#finish").queryAs(Button.class));

        Parent back = settingsWindow(robot);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.from(back).lookup("#message").queryAs(Label.class).getText()
                .equals("已重新绑定：" + SetupFixture.VENUE_NAME));
        Window settingsWindow = back.getScene().getWindow();
        robot.clickOn(robot.from(back).lookup("#close").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !settingsWindow.isShowing());

        // scanning again: a typed (wedge) code reaches the engine once the settings are closed
        window.onDecoded(fixture.poster(), System.nanoTime());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".headline").queryAs(Label.class).getText()
                .startsWith("这是场所码"));
        assertThat(rt.journal.pendingCount()).isEqualTo(1);
    }

    @Test
    void escAsksForThePinToExit(FxRobot robot) throws Exception {
        robot.type(KeyCode.ESCAPE);
        Parent dialog = windowWith(robot, "pin-dialog");
        assertThat(robot.from(dialog).lookup("#prompt").queryAs(Label.class).getText()).isEqualTo("请输入管理员 PIN 以退出");
        PasswordField field = robot.from(dialog).lookup("#pin").queryAs(PasswordField.class);
        robot.clickOn(field);
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> field.setText("0000"));
            robot.type(KeyCode.ENTER);
        }
        Label message = robot.from(dialog).lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> message.getText().equals("PIN 错误次数过多，请 60 秒后再试"));
        robot.clickOn(robot.from(dialog).lookup("#cancel").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog.getScene().getWindow().isShowing());
        // the lockout holds for F4 too, even with the right PIN
        robot.type(KeyCode.F4);
        Parent settingsPin = windowWith(robot, "pin-dialog");
        robot.clickOn(robot.from(settingsPin).lookup("#pin").queryAs(PasswordField.class)).write("246810").type(KeyCode.ENTER);
        Label locked = robot.from(settingsPin).lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> locked.getText().startsWith("PIN 错误次数过多"));
        assertThat(robot.lookup("#save").tryQuery()).isEmpty();
        assertThat(stage.isShowing()).isTrue();
    }
}
