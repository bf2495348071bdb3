package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.api.CategoryRequest;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

/** Every admin tab on a real hub, in both languages at 1366 × 768, and the printable pairing sheet. */
@ExtendWith(ApplicationExtension.class)
class AdminViewSmokeTest {
    static TestHub hub;
    static long mall;
    private Stage stage;

    @BeforeAll
    static void data() throws Exception {
        hub = new TestHub();
        hub.user("rev-heping", Role.REVIEWER, 120101);
        hub.user("rev-hexi", Role.REVIEWER, 120103);
        hub.user("tracer-wang", Role.TRACER, null);
        mall = BackOfficeFixture.passedVenue(hub, "滨江道百货大楼");
        long closed = BackOfficeFixture.passedVenue(hub, "已停业的小超市");
        BackOfficeFixture.pairKiosk(hub, mall, "百货大楼东门");
        BackOfficeFixture.pairKiosk(hub, mall, "百货大楼西门");
        hub.hub.venues().revoke(hub.admin, closed, "场所已停业，申请人要求注销");
        hub.hub.venues().addCategory(hub.admin, new CategoryRequest("ESPORTS", "电竞馆", "E-sports hall"));
        hub.hub.checkins().purge(hub.hub.backOffice().retention());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyTabInBothLanguages(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String tag : new String[] {"zh-CN", "en"}) {
            Lang lang = Lang.of(tag);
            String suffix = tag.startsWith("zh") ? "zh" : "en";
            AdminViewModel vm = new AdminViewModel(BackOfficeFixture.client(hub, "root-admin"), new FxUiExecutor(), lang);
            // as the workstation shows it: with the dashboard in the admin's own toolbar
            ReviewHubClient dashboardClient = BackOfficeFixture.client(hub, "root-admin");
            vm.offerDashboard(new DashboardViewModel(dashboardClient, new FxUiExecutor(), lang, java.time.Clock.systemUTC(),
                    java.time.Duration.ofMinutes(30)));
            Scene scene = ScreenShots.show(robot, stage, () -> AdminView.load(vm, lang));
            robot.interact(vm::refresh);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.users().isEmpty() && !vm.keys().isEmpty());
            robot.interact(() -> vm.pairingVenueIdProperty().set(Long.toString(mall)));
            robot.interact(vm::createPairingCode);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.pairingCodes().size() == 1);
            robot.interact(() -> vm.selectedUserProperty().set(vm.users().stream()
                    .filter(u -> u.username().equals("rev-heping")).findFirst().orElseThrow()));
            Set<String> typed = new HashSet<>();
            vm.users().forEach(u -> typed.add(u.username()));
            vm.pairingCodes().forEach(p -> typed.add(p.code()));
            typed.add(vm.hubUrl());
            vm.categories().forEach(c -> {
                typed.add(c.nameEn());
                typed.add(c.code());
            });
            // English category names are what the admin typed for the English screens; codes are typed too.
            Set<String> words = new HashSet<>();
            typed.forEach(t -> words.addAll(List.of(t.split("[^A-Za-z]+"))));
            Predicate<String> allow = s -> typed.contains(s) || words.contains(s);
            // a selected entry, so the detail under the table is audited too
            TableView<?> entries = robot.lookup("#audit").queryAs(TableView.class);
            robot.interact(() -> entries.getSelectionModel().select(0));
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            for (Tab tab : tabs.getTabs()) {
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                ScreenShots.check(robot, scene, lang.locale(), allow, "admin-" + tab.getId().replace("Tab", "") + "-" + suffix + ".png",
                        problems);
            }
            TableView<?> audit = robot.lookup("#audit").queryAs(TableView.class);
            assertThat(audit.getItems()).isNotEmpty();

            // The printable sheet, as it goes to the printer.
            Scene sheet = ScreenShots.show(robot, stage, () -> AdminView.pairingSheet(vm.pairingCodes(), vm.hubUrl(), lang));
            ScreenShots.check(robot, sheet, lang.locale(), allow, "admin-pairing-sheet-" + suffix + ".png", problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aReviewerOrTracerGetsNoAdminScreen(FxRobot robot) throws Exception {
        for (String who : new String[] {"rev-heping", "tracer-wang"}) {
            ReviewHubClient client = BackOfficeFixture.client(hub, who);
            Lang lang = Lang.of("zh-CN");
            QueueViewModel queue = new QueueViewModel(client, new InlineUiExecutor(), lang, java.time.ZoneId.of("Asia/Shanghai"));
            javafx.scene.Parent[] screen = new javafx.scene.Parent[1];
            robot.interact(() -> screen[0] = ReviewApp.screenFor(client, new FxUiExecutor(), lang, queue));
            Scene scene = ScreenShots.show(robot, stage, () -> screen[0]);
            assertThat(scene.lookup("#usersTab")).isNull();
            assertThat(scene.getRoot().lookupAll(".tab-pane").stream().noneMatch(n -> n.lookup("#users") != null)).isTrue();
            if (who.startsWith("rev")) {
                assertThat(scene.lookup(".pass-button")).as("a reviewer gets the queue").isNotNull();
                assertThat(scene.lookup("#adminButton").isVisible()).as("and never sees an admin button").isFalse();
                assertThat(scene.lookup("#caseRef")).isNull();
                oneToolbarWithTheDashboard(robot, scene, "#search", lang);
            } else {
                assertThat(scene.lookup("#caseRef")).as("a tracer gets the tracer screen").isNotNull();
                assertThat(scene.lookup(".pass-button")).as("and no queue").isNull();
                javafx.scene.Node dashboard = scene.lookup("#dashboardButton");
                assertThat(dashboard == null || !dashboard.isVisible()).as("nor a dashboard, which the hub refuses a tracer").isTrue();
            }
        }
        ReviewHubClient admin = BackOfficeFixture.client(hub, "root-admin");
        Lang lang = Lang.of("zh-CN");
        QueueViewModel queue = new QueueViewModel(admin, new InlineUiExecutor(), lang, java.time.ZoneId.of("Asia/Shanghai"));
        javafx.scene.Parent[] screen = new javafx.scene.Parent[1];
        robot.interact(() -> screen[0] = ReviewApp.screenFor(admin, new FxUiExecutor(), lang, queue));
        Scene scene = ScreenShots.show(robot, stage, () -> screen[0]);
        assertThat(scene.lookup("#users")).as("an admin gets the admin screens").isNotNull();
        assertThat(scene.lookup("#caseRef")).isNull();
        oneToolbarWithTheDashboard(robot, scene, "#refresh", lang);

        ReviewHubClient citizen = BackOfficeFixture.client(hub, "citizen");
        robot.interact(() -> screen[0] = ReviewApp.screenFor(citizen, new FxUiExecutor(), lang, queue));
        assertThat(screen[0]).as("a citizen gets nothing here").isNull();
    }

    /**
     * Issue 12: the dashboard button sat in a bar of its own above the screen's toolbar. Now it is in that toolbar
     * (beside {@code sibling}), nothing stands above it, and the keyboard opens the dashboard: the button is in the
     * focus order, and Space presses it.
     */
    private void oneToolbarWithTheDashboard(FxRobot robot, Scene scene, String sibling, Lang lang) {
        javafx.scene.Node button = scene.lookup("#dashboardButton");
        assertThat(button).isNotNull();
        assertThat(button.isVisible()).as("the dashboard is offered").isTrue();
        assertThat(button.getParent().getStyleClass()).contains("toolbar");
        assertThat(button.getParent().getChildrenUnmodifiable()).as("in the screen's own toolbar").contains(scene.lookup(sibling));
        assertThat(button.localToScene(button.getBoundsInLocal()).getMinY()).as("the top toolbar, nothing above it").isLessThan(40);
        assertThat(button.isFocusTraversable()).isTrue();
        robot.interact(button::requestFocus);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Stage dashboard = robot.listTargetWindows().stream().filter(w -> w instanceof Stage st && st.isShowing()
                && lang.get("bo.dash.title").equals(st.getTitle())).map(w -> (Stage) w).findFirst().orElse(null);
        assertThat(dashboard).as("Space on the button opens the dashboard").isNotNull();
        robot.interact(dashboard::close);
    }
}
