package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.api.HealthReport;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.testing.MutableClock;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The dashboard on a real hub, in both languages at 1366 × 768: charts filled, a silent kiosk marked, nothing cut. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewSmokeTest {
    static MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofHours(4)));
    static TestHub hub;
    private Stage stage;

    @BeforeAll
    static void data() throws Exception {
        hub = new TestHub(clock);
        hub.user("rev-heping", Role.REVIEWER, 120101);
        clock.now = Instant.now().minus(Duration.ofHours(3));
        long mall = BackOfficeFixture.passedVenue(hub, "滨江道百货大楼");
        BackOfficeFixture.pairKiosk(hub, mall, "百货大楼西门");
        clock.now = Instant.now();
        long market = BackOfficeFixture.passedVenue(hub, "劝业场");
        Principal east = BackOfficeFixture.pairKiosk(hub, mall, "百货大楼东门");
        Principal gate = BackOfficeFixture.pairKiosk(hub, market, "劝业场正门");
        hub.hub.backOffice().report(east, new HealthReport(12L, Instant.now().minus(Duration.ofMinutes(50)),
                Instant.now().minusSeconds(4)));
        hub.hub.backOffice().report(gate, new HealthReport(0L, Instant.now().minus(Duration.ofMinutes(20)),
                Instant.now()));
        for (int i = 0; i < 4; i++) {
            BackOfficeFixture.checkins(hub, east, i * 10L, 30L + 60L * i, "S1" + i, "S2" + i, "S3" + i);
        }
        BackOfficeFixture.checkins(hub, gate, 0, 10, "S41", "S42");
        hub.submit("和平区测试超市");
        hub.submit("南京路书店");
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
    void chartsAndFleetInBothLanguages(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> typed = Set.of("root-admin");
        for (String tag : new String[] {"zh-CN", "en"}) {
            Lang lang = Lang.of(tag);
            DashboardViewModel vm = new DashboardViewModel(BackOfficeFixture.client(hub, "root-admin"), new FxUiExecutor(), lang,
                    Clock.systemUTC(), Duration.ofMinutes(30));
            Scene scene = ScreenShots.show(robot, stage, () -> DashboardView.load(vm, lang));
            robot.interact(vm::refresh);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.fleet().size() == 3 && !vm.perDay().isEmpty());
            @SuppressWarnings("unchecked")
            BarChart<String, Number> perDay = robot.lookup("#perDay").queryAs(BarChart.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> perDay.getData().get(0).getData().size() == 14);
            String short_ = tag.startsWith("zh") ? "zh" : "en";
            ScreenShots.check(robot, scene, lang.locale(), typed::contains, "dashboard-applications-" + short_ + ".png", problems);
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            robot.interact(() -> tabs.getSelectionModel().select(1));
            TableView<?> fleet = robot.lookup("#fleet").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell").queryAll().stream()
                    .anyMatch(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("silent"))));
            assertThat(fleet.getItems()).hasSize(3);
            ScreenShots.check(robot, scene, lang.locale(), typed::contains, "dashboard-city-" + short_ + ".png", problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void oneWindowThatEscCloses(FxRobot robot) throws Exception {
        Lang lang = Lang.of("zh-CN");
        DashboardViewModel vm = new DashboardViewModel(BackOfficeFixture.client(hub, "rev-heping"), new FxUiExecutor(), lang,
                Clock.systemUTC(), Duration.ofMinutes(30));
        robot.interact(() -> {
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 400, 300));
            stage.show();
        });
        Stage[] first = new Stage[2];
        robot.interact(() -> first[0] = DashboardView.show(stage, vm, lang));
        robot.interact(() -> first[1] = DashboardView.show(stage, vm, lang));
        assertThat(first[1]).isSameAs(first[0]);
        assertThat(first[0].getWidth()).isLessThanOrEqualTo(1366);
        assertThat(first[0].getHeight()).isLessThanOrEqualTo(768);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.perDay().isEmpty());
        // A reviewer's dashboard has no fleet.
        assertThat(first[0].getScene().lookup("#fleetBox").isVisible()).isFalse();
        robot.interact(() -> first[0].getScene().getRoot().requestFocus());
        robot.interact(() -> javafx.event.Event.fireEvent(first[0].getScene().getRoot(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !first[0].isShowing());
        Stage[] again = new Stage[1];
        robot.interact(() -> again[0] = DashboardView.show(stage, vm, lang));
        assertThat(again[0]).isSameAs(first[0]);
        assertThat(again[0].isShowing()).isTrue();
        robot.interact(again[0]::close);
    }
}
