package org.venuegate.kiosk.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;

/** The gate output: a program that works, fails or hangs; never blocking the caller; the configuration's checks. */
class GateTest {
    @TempDir
    Path dir;

    private Gate.Result await(LinkedBlockingQueue<Gate.Result> results) throws InterruptedException {
        Gate.Result r = results.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("the gate reports how the opening ended").isNotNull();
        return r;
    }

    @Test
    void aProgramRunsOnOpenAndItsFailureOrHangIsReportedNotThrown() throws Exception {
        Path marker = dir.resolve("opened");
        LinkedBlockingQueue<Gate.Result> results = new LinkedBlockingQueue<>();
        try (Gate ok = new Gate(new ProgramGate(List.of("sh", "-c", "echo open >> " + marker), Duration.ofSeconds(5)),
                Duration.ofSeconds(6), results::add)) {
            ok.open();
            assertThat(await(results).ok()).isTrue();
            assertThat(Files.readString(marker)).isEqualTo("open\n");
        }
        try (Gate failing = new Gate(new ProgramGate(List.of("sh", "-c", "exit 3"), Duration.ofSeconds(5)),
                Duration.ofSeconds(6), results::add)) {
            failing.open();
            Gate.Result r = await(results);
            assertThat(r.ok()).isFalse();
            assertThat(r.problem()).contains("exit status 3");
        }
        try (Gate hanging = new Gate(new ProgramGate(List.of("sleep", "30"), Duration.ofMillis(300)),
                Duration.ofSeconds(2), results::add)) {
            long t0 = System.nanoTime();
            hanging.open();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("open() returns at once").isLessThan(200);
            Gate.Result r = await(results);
            assertThat(r.ok()).isFalse();
            assertThat(r.problem()).contains("did not finish within 300 ms");
        }
        try (Gate missing = new Gate(new ProgramGate(List.of(dir.resolve("no-such-program").toString()), Duration.ofSeconds(1)),
                Duration.ofSeconds(2), results::add)) {
            missing.open();
            assertThat(await(results).problem()).contains("cannot start");
        }
    }

    private static KioskConfig parse(String gate) throws KioskConfigLoader.ConfigException {
        return KioskConfigLoader.parse(Path.of("kiosk.json"), "{\"gate\": " + gate + "}");
    }

    @Test
    void theConfigurationNamesWhatIsWrongWithAGate() throws Exception {
        assertThat(parse("{\"serial\": \"/dev/ttyUSB0@19200\", \"sendHex\": \"A0 01 01 A2\"}").gate().baud()).isEqualTo(19200);
        assertThat(parse("{\"serial\": \"/dev/ttyUSB0\", \"send\": \"OPEN\\r\\n\"}").gate().bytes()).containsExactly('O', 'P', 'E', 'N', '\r', '\n');
        assertThat(parse("{\"run\": [\"/usr/bin/open-gate\", \"--ms\", \"800\"]}").gate().run()).hasSize(3);
        assertThatThrownBy(() -> parse("{}")).hasMessageContaining("exactly one of 'serial'");
        assertThatThrownBy(() -> parse("{\"serial\": \"/dev/x\", \"run\": [\"a\"]}")).hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> parse("{\"serial\": \"/dev/x\", \"sendHex\": \"A0 0\"}")).hasMessageContaining("gate.sendHex")
                .hasMessageContaining("not hex bytes");
        assertThatThrownBy(() -> parse("{\"serial\": \"/dev/x@fast\", \"send\": \"1\"}")).hasMessageContaining("not a baud rate");
        assertThatThrownBy(() -> parse("{\"serial\": \"/dev/x\"}")).hasMessageContaining("1 to 256 bytes");
        assertThatThrownBy(() -> parse("{\"run\": [\"a\"], \"timeoutMillis\": 5}")).hasMessageContaining("gate.timeoutMillis");
        assertThatThrownBy(() -> parse("{\"run\": [\"a\"], \"pin\": 4}")).hasMessageContaining("unknown field");
    }
}
