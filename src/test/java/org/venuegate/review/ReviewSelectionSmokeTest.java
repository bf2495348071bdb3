package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
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
import org.venuegate.api.Application;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.hub.ApplicationService;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * A reviewer who sorts by a header, then works by keyboard: every decision the hub records is for the application
 * highlighted in the table when the key was pressed, and the detail pane always shows that same application.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewSelectionSmokeTest {
    static final String[] NAMES = {"五大道游客中心", "天津市第一中心医院门诊楼", "滨江道百货大楼", "劝业场", "古文化街商铺"};
    static TestHub hub;
    private QueueViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        hub = new TestHub();
        hub.user("reviewer", Role.REVIEWER, 120101);
        for (String name : NAMES) {
            hub.submit(name);
        }
        ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
        client.login("reviewer", "password-1");
        Lang lang = new Lang(Locale.SIMPLIFIED_CHINESE);
        vm = new QueueViewModel(client, new FxUiExecutor(), lang, ZoneId.of("Asia/Shanghai"));
        stage.setScene(new Scene(ReviewView.load(vm, lang), 1366, 740));
        stage.show();
        vm.refresh();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private String highlighted(TableView<QueueViewModel.Row> table) {
        QueueViewModel.Row r = table.getSelectionModel().getSelectedItem();
        return r == null ? null : r.placeName();
    }

    /** Waits until table, view model and detail agree on one application, and returns its name. */
    private String settled(TableView<QueueViewModel.Row> table) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            QueueViewModel.Row r = table.getSelectionModel().getSelectedItem();
            var d = vm.detailProperty().get();
            return r != null && d != null && !vm.busyProperty().get()
                    && Long.valueOf(r.id()).equals(vm.selectedIdProperty().get())
                    && d.application().id() == r.id();
        });
        return highlighted(table);
    }

    private String recorded(String name) {
        return hub.hub.applications().list(hub.admin, new ApplicationService.Query(null, name, null, null, null, null, null,
                ApplicationSort.SUBMITTED_AT, 0, 10)).items().get(0).status().name();
    }

    @Test
    void sortThenAdvanceAndDecideByKeyboard(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<QueueViewModel.Row> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == NAMES.length);

        // Sort by place name, descending, by clicking the header twice: the hub sorts, the table shows its order.
        Node header = robot.lookup(org.testfx.matcher.control.LabeledMatchers.hasText("场所名称")).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.sortProperty().get() == ApplicationSort.NAME && !vm.busyProperty().get());
        robot.clickOn(header);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.sortProperty().get() == ApplicationSort.NAME_DESC && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> order = table.getItems().stream().map(QueueViewModel.Row::placeName).toList();
        List<String> hubOrder = hub.hub.applications().list(hub.admin, new ApplicationService.Query(
                ApplicationStatus.UNDER_REVIEW, null, null, null, null, null, null, ApplicationSort.NAME_DESC, 0, 10))
                .items().stream().map(Application::placeName).toList();
        assertThat(order).isEqualTo(hubOrder);

        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        assertThat(settled(table)).isEqualTo(order.get(0));
        robot.type(KeyCode.J);
        String second = settled(table);
        assertThat(second).isEqualTo(order.get(1));

        robot.press(KeyCode.ALT).press(KeyCode.P).release(KeyCode.P).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == NAMES.length - 1);
        String third = settled(table);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "PASSED".equals(recorded(second)));
        assertThat(third).as("the next application in the sorted order").isEqualTo(order.get(2));

        // Arrow keys move the one selection too; then pass what is highlighted.
        robot.clickOn(robot.lookup(".table-row-cell").nth(table.getSelectionModel().getSelectedIndex()).queryAs(Node.class));
        robot.type(KeyCode.DOWN);
        String fourth = settled(table);
        assertThat(fourth).isEqualTo(order.get(3));
        robot.press(KeyCode.ALT).press(KeyCode.P).release(KeyCode.P).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "PASSED".equals(recorded(fourth)));
        settled(table);

        for (String name : order) {
            boolean decided = name.equals(second) || name.equals(fourth);
            assertThat(recorded(name)).as(name).isEqualTo(decided ? "PASSED" : "UNDER_REVIEW");
        }
    }
}
