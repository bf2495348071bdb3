package org.venuegate.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Verdict;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.hub.TestHub;
import org.venuegate.qr.QrImageDecoder;
import org.venuegate.testing.ScreenAudit;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The real phone window against a real hub, in both languages, at the size it opens with on a 1366 x 768 screen:
 * log in (a wrong password first), see the veil, a refused scan, unveil, close; the abnormal-colour pop-up; the
 * venue-code tab with every field error at once, a passed and a failed application, and the failed one corrected
 * and re-applied for. Every screen is audited (nothing cut off, outside the window, raw or in the wrong language)
 * and snapshotted to target/screens.
 */
@ExtendWith(ApplicationExtension.class)
class PhoneViewSmokeTest {
    /**
     * Latin a Chinese screen may show: the prefix of a pasted venue-code text, IMO ship numbers, and the hub's
     * address on the login page.
     */
    private static final Predicate<String> ALLOW = Set.of("VGV", "IMO", "http", "https", "localhost")::contains;
    /** The user names typed into the login form are what the person typed, not screen text. */
    private static final Predicate<String> TYPED = Set.of("citizen", "red", "wrong-password", "https://weixin.qq.com/x")::contains;
    /** A 1366 x 768 screen less a 40 px taskbar and a 40 px title bar. */
    private static final double USABLE_HEIGHT = 768 - 40 - 40;

    private final FxUiExecutor executor = new FxUiExecutor();
    private Stage stage;
    private TestHub hub;
    private long venueId;
    private PhoneApp.Phone phone;
    private Lang lang;
    private String suffix;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        executor.close();
        if (hub != null) {
            hub.close();
        }
    }

    private void open(FxRobot robot, String language, String user) throws Exception {
        hub = new TestHub();
        venueId = PhoneFixture.passedVenue(hub, "滨江道百货大楼");
        PhoneFixture.dependant(hub);
        PhoneFixture.redCitizen(hub, "red");
        lang = Lang.of(language);
        suffix = language.startsWith("zh") ? "zh" : "en";
        robot.interact(() -> phone = PhoneApp.Phone.open(stage, new OkHttpClient(), executor, hub.url, lang, PhoneVoice.SILENT));
        assertThat(phone.scene().getHeight()).as("fits a 1366 x 768 screen with its title bar").isLessThanOrEqualTo(USABLE_HEIGHT);
        assertThat(phone.scene().getWidth()).isLessThanOrEqualTo(1366 - 16);
        audit(robot, "login");
        snapshot(robot, "login");

        TextField name = robot.lookup(".text-field").match(n -> !(n instanceof PasswordField)).queryAs(TextField.class);
        PasswordField password = robot.lookup(".password-field").queryAs(PasswordField.class);
        robot.interact(() -> {
            name.setText(user);
            password.setText("wrong-password");
        });
        robot.clickOn(robot.lookup(".button").queryAs(Button.class));
        Label error = robot.lookup(".login-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).as("the hub's reason in the screen's language").isEqualTo(lang.get("phone.hub.badCredentials"));
        audit(robot, "login-refused");

        robot.interact(() -> password.setText("password-1"));
        robot.clickOn(robot.lookup(".button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".veil-prompt").tryQuery().isPresent()
                && !phone.healthCode().maskedNameProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void loginVeilRefusedScanUnveilClose(String language, FxRobot robot) throws Exception {
        open(robot, language, "citizen");
        assertThat(robot.lookup(".veil-prompt").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup(".badge").queryAs(Label.class).getText()).isEqualTo(lang.get("phone.badge"));
        assertThat(robot.lookup(".colour-label").queryAs(Label.class).getText()).isEqualTo(lang.get("phone.colour.GREEN"));
        assertThat(robot.lookup(".unveiled-qr").queryAs(ImageView.class).isVisible()).isFalse();
        audit(robot, "veiled");
        snapshot(robot, "veiled");

        robot.interact(() -> phone.healthCode().scanInputProperty().set("https://weixin.qq.com/x"));
        robot.clickOn(robot.lookup(".scan-panel .button").queryAs(Button.class));
        Label invalid = robot.lookup(".invalid-venue").queryAs(Label.class);
        Label hint = robot.lookup(".invalid-hint").queryAs(Label.class);
        Node invalidBox = robot.lookup(".invalid-box").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> invalidBox.isVisible() && !invalid.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(invalid.getText()).isEqualTo(suffix.equals("zh") ? "非有效场所码，请扫描重点场所张贴的二维码图片"
                : "Not a valid venue code, please scan the QR code posted in key places");
        assertThat(hint.getText()).isEqualTo(lang.get("phone.scan.wanted"));
        assertThat(hint.isVisible()).isTrue();
        scrollTo(robot, invalidBox);
        audit(robot, "invalid");
        snapshot(robot, "invalid");
        robot.clickOn(robot.lookup(".rescan-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !invalidBox.isVisible());

        // The number printed on the poster, as a person would type it.
        String number = hub.hub.venues().venue(hub.admin, venueId).number();
        robot.interact(() -> {
            phone.healthCode().scanInputProperty().set(number);
            scrollPaneOf(invalidBox).setVvalue(0);
        });
        robot.clickOn(robot.lookup(".scan-panel .button").queryAs(Button.class));
        ImageView qr = robot.lookup(".unveiled-qr").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> qr.isVisible() && qr.getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String text = phone.healthCode().unveiledCodeTextProperty().get();
        assertThat(CodeFormat.parse(text).ok()).isTrue();
        assertThat(robot.lookup(".venue-name").queryAs(Label.class).getText()).isEqualTo(lang.get("phone.venue", "滨江道百货大楼"));
        assertThat(robot.lookup(".pass-prompt").queryAs(Label.class).getText()).isEqualTo(lang.get("phone.pleasePass"));
        audit(robot, "unveiled");
        WritableImage shot = snapshot(robot, "unveiled");
        // What the kiosk's virtual camera would film: the whole window, with the QR readable in it.
        assertThat(QrImageDecoder.decode(SwingFXUtils.fromFXImage(shot, null))).contains(text);

        robot.clickOn(robot.lookup(".close-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !qr.isVisible());
        assertThat(phone.healthCode().unveiledCodeTextProperty().get()).isNull();

        // A dependant's page (FAQ 14, 17).
        robot.interact(() -> phone.healthCode().switchTo(phone.healthCode().persons().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".proxy-mark").queryAs(Label.class).isVisible()).isTrue();
        audit(robot, "dependant");
        snapshot(robot, "dependant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void abnormalColourPopup(String language, FxRobot robot) throws Exception {
        open(robot, language, "red");
        Node popup = robot.lookup(".popup-overlay").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, popup::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".popup-reason").queryAs(Label.class).getText()).isEqualTo(lang.get("phone.popup.reason", "密切接触者"));
        assertThat(robot.lookup(".colour-label").queryAs(Label.class).getText()).isEqualTo(lang.get("phone.colour.RED"));
        audit(robot, "popup");
        snapshot(robot, "popup");
        robot.clickOn(robot.lookup(".popup-ok").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !popup.isVisible());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void venueCodeApplicationsAllErrorsDetailsAndReapplication(String language, FxRobot robot) throws Exception {
        open(robot, language, "citizen");
        long failed = hub.submit("错误的场所");
        hub.hub.applications().decide(hub.admin, failed,
                new DecisionRequest(Verdict.FAIL, "地址不完整，请补充门牌号", 1));
        ApplicationViewModel vm = phone.applications();
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.categories().isEmpty()
                && vm.countsProperty().get().failed() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        audit(robot, "site");
        snapshot(robot, "site");

        // Every field error at once, each under its labelled field.
        TitledPane form = robot.lookup(".titled-pane").queryAs(TitledPane.class);
        robot.interact(() -> form.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        audit(robot, "form");
        snapshot(robot, "form");
        Button submit = robot.lookup(".submit-button").queryAs(Button.class);
        robot.interact(submit::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.fieldErrors().size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> shownErrors = robot.lookup(".field-error-text").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).toList();
        assertThat(shownErrors).hasSize(9).allMatch(l -> !l.getText().isEmpty());
        audit(robot, "form-errors");
        snapshot(robot, "form-errors");
        robot.interact(() -> scrollPaneOf(form).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        audit(robot, "form-errors-bottom");
        snapshot(robot, "form-errors-bottom");
        robot.interact(() -> {
            vm.clearForm();
            form.setExpanded(false);
        });

        // A passed application: every value a localized name, its venue number and code.
        ListView<?> rows = robot.lookup(".application-rows").queryAs(ListView.class);
        robot.interact(() -> robot.lookup(".status-tab").queryAllAs(javafx.scene.control.ToggleButton.class).iterator().next().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get() == ApplicationStatus.PASSED
                && rows.getItems().size() == 1);
        robot.interact(() -> rows.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.detail().isEmpty() && vm.openCodeImageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scrollPaneOf(form).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        audit(robot, "passed");
        snapshot(robot, "passed");

        // The failed one: its reason, and "correct and re-apply".
        robot.interact(() -> {
            rows.getSelectionModel().clearSelection();
            vm.closeDetail();
            vm.showStatus(ApplicationStatus.FAILED);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get() == ApplicationStatus.FAILED
                && rows.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> rows.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.openApplicationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Button reapply = robot.lookup(".reapply-button").queryAs(Button.class);
        assertThat(reapply.isVisible()).isTrue();
        robot.interact(() -> scrollPaneOf(form).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        audit(robot, "failed");
        snapshot(robot, "failed");

        robot.interact(reapply::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> form.isExpanded() && vm.replacesIdProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".reapply-title").queryAs(Label.class).getText()).isEqualTo(lang.get("phone.app.reapplyTitle", "错误的场所"));
        audit(robot, "reapply");
        snapshot(robot, "reapply");

        robot.interact(() -> {
            vm.addressProperty().set("和平区滨江道1号百货大楼一层");
            vm.responsibleIdNumberProperty().set("11010519491231002X");
            submit.fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.replacesIdProperty().get() == null
                && vm.statusProperty().get() == ApplicationStatus.UNDER_REVIEW && rows.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(form.isExpanded()).as("the form folds after submitting").isFalse();
        assertThat(vm.detail()).as("no detail of another tab lingers").isEmpty();
        assertThat(rows.getSelectionModel().isEmpty()).isTrue();
        for (String id : List.of("#category", "#district")) {
            javafx.scene.control.ComboBox<?> box = robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
            assertThat(box.getValue()).isNull();
            assertThat(box.getButtonCell().getText()).as("the emptied form shows the prompt again").isEqualTo(lang.get("phone.app.choose"));
        }
        assertThat(vm.countsProperty().get().underReview()).isEqualTo(1L);
        long replacement = vm.rows().get(0).id();
        assertThat(hub.hub.applications().get(hub.admin, replacement).application().replacesId()).isEqualTo(failed);
        robot.interact(() -> scrollPaneOf(form).setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        audit(robot, "resubmitted");
        snapshot(robot, "resubmitted");
    }

    private static ScrollPane scrollPaneOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                return sp;
            }
        }
        throw new AssertionError("no scroll pane around " + n);
    }

    private static void scrollTo(FxRobot robot, Node n) {
        robot.interact(() -> {
            ScrollPane sp = scrollPaneOf(n);
            double contentHeight = sp.getContent().getBoundsInLocal().getHeight();
            double y = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
            double room = contentHeight - sp.getViewportBounds().getHeight();
            sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void audit(FxRobot robot, String screen) {
        auditAllowing(robot, screen, ALLOW);
    }

    private void auditAllowing(FxRobot robot, String screen, Predicate<String> allow) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            phone.scene().getRoot().applyCss();
            phone.scene().getRoot().layout();
            out.addAll(ScreenAudit.problems(phone.scene(), lang.locale(), allow.or(TYPED)));
        });
        assertThat(out).as(screen + " in " + lang.locale()).isEmpty();
    }

    private WritableImage snapshot(FxRobot robot, String screen) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = phone.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png",
                dir.resolve("phone-" + screen + "." + suffix + ".png").toFile());
        return holder[0];
    }
}
