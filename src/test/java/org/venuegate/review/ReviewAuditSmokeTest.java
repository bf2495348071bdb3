package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Submission;
import org.venuegate.api.SubmitterRole;
import org.venuegate.api.Verdict;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;
import org.venuegate.testing.ScreenAudit;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The review screen as a reviewer sees it, in both languages, on a 1366 x 768 laptop and a full-HD screen: nothing
 * cut off, nothing raw (category codes, district codes, statuses, true/false), no English on the Chinese screen but
 * the codes people type; JavaFX's own texts and the date picker in the screen's language. Saves the screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewAuditSmokeTest {
    static TestHub hub;
    private Stage stage;

    @BeforeAll
    static void hub() throws Exception {
        hub = new TestHub();
        hub.user("reviewer", Role.REVIEWER, 120101);
        long first = hub.submit("天津市第一中心医院门诊楼");
        hub.submit("五大道游客中心");
        hub.hub.applications().submit(hub.citizen, new Submission("津B·D12345", "天津市出租汽车有限公司",
                "91350100M000100Y43", "TRANSPORT", 120101, "和平区南京路1号", true, "津B·D12345", "王五", "11010519491231002X",
                "13800138000", SubmitterRole.ORGANISER, null));
        hub.hub.applications().decide(hub.admin, first, new DecisionRequest(Verdict.FAIL,
                "场所地址不完整", 1));
        hub.hub.applications().submit(hub.citizen, new Submission("天津市第一中心医院门诊楼", "天津测试商贸有限公司",
                "91350100M000100Y43", "HOSPITAL", 120101, "和平区滨江道1号 门诊楼东侧", false, null, "王五", "11010519491231002X",
                "13800138000", SubmitterRole.ORGANISER, first));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Typed codes and key names may be Latin on a Chinese screen; nothing else. */
    static final Predicate<String> ALLOWED = s -> s.matches(".*[0-9A-Z]{18}.*") || Set.of("Alt", "Ctrl", "PDF", "PNG",
            "citizen", "reviewer", "root-admin").contains(s);

    @Test
    void everyTextIsWholeAndInTheScreensLanguage(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String tag : new String[] {"zh-CN", "en"}) {
            for (int[] size : new int[][] {{960, 420}, {1366, 768}, {1920, 1080}}) { // 960 x 420: the demo's review window
                Lang lang = Lang.of(tag);
                ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
                client.login("reviewer", "password-1");
                QueueViewModel vm = new QueueViewModel(client, new FxUiExecutor(), lang, ZoneId.of("Asia/Shanghai"));
                Scene[] scene = new Scene[1];
                robot.interact(() -> {
                    lang.useAsDefault();
                    // the screen a reviewer signs in to, dashboard button in its toolbar (screenFor refreshes the queue)
                    scene[0] = new Scene(ReviewApp.screenFor(client, new FxUiExecutor(), lang, vm), size[0], size[1] - 40);
                    stage.setScene(scene[0]);
                    stage.show();
                });
                @SuppressWarnings("unchecked")
                TableView<QueueViewModel.Row> table = robot.lookup(".table-view").queryAs(TableView.class);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
                // the re-application, beside the one it replaces
                long replacing = table.getItems().stream().filter(r -> r.placeName().equals("天津市第一中心医院门诊楼"))
                        .findFirst().orElseThrow().id();
                robot.interact(() -> vm.select(replacing));
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.detailProperty().get() != null && !vm.checks().isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
                String at = tag + " " + size[0] + "x" + size[1] + ": ";
                robot.interact(() -> problems.addAll(ScreenAudit.problems(scene[0], lang.locale(), ALLOWED).stream()
                        .map(p -> at + p).toList()));
                snapshot(robot, scene[0], "review-queue-" + tag + "-" + size[0] + ".png");
                // a code broken over two lines ("91350100M000100Y" / "43") reads as another code
                robot.interact(() -> problems.addAll(robot.lookup(".fields .label").queryAllAs(javafx.scene.control.Label.class)
                        .stream().filter(l -> l.getText().matches("[0-9A-Z*]{11,}") && l.getWidth() < l.prefWidth(-1) - 0.5)
                        .map(l -> at + "code broken over lines: " + l.getText()).toList()));

                robot.interact(() -> vm.showStatus(ApplicationStatus.FAILED));
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1 && !vm.busyProperty().get());
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> problems.addAll(ScreenAudit.problems(scene[0], lang.locale(), ALLOWED).stream()
                        .map(p -> at + "failed tab: " + p).toList()));
                robot.interact(() -> vm.showStatus(ApplicationStatus.UNDER_REVIEW));
            }
        }
        assertThat(problems).isEmpty();
        Lang.of("zh-CN").useAsDefault();
        assertThat(WeekFields.of(Locale.getDefault(Locale.Category.FORMAT)).getFirstDayOfWeek())
                .as("zh-CN date pickers start the week on Monday").isEqualTo(DayOfWeek.MONDAY);
    }

    private void snapshot(FxRobot robot, Scene scene, String name) {
        org.venuegate.testing.Snapshots.save(robot, scene, name);
    }
}
