package org.venuegate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** installers/linux/venuegate-kiosk-supervisor without systemd: restarts after a crash, stops after a clean exit. */
class KioskSupervisorScriptTest {
    @TempDir
    Path dir;

    @Test
    void restartsAfterNonZeroExitsAndStopsAfterACleanOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        // a fake kiosk: crashes twice (status 1, then killed by a signal), exits cleanly the third time
        Path count = dir.resolve("count");
        Path fake = dir.resolve("fake-kiosk");
        Files.writeString(fake, String.join("\n", "#!/bin/sh",
                "n=$(cat '" + count + "' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '" + count + "'",
                "[ $n -eq 1 ] && exit 1",
                "[ $n -eq 2 ] && kill -9 $$",
                "exit 0", ""));
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        ProcessBuilder pb = new ProcessBuilder("sh", Path.of("installers/linux/venuegate-kiosk-supervisor").toString())
                .redirectErrorStream(true);
        pb.environment().put("VENUEGATE_KIOSK_CMD", fake.toString());
        pb.environment().put("VENUEGATE_NO_SYSTEMD", "1");
        pb.environment().put("VENUEGATE_RESTART_DELAY", "0");
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(count).trim()).isEqualTo("3");
        List<String> log = Files.readAllLines(dir.resolve("state/venuegate/logs/supervisor.log"));
        assertThat(log).anyMatch(l -> l.contains("exited with status 1"))
                .anyMatch(l -> l.contains("exited with status 137"))
                .anyMatch(l -> l.contains("exited cleanly; not restarting"));
    }
}
