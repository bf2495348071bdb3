package org.venuegate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.hub.TestHub;
import org.venuegate.review.ReviewHubClient;
import org.venuegate.testing.ScreenAudit;
import org.venuegate.testing.Snapshots;

/** The shared sign-in screen: labelled fields, and a wrong password answered in the screen's language, whole. */
@ExtendWith(ApplicationExtension.class)
class LoginViewSmokeTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void labelledFieldsAndALocalizedRefusalInBothLanguages(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        try (TestHub hub = new TestHub()) {
            for (String tag : new String[] {"zh-CN", "en"}) {
                Lang lang = Lang.of(tag);
                ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
                LoginViewModel vm = new LoginViewModel(client::login, new FxUiExecutor(), () -> { }, lang);
                Scene[] scene = new Scene[1];
                robot.interact(() -> {
                    scene[0] = new Scene(new javafx.scene.layout.StackPane(LoginView.load(vm, lang, lang.get("review.title"), lang.get("login.hub", hub.url))),
                            1366, 728);
                    stage.setScene(scene[0]);
                    stage.show();
                });
                assertThat(robot.lookup(".login-field").queryAll()).as("each field has a label").hasSize(2);
                robot.clickOn(robot.lookup(".text-field").queryAs(TextField.class)).write("citizen");
                robot.clickOn(robot.lookup(".password-field").queryAs(PasswordField.class)).write("wrong-password").type(KeyCode.ENTER);
                Label error = robot.lookup(".login-error").queryAs(Label.class);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
                assertThat(error.getText()).isEqualTo(tag.equals("en") ? "Wrong user name or password" : "用户名或密码不正确");
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> problems.addAll(ScreenAudit.problems(scene[0], lang.locale(),
                        s -> s.contains("http://") || s.contains("localhost") || s.equals("VenueGate") || s.equals("citizen"))));
                Snapshots.save(robot, scene[0], "login-" + tag + ".png");
            }
        }
        assertThat(problems).isEmpty();
    }
}
