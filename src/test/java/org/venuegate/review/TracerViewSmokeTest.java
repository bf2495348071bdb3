package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/** The tracer screen on a real hub: typed in, searched by clicking, in both languages at 1366 × 768. */
@ExtendWith(ApplicationExtension.class)
class TracerViewSmokeTest {
    static TestHub hub;
    static long venue;
    static final String MANUAL = "M3fa8c1d20b7e44a9c0d1e2f3a4b5c6d7";
    private Stage stage;

    @BeforeAll
    static void data() throws Exception {
        hub = new TestHub();
        hub.user("tracer", Role.TRACER, null);
        venue = BackOfficeFixture.passedVenue(hub, "滨江道百货大楼");
        Principal kiosk = BackOfficeFixture.pairKiosk(hub, venue, "东门");
        BackOfficeFixture.checkins(hub, kiosk, 0, 90, "S" + hub.citizenSubject, MANUAL, "S" + hub.citizenSubject);
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
    void searchByVenueInBothLanguages(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        // Subjects are pseudonyms people copy from case files.
        Set<String> typed = Set.of(MANUAL.substring(1), MANUAL);
        for (String tag : new String[] {"zh-CN", "en"}) {
            Lang lang = Lang.of(tag);
            TracerViewModel vm = new TracerViewModel(BackOfficeFixture.client(hub, "tracer"), new FxUiExecutor(), lang);
            // From yesterday: check-ins 90 minutes ago may fall before midnight in Tianjin.
            vm.fromDateProperty().set(vm.toDateProperty().get().minusDays(1));
            Scene scene = ScreenShots.show(robot, stage, () -> TracerView.load(vm, lang));
            Label notice = robot.lookup("#notice").queryAs(Label.class);
            assertThat(notice.getText()).isEqualTo(lang.get("bo.trace.audited"));
            Button search = robot.lookup("#search").queryAs(Button.class);
            robot.interact(() -> robot.lookup("#venueId").queryAs(TextField.class).setText(Long.toString(venue)));
            long audited = BackOfficeFixture.audit(hub, "TRACE_%");
            robot.clickOn(search);
            Label banner = robot.lookup("#banner").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> banner.getText().equals(lang.get("bo.trace.caseRequired")));
            assertThat(BackOfficeFixture.audit(hub, "TRACE_%")).isEqualTo(audited);
            robot.interact(() -> robot.lookup("#caseRef").queryAs(TextField.class).setText("JC-2026-0412"));
            robot.clickOn(search);
            TableView<?> results = robot.lookup("#results").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.getItems().size() == 2); // the hand registration is not a visit
            TableView<?> unverified = robot.lookup("#unverified").queryAs(TableView.class);
            assertThat(unverified.getItems()).hasSize(1);
            assertThat(unverified.isVisible()).isTrue();
            assertThat(BackOfficeFixture.lastAuditDetail(hub, "TRACE_VENUE")).startsWith("case JC-2026-0412:");
            ScreenShots.check(robot, scene, lang.locale(), typed::contains,
                    "tracer-venue-" + (tag.startsWith("zh") ? "zh" : "en") + ".png", problems);
        }
        assertThat(problems).isEmpty();
    }
}
