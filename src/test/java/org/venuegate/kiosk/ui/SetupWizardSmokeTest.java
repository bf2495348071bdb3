package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.api.Pairing;
import org.venuegate.api.Venue;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;
import org.venuegate.kiosk.setup.KioskSetup;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.ui.FxUiExecutor;

/**
 * The setup wizard under headless Monocle, in both languages: step 1 with its format hint, pairing, the bind step with
 * the camera's preview, Back to step 1 showing the pairing made, a refused and a right poster, step 3 without a
 * preselected camera it did not find, Back to step 2 showing the binding made, and saving. Each step must fit
 * 1280 × 720 and 1366 × 768 with no text cut off and no key shown raw; each is photographed at 1366 × 768 into
 * target/screens.
 */
@ExtendWith(ApplicationExtension.class)
class SetupWizardSmokeTest {
    private static final Pattern RAW_KEY = Pattern.compile("(kiosk|login)\\.[a-zA-Z]+\\.|^%|\\{\\d}");
    private static final String CODE = "7KQ4M-XW9PD";

    private final FakeCodeFeed camera = new FakeCodeFeed();
    private final List<KioskConfig> done = new CopyOnWriteArrayList<>();
    private final List<String> pairedWith = new CopyOnWriteArrayList<>();
    private final FxUiExecutor executor = new FxUiExecutor();
    private SetupFixture fixture;
    private Path dir;
    private Path configFile;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    /** A new kiosk (nothing paired) or one paired from the command line, in the given screen language. */
    private void open(FxRobot robot, String language, boolean paired) throws Exception {
        dir = Files.createTempDirectory("wizard-smoke").resolve("kiosk-config");
        Files.createDirectories(dir);
        if (paired) {
            fixture = new SetupFixture(dir);
        }
        configFile = dir.resolve("kiosk.json");
        Files.writeString(configFile, "{\"language\": \"" + language + "\", \"camera\": {\"source\": \"webcam\"}}\n");
        KioskConfig cfg = KioskConfigLoader.load(configFile);
        KioskSetup.Step step = KioskSetup.next(dir);
        SetupWizard.Services services = new SetupWizard.Services((code, label) -> {
            if (!code.equals(CODE)) {
                throw new IllegalStateException("pairing code unknown or already used");
            }
            pairedWith.add(code);
            fixture = new SetupFixture(dir); // what Pairer leaves: device.json and the trust list
            Venue v = new Venue(TestIssuer.VENUE, "HP-000042", 1, SetupFixture.VENUE_NAME, "unit", "91350100M000100Y43", "MALL",
                    120101, "address", false, fixture.poster(), TestIssuer.T0, null, null);
            return new Pairing(1, "test-token", Ed25519.encodePublic(fixture.issuer.root.getPublic()), "kid", v, "{}");
        }, cam -> camera, List::of, null);
        robot.interact(() -> {
            stage.setScene(null); // the primary stage is shared between test classes: start from a fresh scene
            new SetupWizard(stage, executor, configFile, cfg, services, done::add).start(step);
        });
    }

    private <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private boolean shows(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private Label label(FxRobot robot, String id) {
        return node(robot, id, Label.class);
    }

    /** A camera frame of the poster's QR code, as the camera would hand it on (640 × 480 grey). */
    private static Frame posterFrame(String text) throws Exception {
        int w = 640;
        int h = 480;
        byte[] luma = new byte[w * h];
        java.util.Arrays.fill(luma, (byte) 170);
        BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300);
        int x0 = (w - m.getWidth()) / 2;
        int y0 = (h - m.getHeight()) / 2;
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                luma[(y0 + y) * w + x0 + x] = (byte) (m.get(x, y) ? 20 : 235);
            }
        }
        return new Frame(w, h, luma, System.nanoTime());
    }

    /**
     * At 1280 × 720 (the window) and at 1366 × 768 (full screen on a laptop): every shown control lies inside the
     * scene, no text is cut off ("..."), and no resource key or pattern shows raw. Then a snapshot at 1366 × 768.
     */
    private void checkAndShoot(FxRobot robot, String name) throws Exception {
        for (double[] size : new double[][] {{1280, 720}, {1366, 768}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> stage.getScene().getRoot().applyCss());
            robot.interact(() -> stage.getScene().getRoot().layout());
            Scene scene = stage.getScene();
            assertThat(scene.getWidth()).isEqualTo(size[0]);
            assertThat(scene.getHeight()).isEqualTo(size[1]);
            List<String> problems = new ArrayList<>();
            robot.interact(() -> visit(scene.getRoot(), scene, problems));
            assertThat(problems).as("%s at %.0f x %.0f", name, size[0], size[1]).isEmpty();
        }
        Path out = Path.of("target", "screens");
        Files.createDirectories(out);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", out.resolve(name).toFile());
    }

    private static void visit(Node n, Scene scene, List<String> problems) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Bounds b = l.localToScene(l.getLayoutBounds());
            String id = l.getId() != null ? "#" + l.getId() : l.getClass().getSimpleName() + " \"" + l.getText() + "\"";
            if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
                problems.add(id + " outside the scene: " + b);
            }
            Text shown = (Text) l.lookup(".text");
            if (shown != null && !shown.getText().equals(l.getText())) {
                problems.add(id + " cut off: shows \"" + shown.getText() + "\"");
            }
            if (RAW_KEY.matcher(l.getText()).find()) {
                problems.add(id + " raw: " + l.getText());
            }
        }
        if (n instanceof TextField f && f.getPromptText() != null && RAW_KEY.matcher(f.getPromptText()).find()) {
            problems.add("prompt raw: " + f.getPromptText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visit(c, scene, problems);
            }
        }
    }

    @Test
    void newKioskInChineseThroughAllStepsWithBack(FxRobot robot) throws Exception {
        open(robot, "zh-CN", false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#code"));
        assertThat(label(robot, "#title").getText()).isEqualTo("第 1 步（共 3 步）：配对本终端");
        assertThat(stage.getTitle()).contains("第 1 步（共 3 步）");
        assertThat(label(robot, "#hint").getText()).startsWith("配对码共 10 位字母和数字，如 7KQ4M-XW9PD");
        assertThat(shows(robot, "#pairedBox")).isFalse();
        checkAndShoot(robot, "kiosk-setup-1-pair.zh.png");

        TextField code = node(robot, "#code", TextField.class);
        robot.clickOn(code).write("7kq4m-xw9p0");
        assertThat(label(robot, "#hint").getText()).startsWith("配对码里不会有“0”");
        assertThat(label(robot, "#hint").getPseudoClassStates()).contains(BindVenueView.REFUSED);
        robot.clickOn(node(robot, "#pair", Button.class));
        assertThat(pairedWith).as("a code that cannot be one is not sent").isEmpty();
        robot.interact(() -> code.setText("7kq4m xw9pd"));
        assertThat(label(robot, "#hint").getText()).isEqualTo("格式正确：7KQ4M-XW9PD");
        robot.clickOn(node(robot, "#pair", Button.class));

        // step 2: the camera opens off the FX thread and its picture shows
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#preview") && camera.isOpen());
        assertThat(pairedWith).containsExactly(CODE);
        assertThat(label(robot, "#title").getText()).isEqualTo("第 2 步（共 3 步）：绑定场所");
        assertThat(shows(robot, "#back")).isTrue();
        camera.frame(posterFrame(fixture.otherPoster()));
        ImageView preview = node(robot, "#preview", ImageView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> preview.getImage() != null);
        assertThat(shows(robot, "#previewNote")).isFalse();
        camera.show(fixture.otherPoster());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label(robot, "#message").getText().startsWith("这是另一个场所的场所码（劝业场）"));
        checkAndShoot(robot, "kiosk-setup-2-bind-refused.zh.png");

        // Back: step 1 says which venue the kiosk is paired with; nothing was undone
        robot.clickOn(node(robot, "#back", Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shows(robot, "#pairedBox"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !camera.isOpen());
        assertThat(label(robot, "#paired").getText()).isEqualTo("本终端已配对到场所：" + SetupFixture.VENUE_NAME + "（HP-000042）");
        assertThat(shows(robot, "#form")).isFalse();
        assertThat(Files.exists(dir.resolve("device.json"))).isTrue();
        checkAndShoot(robot, "kiosk-setup-1-paired.zh.png");
        robot.clickOn(node(robot, "#repair", Button.class));
        assertThat(shows(robot, "#form")).isTrue();
        assertThat(label(robot, "#message").getText()).startsWith("请输入新的配对码。平台接受新配对码后才会替换当前配对");
        robot.clickOn(node(robot, "#cancelRepair", Button.class));
        robot.clickOn(node(robot, "#keep", Button.class));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#preview") && camera.isOpen());
        TextField venueCode = node(robot, "#code", TextField.class);
        robot.interact(() -> venueCode.setText(fixture.poster()));
        robot.clickOn(venueCode).type(KeyCode.ENTER);
        Button next = node(robot, "#finish", Button.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        assertThat(label(robot, "#message").getText()).isEqualTo("已绑定：" + SetupFixture.VENUE_NAME + "（HP-000042）");
        checkAndShoot(robot, "kiosk-setup-2-bound.zh.png");
        robot.clickOn(next);

        // step 3: no camera found here, so none is preselected
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#cameraMessage")
                && label(robot, "#cameraMessage").getText().startsWith("没有找到摄像头"));
        assertThat(label(robot, "#title").getText()).isEqualTo("第 3 步（共 3 步）：摄像头、语言和语音");
        @SuppressWarnings("unchecked")
        ComboBox<SettingsViewModel.CameraChoice> cameraBox = node(robot, "#camera", ComboBox.class);
        assertThat(cameraBox.getValue()).isNull();
        assertThat(cameraBox.getPromptText()).isEqualTo("请选择");
        checkAndShoot(robot, "kiosk-setup-3-settings.zh.png");
        robot.clickOn(node(robot, "#save", Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label(robot, "#message").getText().equals("请设置管理员 PIN"));
        robot.clickOn(node(robot, "#newPin", PasswordField.class)).write("135790");
        robot.clickOn(node(robot, "#newPinRepeat", PasswordField.class)).write("135790");
        robot.clickOn(node(robot, "#save", Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label(robot, "#message").getText().equals("请选择读码方式：摄像头或扫码枪"));
        SettingsViewModel.CameraChoice scanner = cameraBox.getItems().stream().filter(c -> c.source().equals("scanner")).findFirst().orElseThrow();
        robot.interact(() -> cameraBox.setValue(scanner));

        // Back to step 2: the binding made is shown; step 3 keeps what was chosen
        robot.clickOn(node(robot, "#back", Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#again"));
        assertThat(label(robot, "#message").getText()).startsWith("已绑定：" + SetupFixture.VENUE_NAME + "（HP-000042）。点“下一步”保留此绑定");
        assertThat(camera.isOpen()).as("bound: the camera stays closed").isFalse();
        checkAndShoot(robot, "kiosk-setup-2-already-bound.zh.png");
        robot.clickOn(node(robot, "#finish", Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#save"));
        @SuppressWarnings("unchecked")
        ComboBox<SettingsViewModel.CameraChoice> again = node(robot, "#camera", ComboBox.class);
        assertThat(again.getValue()).isEqualTo(scanner);
        assertThat(node(robot, "#newPin", PasswordField.class).getText()).isEqualTo("135790");
        robot.clickOn(node(robot, "#save", Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 1);
        assertThat(done.get(0).camera().source()).isEqualTo("scanner");
        assertThat(done.get(0).adminPin()).isEqualTo("135790");
        assertThat(VenueBinding.load(dir).orElseThrow().via()).isEqualTo(VenueBinding.Via.TYPED);
        assertThat(KioskSetup.next(dir)).isEqualTo(KioskSetup.Step.RUN);
    }

    @Test
    void englishStepsFitAndSayEverythingInEnglish(FxRobot robot) throws Exception {
        open(robot, "en", false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#code"));
        assertThat(label(robot, "#title").getText()).isEqualTo("Step 1 of 3: pair this kiosk");
        robot.clickOn(node(robot, "#code", TextField.class)).write("7KQ4");
        assertThat(label(robot, "#hint").getText()).isEqualTo("4 of 10 characters");
        checkAndShoot(robot, "kiosk-setup-1-pair.en.png");
        robot.interact(() -> node(robot, "#code", TextField.class).setText(CODE));
        robot.clickOn(node(robot, "#pair", Button.class));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#preview") && camera.isOpen());
        assertThat(label(robot, "#title").getText()).isEqualTo("Step 2 of 3: bind this kiosk to its venue");
        camera.frame(posterFrame(fixture.poster()));
        camera.show(fixture.otherPoster());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label(robot, "#message").getText().startsWith("This is the venue code of another venue"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> node(robot, "#preview", ImageView.class).getImage() != null);
        checkAndShoot(robot, "kiosk-setup-2-bind-refused.en.png");
        robot.clickOn(node(robot, "#back", Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shows(robot, "#pairedBox"));
        assertThat(label(robot, "#paired").getText()).isEqualTo("This kiosk is paired with the venue " + SetupFixture.VENUE_NAME + " (HP-000042)");
        checkAndShoot(robot, "kiosk-setup-1-paired.en.png");
        robot.clickOn(node(robot, "#keep", Button.class));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#preview") && camera.isOpen());
        camera.show(fixture.poster());
        Button next = node(robot, "#finish", Button.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !next.isDisabled());
        checkAndShoot(robot, "kiosk-setup-2-bound.en.png");
        robot.clickOn(next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#cameraMessage")
                && label(robot, "#cameraMessage").getText().startsWith("No camera found"));
        assertThat(label(robot, "#title").getText()).isEqualTo("Step 3 of 3: camera, language and voice");
        checkAndShoot(robot, "kiosk-setup-3-settings.en.png");
        robot.clickOn(node(robot, "#back", Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#again"));
        checkAndShoot(robot, "kiosk-setup-2-already-bound.en.png");
    }

    @Test
    void aKioskPairedFromTheCommandLineStartsAtStepTwo(FxRobot robot) throws Exception {
        open(robot, "zh-CN", true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(robot, "#preview") && camera.isOpen());
        assertThat(label(robot, "#title").getText()).isEqualTo("第 2 步（共 3 步）：绑定场所");
        assertThat(label(robot, "#previewNote").getText()).isEqualTo("正在等待摄像头画面……");
        robot.clickOn(node(robot, "#back", Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shows(robot, "#pairedBox"));
        assertThat(label(robot, "#paired").getText()).contains(SetupFixture.VENUE_NAME);
        assertThat(pairedWith).isEmpty();
    }
}
