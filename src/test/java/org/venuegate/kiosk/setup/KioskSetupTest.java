package org.venuegate.kiosk.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.kiosk.DeviceFile;

/** The kiosk scans only when paired and bound to the venue it was paired to. */
class KioskSetupTest {
    @TempDir
    Path dir;

    private static DeviceFile device(long venueId) {
        return new DeviceFile("http://localhost:8470", 1, "token", "key", "k1", venueId, "场所", "HP-1", "VGV1:X", null);
    }

    private static VenueBinding binding(long venueId) {
        return new VenueBinding(venueId, "HP-1", "场所", "VGV1:X", "k1", Instant.EPOCH, VenueBinding.Via.CAMERA);
    }

    @Test
    void pairThenBindThenRun() throws Exception {
        assertThat(KioskSetup.next(dir)).isEqualTo(KioskSetup.Step.PAIR);
        device(7).save(dir);
        assertThat(KioskSetup.next(dir)).isEqualTo(KioskSetup.Step.BIND);
        binding(7).save(dir);
        assertThat(KioskSetup.next(dir)).isEqualTo(KioskSetup.Step.RUN);
    }

    @Test
    void aBindingForAnotherVenueOrADamagedOneMeansBindAgain() throws Exception {
        device(7).save(dir);
        binding(8).save(dir);
        assertThat(KioskSetup.next(dir)).as("paired anew to another venue").isEqualTo(KioskSetup.Step.BIND);
        Files.writeString(dir.resolve(VenueBinding.NAME), "{");
        assertThat(KioskSetup.next(dir)).isEqualTo(KioskSetup.Step.BIND);
    }

    @Test
    void aDamagedDeviceFileIsAnError() throws Exception {
        Files.writeString(dir.resolve(DeviceFile.NAME), "{");
        assertThatThrownBy(() -> KioskSetup.next(dir)).hasMessageContaining("pair the kiosk again");
    }
}
