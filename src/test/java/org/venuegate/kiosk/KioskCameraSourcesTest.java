package org.venuegate.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.kiosk.capture.CameraState;
import org.venuegate.kiosk.capture.SerialScannerSource;
import org.venuegate.kiosk.capture.VideoFrameSource;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.decode.ScanLoop;
import org.venuegate.testing.Await;
import org.venuegate.testing.PtyPair;
import org.venuegate.testing.TestVideos;

/** The two non-camera inputs end to end into the kiosk's decision: a video file and a serial-port scanner. */
class KioskCameraSourcesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final KioskFixture kiosk = new KioskFixture(EntryPolicy.DEFAULT);
    private final List<String> codes = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final List<KioskEngine.Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<CameraState> states = new CopyOnWriteArrayList<>();

    private void onCode(String text, long capturedNanos) {
        codes.add(text);
        threads.add(Thread.currentThread().getName());
        outcomes.add(kiosk.engine.onCode(text, kiosk.nanos.get()));
    }

    @Test
    void aVideoWithAHealthCodeBetweenBlankFramesIsReadAndDecidedOnce() throws Exception {
        String code = kiosk.issuer.green();
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            frames.add(TestVideos.flat(480, 360, 190));
        }
        for (int i = 0; i < 8; i++) {
            frames.add(TestVideos.withQr(480, 360, code)); // the code held up for 0.8 s
        }
        for (int i = 0; i < 5; i++) {
            frames.add(TestVideos.flat(480, 360, 190));
        }
        Path file = TestVideos.write(dir.resolve("phone.mp4"), 10, frames);

        VideoFrameSource source = new VideoFrameSource(file, false, true);
        try (KioskCamera camera = new KioskCamera(source, this::onCode, states::add).start()) {
            Await.until("the file played through", WAIT, source::finished);
            Await.until("the code", WAIT, () -> !codes.isEmpty());
        }
        assertThat(codes).containsExactly(code);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).decision().pass()).isTrue();
        assertThat(threads).containsExactly("scan-loop");
    }

    @Test
    void aCodeTheSerialScannerSendsAgainWhileHeldIsDecidedOnceAndTheNextCodeToo() throws Exception {
        PtyPair.assumeSocat();
        String first = kiosk.issuer.green();
        String second = kiosk.issuer.health(TestIssuer.greenAt(TestIssuer.VENUE, TestIssuer.T0, 78L));
        try (PtyPair pty = new PtyPair(dir).start();
             KioskCamera camera = new KioskCamera(new SerialScannerSource(pty.scannerEnd().toString(), 9600),
                     this::onCode, states::add).start()) {
            Await.until("the scanner port open", WAIT, () -> !states.isEmpty()
                    && states.get(states.size() - 1).status() == CameraState.Status.RUNNING);
            // a scanner in continuous mode repeats the code while the phone stays under it; one arrives in two pieces
            pty.send(first + "\r\n");
            pty.send(first.substring(0, 50));
            pty.send(first.substring(50) + "\r\n" + first + "\r\n");
            Await.until("the first decision", WAIT, () -> outcomes.size() >= 1);
            pty.send(second + "\n");
            Await.until("the second decision", WAIT, () -> outcomes.size() >= 2);
        }
        assertThat(codes).containsExactly(first, second); // not three "already used" stops for the held code
        assertThat(outcomes).allMatch(o -> o.decision().pass());
        assertThat(threads).containsOnly("camera-supervisor");
    }

    @Test
    void theConfigurationPicksTheInput() throws Exception {
        ScanLoop.Listener none = (t, at) -> { };
        assertThat(KioskCamera.fromConfig(new KioskConfig.Camera("scanner", null, 640, 480), none, s -> { }))
                .as("a keyboard wedge types into the window; nothing to open").isNull();
        try (KioskCamera serial = KioskCamera.fromConfig(new KioskConfig.Camera("serial:" + dir.resolve("ttyACM0") + "@115200",
                null, 640, 480), none, states::add).start()) {
            Await.until("the missing port reported", WAIT, () -> states.stream()
                    .anyMatch(s -> s.status() == CameraState.Status.UNAVAILABLE && s.detail().contains("ttyACM0")));
        }
    }
}
