package org.venuegate.kiosk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;

class StartupBenchTest {
    @TempDir
    Path dir;

    @Test
    void theBenchsKioskIsPairedTrustsItsListAndPlaysAReplayCamera() throws Exception {
        Path config = StartupBench.prepare(dir);
        KioskConfig cfg = KioskConfigLoader.load(config);
        assertThat(cfg.camera().source()).startsWith("replay:");
        try (KioskRuntime rt = new KioskRuntime(config.getParent(), dir.resolve("kiosk-data"), cfg, new OkHttpClient())) {
            assertThat(rt.device.venueId()).isEqualTo(42);
            assertThat(rt.trust.current()).as("a signed trust list the pinned root key accepts").isNotNull();
        }
    }

    @Test
    void percentilesAreNearestRank() {
        StartupBench.Result r = new StartupBench.Result(List.of(1300L, 1000L, 1100L, 1200L, 1400L), List.of(), 0);
        assertThat(r.median()).isEqualTo(1200);
        assertThat(r.p95()).isEqualTo(1400);
        assertThat(r.percentile(0)).isEqualTo(1000);
        assertThat(new StartupBench.Result(List.of(), List.of(), 3).median()).isEqualTo(-1);
    }
}
