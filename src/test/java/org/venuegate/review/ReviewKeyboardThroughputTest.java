package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.hub.ApplicationService;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * A reviewer working the queue by keyboard only, against a real hub: how many keys a clean application takes, how
 * many a failure with a common reason takes, and how fast the screen is ready for the next one. Prints its figures;
 * the target (6 clean applications a minute, a common-reason failure in at most 4 keys) leaves the reviewer most of
 * each 10 s to read, so the screen's own share is held to a small part of it.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewKeyboardThroughputTest {
    static final int CLEAN = 12;
    static TestHub hub;
    private QueueViewModel vm;
    private int keys;

    @Start
    void start(Stage stage) throws Exception {
        hub = new TestHub();
        hub.user("reviewer", Role.REVIEWER, 120101);
        for (int i = 0; i < CLEAN + 1; i++) {
            hub.submit(String.format("键盘审核场所%02d", i));
        }
        ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
        client.login("reviewer", "password-1");
        Lang lang = new Lang(Locale.SIMPLIFIED_CHINESE);
        vm = new QueueViewModel(client, new FxUiExecutor(), lang, ZoneId.of("Asia/Shanghai"));
        stage.setScene(new Scene(ReviewView.load(vm, lang), 1366, 728));
        stage.show();
        vm.refresh();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private void chord(FxRobot robot, KeyCode modifier, KeyCode key) {
        robot.press(modifier).press(key).release(key).release(modifier);
        keys += 2;
    }

    private void ready(TableView<QueueViewModel.Row> table) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            QueueViewModel.Row r = table.getSelectionModel().getSelectedItem();
            var d = vm.detailProperty().get();
            return r != null && d != null && vm.decidableProperty().get() && d.application().id() == r.id();
        });
    }

    private String recorded(long id) {
        return hub.hub.applications().get(hub.admin, id).application().status().name();
    }

    @Test
    void cleanApplicationsTakeOneChordEachAndAFailWithACommonReasonTwoKeys(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<QueueViewModel.Row> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == CLEAN + 1);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        List<Long> passed = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < CLEAN; i++) {
            ready(table);
            passed.add(vm.selectedIdProperty().get());
            chord(robot, KeyCode.ALT, KeyCode.P);
        }
        ready(table);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int passKeys = keys;
        long toFail = vm.selectedIdProperty().get();
        keys = 0;
        chord(robot, KeyCode.ALT, KeyCode.DIGIT2);
        int failKeys = keys;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "FAILED".equals(recorded(toFail))
                && passed.stream().allMatch(id -> "PASSED".equals(recorded(id))));
        var failedApp = hub.hub.applications().get(hub.admin, toFail).application();
        assertThat(failedApp.failReason()).isEqualTo(vm.commonReasons().get(1));
        assertThat(passed).doesNotHaveDuplicates().hasSize(CLEAN);

        double perMinuteScreenSide = CLEAN / seconds * 60;
        System.out.printf(Locale.ROOT, "review by keyboard: %d clean applications in %.1f s of screen time (%.0f a minute"
                + " before reading time), %d keys each; a failure with a common reason: %d keys%n",
                CLEAN, seconds, perMinuteScreenSide, passKeys / CLEAN, failKeys);
        assertThat(passKeys / CLEAN).as("keys per clean application").isEqualTo(2);
        assertThat(failKeys).as("keys for a failure with a common reason").isLessThanOrEqualTo(4);
        // 6 a minute leaves 10 s per application; the screen's share must stay a small part of it
        assertThat(seconds / CLEAN).as("seconds of screen time per application").isLessThan(3.0);
    }
}
