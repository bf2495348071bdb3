package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.kiosk.capture.CameraState.Status;
import org.venuegate.kiosk.capture.CameraUnavailableException.Reason;
import org.venuegate.testing.Await;
import org.venuegate.testing.PtyPair;

/** The serial scanner source on real pseudo-terminals (socat), through jSerialComm's native code. */
class SerialScannerSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @BeforeEach
    void needsSocat() {
        PtyPair.assumeSocat();
    }

    /** Reads lines until {@code count} arrived or the deadline passes. */
    private static List<String> read(SerialScannerSource s, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lines.size() < count && System.nanoTime() < deadline) {
            String line = s.next();
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void linesWrittenAtTheScannerEndArriveWholeWhateverTheirLineEndAndSplit() throws Exception {
        try (PtyPair pty = new PtyPair(dir).start();
             SerialScannerSource s = new SerialScannerSource(pty.scannerEnd().toString(), 115200)) {
            s.open(Duration.ofSeconds(2));
            pty.send("VGH1:FIRST\r\n");
            assertThat(read(s, 1)).containsExactly("VGH1:FIRST");
            pty.send("VGH1:SEC");
            assertThat(s.next()).isNull(); // half a code is not a code
            pty.send("OND\r");
            pty.send("\nVGH1:THIRD\nVGH1:FOURTH\r");
            assertThat(read(s, 3)).containsExactly("VGH1:SECOND", "VGH1:THIRD", "VGH1:FOURTH");
            assertThat(s.describe()).contains("scanner").contains("115200");
        }
    }

    @Test
    void overLongGarbageIsDroppedAndTheNextCodeStillReads() throws Exception {
        try (PtyPair pty = new PtyPair(dir).start();
             SerialScannerSource s = new SerialScannerSource(pty.scannerEnd().toString(), 9600)) {
            s.open(Duration.ofSeconds(2));
            pty.send("#".repeat(SerialScannerSource.MAX_LINE_BYTES * 3) + "\nVGH1:AFTER-NOISE\n");
            assertThat(read(s, 1)).containsExactly("VGH1:AFTER-NOISE");
            assertThat(s.discardedRuns()).isEqualTo(1);
        }
    }

    @Test
    void aMissingPortIsNotFoundAndNamesThePort() {
        SerialScannerSource s = new SerialScannerSource(dir.resolve("ttyACM9").toString(), 9600);
        assertThatThrownBy(() -> s.open(Duration.ofSeconds(1)))
                .isInstanceOf(CameraUnavailableException.class)
                .hasMessageContaining("ttyACM9").hasMessageContaining("not found")
                .extracting(e -> ((CameraUnavailableException) e).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void aPortAnotherProgramHoldsIsBusy() throws Exception {
        try (PtyPair pty = new PtyPair(dir).start();
             SerialScannerSource holder = new SerialScannerSource(pty.scannerEnd().toString(), 9600);
             SerialScannerSource second = new SerialScannerSource(pty.scannerEnd().toString(), 9600)) {
            holder.open(Duration.ofSeconds(1));
            assertThatThrownBy(() -> second.open(Duration.ofSeconds(1)))
                    .isInstanceOf(CameraUnavailableException.class)
                    .hasMessageContaining("in use")
                    .extracting(e -> ((CameraUnavailableException) e).reason()).isEqualTo(Reason.BUSY);
        }
    }

    @Test
    void unpluggedShowsUnavailableWithTheReasonAndRecoversWhenPluggedBackIn() throws Exception {
        List<CameraState> states = new CopyOnWriteArrayList<>();
        List<String> codes = new CopyOnWriteArrayList<>();
        PtyPair pty = new PtyPair(dir).start();
        SerialScannerSource source = new SerialScannerSource(pty.scannerEnd().toString(), 9600);
        try (CameraSupervisor sup = CameraSupervisor.forCodes(source, codes::add, states::add, Duration.ofSeconds(2),
                Duration.ofMillis(200), d -> Thread.sleep(d.toMillis()))) {
            sup.start();
            Await.until("the port to open", WAIT, () -> sup.state().status() == Status.RUNNING);
            pty.send("VGH1:BEFORE\r\n");
            Await.until("the first code", WAIT, () -> codes.contains("VGH1:BEFORE"));
            assertThat(Thread.currentThread().getName()).isNotEqualTo("camera-supervisor");

            pty.unplug();
            Await.until("unavailable", WAIT, () -> sup.state().status() == Status.UNAVAILABLE);
            CameraState down = sup.state();
            assertThat(down.reason()).isIn(Reason.UNPLUGGED, Reason.NOT_FOUND);
            assertThat(down.detail()).contains(pty.scannerEnd().toString());
            // it keeps trying while the cable is out, and says plainly that the port is not there
            Await.until("a retry to find no port", WAIT, () -> states.stream().anyMatch(st -> st.reason() == Reason.NOT_FOUND));
            int attemptsWhileOut = (int) states.stream().filter(st -> st.status() == Status.OPENING).count();
            Await.until("more retries", WAIT, () -> states.stream().filter(st -> st.status() == Status.OPENING).count() > attemptsWhileOut + 1);

            pty.start();
            Await.until("recovery", WAIT, () -> sup.state().status() == Status.RUNNING);
            pty.send("VGH1:AFTER\n");
            Await.until("a code after recovery", WAIT, () -> codes.contains("VGH1:AFTER"));
            assertThat(codes).containsExactly("VGH1:BEFORE", "VGH1:AFTER");
        } finally {
            pty.close();
        }
        assertThat(states.get(states.size() - 1).status()).isEqualTo(Status.STOPPED);
    }
}
