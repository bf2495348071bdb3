package org.venuegate.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.hub.TestHub;
import org.venuegate.qr.QrImageDecoder;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The real phone window against a real hub: log in, see the veil, unveil with a venue code, close. */
@ExtendWith(ApplicationExtension.class)
class PhoneViewSmokeTest {
    static TestHub hub;
    static long venueId;
    private PhoneApp.Phone phone;

    @Start
    void start(Stage stage) throws Exception {
        hub = new TestHub();
        venueId = PhoneFixture.passedVenue(hub, "滨江道百货大楼");
        PhoneFixture.dependant(hub);
        phone = PhoneApp.Phone.open(stage, new OkHttpClient(), new FxUiExecutor(), hub.url,
                new Lang(Locale.SIMPLIFIED_CHINESE), PhoneVoice.SILENT);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void loginVeilUnveilClose(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.lookup(".text-field").match(n -> !(n instanceof PasswordField)).queryAs(TextField.class).setText("citizen");
            robot.lookup(".password-field").queryAs(PasswordField.class).setText("password-1");
        });
        robot.clickOn(robot.lookup(".button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".veil-prompt").tryQuery().isPresent()
                && "张*明".equals(phone.healthCode().maskedNameProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".veil-prompt").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup(".badge").queryAs(Label.class).getText()).isEqualTo("津盾");
        assertThat(robot.lookup(".colour-label").queryAs(Label.class).getText()).isEqualTo("绿码");
        assertThat(robot.lookup(".unveiled-qr").queryAs(ImageView.class).isVisible()).isFalse();
        snapshot(robot, "phone-veiled.png");

        String venueCode = PhoneFixture.venueCode(hub, venueId);
        robot.interact(() -> phone.healthCode().scanInputProperty().set("https://weixin.qq.com/x"));
        robot.clickOn(robot.lookup(".scan-panel .button").queryAs(Button.class));
        Label invalid = robot.lookup(".invalid-venue").queryAs(Label.class);
        javafx.scene.Node invalidBox = robot.lookup(".invalid-box").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> invalidBox.isVisible() && !invalid.getText().isEmpty());
        assertThat(invalid.getText()).isEqualTo("非有效场所码，请扫描重点场所张贴的二维码图片");
        snapshot(robot, "phone-invalid.png");
        robot.clickOn(robot.lookup(".rescan-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !invalidBox.isVisible());

        robot.interact(() -> phone.healthCode().scanInputProperty().set(venueCode));
        robot.clickOn(robot.lookup(".scan-panel .button").queryAs(Button.class));
        ImageView qr = robot.lookup(".unveiled-qr").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> qr.isVisible() && qr.getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String text = phone.healthCode().unveiledCodeTextProperty().get();
        assertThat(CodeFormat.parse(text).ok()).isTrue();
        assertThat(robot.lookup(".venue-name").queryAs(Label.class).getText()).isEqualTo("场所：滨江道百货大楼");
        assertThat(robot.lookup(".pass-prompt").queryAs(Label.class).getText()).isEqualTo("请通行");
        WritableImage shot = snapshot(robot, "phone-unveiled.png");
        // What the kiosk's virtual camera would film: the whole window, with the QR readable in it.
        assertThat(QrImageDecoder.decode(SwingFXUtils.fromFXImage(shot, null))).contains(text);

        robot.clickOn(robot.lookup(".close-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !qr.isVisible());
        assertThat(phone.healthCode().unveiledCodeTextProperty().get()).isNull();
    }

    private WritableImage snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = phone.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", dir.resolve(name).toFile());
        return holder[0];
    }
}
