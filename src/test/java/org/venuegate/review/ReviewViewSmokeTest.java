package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import org.venuegate.api.ApplicationStatus;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The real review screen against a real hub: open the queue, pass one application, fail one with a reason. */
@ExtendWith(ApplicationExtension.class)
class ReviewViewSmokeTest {
    static TestHub hub;
    private QueueViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        hub = new TestHub();
        hub.user("reviewer", Role.REVIEWER, 120101);
        for (String name : new String[] {"滨江道百货大楼", "劝业场", "津B·D12345 出租车队"}) {
            hub.submit(name);
        }
        ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
        client.login("reviewer", "password-1");
        Lang lang = new Lang(Locale.SIMPLIFIED_CHINESE);
        vm = new QueueViewModel(client, new FxUiExecutor(), lang, ZoneId.of("Asia/Shanghai"));
        scene = new Scene(ReviewView.load(vm, lang), 1280, 760);
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void openPassAndFailWithReason(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        robot.interact(() -> table.getSelectionModel().select(0));
        Button pass = robot.lookup(".pass-button").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pass.isDisabled());
        snapshot(robot, "review-queue.png");
        robot.clickOn(pass);
        Label banner = robot.lookup(".banner").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> banner.getText().startsWith("已通过"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2 && vm.detailProperty().get() != null);

        @SuppressWarnings("unchecked")
        ComboBox<String> reason = robot.lookup("#reason").queryAs(ComboBox.class);
        robot.interact(() -> reason.getEditor().setText("同一场所已申请过场所码"));
        robot.clickOn(robot.lookup(".fail-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> banner.getText().startsWith("已退回"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        // held for the undo window, then recorded
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> hub.hub.applications().counts(hub.admin)
                .of(ApplicationStatus.FAILED) == 1);
        assertThat(hub.hub.applications().counts(hub.admin).of(ApplicationStatus.FAILED)).isEqualTo(1);
        assertThat(hub.hub.applications().counts(hub.admin).of(ApplicationStatus.PASSED)).isEqualTo(1);
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", dir.resolve(name).toFile());
    }
}
