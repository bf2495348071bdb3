package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.hub.ApplicationService;
import org.venuegate.hub.TestHub;
import org.venuegate.kiosk.DeviceFile;
import org.venuegate.kiosk.Pairer;
import org.venuegate.kiosk.TrustStore;
import org.venuegate.kiosk.sync.Pairing;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class PairingViewModelTest {
    @TempDir
    Path dir;

    @Test
    void pairsOnceWithTheAdminsCodeAndRefusesItAgain() throws Exception {
        try (TestHub hub = new TestHub()) {
            long app = hub.submit("配对向导场所");
            long venue = hub.hub.applications().decide(hub.admin, app,
                    new ApplicationService.Decision(ApplicationService.Verdict.PASS, null, 1)).application().venueId();
            String code = hub.hub.venues().createPairingCode(hub.admin, venue).code();
            OkHttpClient http = new OkHttpClient();
            List<Pairing> paired = new ArrayList<>();
            PairingViewModel vm = new PairingViewModel((c, label) -> Pairer.pair(http, hub.url, c, label, dir),
                    new InlineUiExecutor(), new Lang(Locale.ENGLISH), paired::add);
            vm.pair();
            assertThat(vm.messageProperty().get()).isEqualTo("Enter the pairing code");
            vm.codeProperty().set(code.toLowerCase(Locale.ROOT));
            vm.labelProperty().set("East door");
            vm.pair();
            assertThat(paired).hasSize(1);
            assertThat(vm.messageProperty().get()).isEqualTo("Paired: 配对向导场所");
            assertThat(DeviceFile.load(dir).venueId()).isEqualTo(venue);
            assertThat(Files.exists(dir.resolve(TrustStore.NAME))).isTrue();
            vm.pair();
            assertThat(vm.messageProperty().get()).startsWith("Pairing failed:").contains("already used");
            assertThat(paired).hasSize(1);
        }
    }
}
