package org.venuegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.decide.StopReason;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.kiosk.KioskCamera;
import org.venuegate.kiosk.ui.KioskWindow;
import org.venuegate.qr.QrRenderer;
import org.venuegate.ui.FxUiExecutor;

/**
 * The stops the phone cannot produce on its own, through the same demo hub, kiosk and virtual camera: a screen
 * showing a yellow code, a stale admission, a forged signature, the venue's own poster, a replayed code, and a code
 * for a venue revoked after the kiosk's last trust-list refresh. Each decision is journaled and synced.
 */
@ExtendWith(ApplicationExtension.class)
class EndToEndStopsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private DemoEnvironment env;
    private KioskWindow kiosk;
    private KioskCamera camera;
    private final ImageView screen = new ImageView();
    private Stage kioskStage;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("e2e-stops");
        env = DemoEnvironment.start(dir, false, 0, new OkHttpClient());
        FxUiExecutor executor = new FxUiExecutor();
        StackPane phone = new StackPane(screen);
        phone.setStyle("-fx-background-color: #5a5a60;");
        stage.setScene(new Scene(phone, 420, 420));
        stage.show();
        kioskStage = new Stage();
        kiosk = KioskWindow.open(kioskStage, env.kiosk, executor, true);
        env.kiosk.start();
        camera = new KioskCamera(new VirtualCamera(() -> phone, Duration.ofMillis(120), 4, false), kiosk::onDecoded,
                KioskCamera.states(kiosk::cameraState)).start();
    }

    @AfterEach
    void stop() {
        camera.close();
        kiosk.close();
        env.close();
    }

    private void show(FxRobot robot, String text) {
        robot.interact(() -> screen.setImage(text == null ? null
                : SwingFXUtils.toFXImage(QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, 5, 4), null)));
    }

    private long count(StopReason reason) {
        return env.kiosk.journal.stats(LocalDate.now(ZONE), ZONE).byStopReason().getOrDefault(reason, 0L);
    }

    private void expect(FxRobot robot, String text, StopReason reason) throws Exception {
        long before = count(reason);
        show(robot, text);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> count(reason) > before);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no " + reason + " decision; journal so far: "
                    + env.kiosk.journal.stats(LocalDate.now(ZONE), ZONE), e);
        }
        // Take the code away so the scan loop sees it leave; the next one counts afresh.
        show(robot, null);
    }

    @Test
    void scansWhileTheHubIsDownAreKeptAndSyncWhenItComesBack(FxRobot robot) throws Exception {
        int port = env.server.port();
        env.server.close();
        expect(robot, code(Colour.YELLOW, Instant.now(), 21), StopReason.YELLOW_CODE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !env.kiosk.sync.status().online() || env.kiosk.journal.pendingCount() > 0);
        long offlinePending = env.kiosk.journal.pendingCount();
        org.venuegate.hub.HubServer again = new org.venuegate.hub.HubServer(env.hub).start(port);
        try {
            env.kiosk.sync.wakeUp();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> env.kiosk.journal.pendingCount() == 0);
            assertThat(offlinePending).isGreaterThanOrEqualTo(1);
            assertThat(env.hub.checkins().count()).isEqualTo(env.kiosk.journal.size());
        } finally {
            again.close();
        }
    }

    private String code(Colour colour, Instant admitted, long nonce) {
        Instant t = admitted.truncatedTo(ChronoUnit.SECONDS);
        return env.hub.trust().ring().issueHealth(new HealthCode(55, "钱*", colour, true, Optional.empty(), false,
                env.kiosk.device.venueId(), t, t.plus(Duration.ofMinutes(30)), nonce), t);
    }

    @Test
    void everyStopThroughTheCameraIsJournaledAndSynced(FxRobot robot) throws Exception {
        Instant now = Instant.now();
        // The demo hub's keys were made seconds ago; a stale admission needs a key that was valid 20 minutes ago.
        env.hub.trust().ring().rotate(org.venuegate.core.keys.KeyRole.HEALTH, now.minus(Duration.ofHours(1)), Duration.ofHours(2));
        env.hub.trust().publish();
        env.kiosk.trust.refresh(env.kiosk.hub);
        expect(robot, code(Colour.YELLOW, now, 1), StopReason.YELLOW_CODE);
        expect(robot, code(Colour.GREEN, now.minus(Duration.ofMinutes(20)), 2), StopReason.STALE);
        var forger = Ed25519.generate();
        String forged = CodeFormat.encodeHealth(new HealthCode(55, "钱*", Colour.GREEN, true, Optional.empty(), false,
                env.kiosk.device.venueId(), now.truncatedTo(ChronoUnit.SECONDS), now.plusSeconds(600).truncatedTo(ChronoUnit.SECONDS), 3),
                forger.getPrivate(), env.hub.trust().ring().signer(org.venuegate.core.keys.KeyRole.HEALTH, Instant.now()).decodedPublic());
        expect(robot, forged, StopReason.FORGED);
        expect(robot, env.kiosk.device.venueCode(), StopReason.VENUE_CODE_SHOWN);

        String green = code(Colour.GREEN, now, 4);
        show(robot, green);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> env.kiosk.journal.stats(LocalDate.now(ZONE), ZONE).passed() >= 1);
        show(robot, null);
        // Shown again only after the prompt went back to waiting (4 s): longer than the scan loop's repeat window,
        // so the camera reads it as a new showing, the way a screenshot held up a second time would be.
        javafx.scene.control.Label headline = robot.from(kioskStage.getScene().getRoot()).lookup(".verdict")
                .queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> headline.getText().equals("请出示健康码"));
        expect(robot, green, StopReason.REPLAYED);

        Principal admin = new Principal(Role.ADMIN, 0, "admin", null, null, null);
        env.hub.venues().revoke(admin, env.kiosk.device.venueId(), "停业整顿");
        env.kiosk.trust.refresh(env.kiosk.hub);
        expect(robot, code(Colour.GREEN, Instant.now(), 5), StopReason.REVOKED_VENUE);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> env.kiosk.journal.pendingCount() == 0);
        assertThat(env.hub.checkins().count()).isEqualTo(env.kiosk.journal.size());
        assertThat(env.kiosk.journal.verify().ok()).isTrue();
    }
}
