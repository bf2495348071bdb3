package org.venuegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.api.VenueTrace;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.ui.KioskWindow;
import org.venuegate.phone.PhoneApp;
import org.venuegate.phone.PhoneVoice;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;

/**
 * The whole flow, headless: demo hub and data, the phone unveils its code for the demo venue, the kiosk reads the
 * phone's rendered window through the virtual camera, decides, journals, syncs, and a tracer finds it once.
 */
@ExtendWith(ApplicationExtension.class)
class EndToEndTest {
    private DemoEnvironment env;
    private PhoneApp.Phone phone;
    private KioskWindow kiosk;
    private KioskCamera camera;
    private Stage kioskStage;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("e2e");
        env = DemoEnvironment.start(dir, false, 0, new OkHttpClient());
        FxUiExecutor executor = new FxUiExecutor();
        phone = PhoneApp.Phone.open(stage, env.http, executor, env.hubUrl, Lang.of("zh-CN"), PhoneVoice.SILENT,
                "citizen", DemoSeeder.PASSWORD);
        kioskStage = new Stage();
        kiosk = KioskWindow.open(kioskStage, env.kiosk, executor, true);
        env.kiosk.start();
        camera = new KioskCamera(new VirtualCamera(() -> phone.scene().getRoot(), java.time.Duration.ofMillis(150), 6, false, 1),
                kiosk::onDecoded, KioskCamera.states(kiosk::cameraState)).start();
    }

    @AfterEach
    void stop() {
        camera.close();
        kiosk.close();
        env.close();
    }

    @Test
    void phoneUnveilsKioskPassesJournalSyncsAndTracerFindsItOnce(FxRobot robot) throws Exception {
        long venueId = env.kiosk.device.venueId();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !phone.healthCode().persons().isEmpty());
        robot.interact(() -> phone.healthCode().scanText(Long.toString(venueId)));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> phone.healthCode().unveiledCodeTextProperty().get() != null);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> env.kiosk.journal.size() >= 1);
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        var stats = env.kiosk.journal.stats(java.time.LocalDate.now(zone), zone);
        assertThat(stats.passed()).as("the kiosk read the phone window and passed the code").isEqualTo(1);
        assertThat(stats.stopped()).isZero();
        snapshot(robot, kioskStage, "e2e-kiosk-pass.png");
        snapshot(robot, (Stage) phone.scene().getWindow(), "phone-unveiled.png");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> env.kiosk.journal.pendingCount() == 0);
        Principal tracer = new Principal(Role.TRACER, 0, "tracer", null, null, null);
        VenueTrace visits = env.hub.trace().atVenue(tracer, "案件-E2E", venueId,
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60));
        assertThat(visits.visits()).hasSize(1);
        assertThat(visits.visits().get(0).outcome()).isEqualTo("PASS");
    }

    @Test
    void codeUnveiledForAnotherVenueStopsThenTheRightScanPasses(FxRobot robot) throws Exception {
        long kioskVenue = env.kiosk.device.venueId();
        Principal admin = new Principal(Role.ADMIN, 0, "admin", null, null, null);
        long other = env.hub.venues().byCreditCode(admin, DemoSeeder.CREDIT).stream()
                .filter(v -> v.id() != kioskVenue).findFirst().orElseThrow().id();
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !phone.healthCode().persons().isEmpty());
        robot.interact(() -> phone.healthCode().scanText(Long.toString(other)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> env.kiosk.journal.stats(java.time.LocalDate.now(zone), zone)
                .byStopReason().getOrDefault(org.venuegate.core.decide.StopReason.OTHER_VENUE, 0L) >= 1);
        snapshot(robot, kioskStage, "e2e-kiosk-other-venue.png");

        robot.interact(() -> phone.healthCode().close());
        robot.interact(() -> phone.healthCode().scanText(Long.toString(kioskVenue)));
        // Scanning this venue's code after being stopped lets the same person in, once however long it is held.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> env.kiosk.journal.stats(java.time.LocalDate.now(zone), zone).passed() >= 1);
        var stats = env.kiosk.journal.stats(java.time.LocalDate.now(zone), zone);
        assertThat(stats.passed()).isEqualTo(1);
        assertThat(stats.stopped()).isEqualTo(1);
    }

    @Test
    void aRedCodeUnveiledForThisVenueStopsWithItsFollowUp(FxRobot robot) throws Exception {
        // A second phone, signed in as the red-coded citizen; the camera films this one instead.
        camera.close();
        PhoneApp.Phone[] holder = new PhoneApp.Phone[1];
        robot.interact(() -> holder[0] = PhoneApp.Phone.open(new Stage(), env.http, new FxUiExecutor(), env.hubUrl,
                Lang.of("zh-CN"), PhoneVoice.SILENT, "citizen-red", DemoSeeder.PASSWORD));
        camera = new KioskCamera(new VirtualCamera(() -> holder[0].scene().getRoot(), java.time.Duration.ofMillis(150), 0, false),
                kiosk::onDecoded, KioskCamera.states(kiosk::cameraState)).start();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !holder[0].healthCode().persons().isEmpty());
        // FAQ 4: the red citizen first sees the pop-up with the reason and follow-up, and closes it.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> holder[0].healthCode().popupShownProperty().get());
        robot.interact(() -> holder[0].healthCode().dismissPopup());
        // The red citizen has no applications of their own, so the "camera" input gets the poster's text.
        String posterText = env.hub.venues().venue(new Principal(Role.ADMIN, 0, "admin", null, null, null),
                env.kiosk.device.venueId()).codeText();
        robot.interact(() -> holder[0].healthCode().scanText(posterText));
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> env.kiosk.journal.stats(java.time.LocalDate.now(zone), zone)
                .byStopReason().getOrDefault(org.venuegate.core.decide.StopReason.RED_CODE, 0L) >= 1);
        javafx.scene.control.Label headline = robot.from(kioskStage.getScene().getRoot()).lookup(".headline")
                .queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> headline.getText().equals("红码 请止步"));
        snapshot(robot, kioskStage, "e2e-kiosk-red.png");
    }

    private static void snapshot(FxRobot robot, Stage stage, String name) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", dir.resolve(name).toFile());
    }
}
