package org.venuegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.venuegate.deploy.AppDirs;
import org.venuegate.deploy.Os;

/** Where {@code venuegate hub} keeps its data, and so its first admin password, when --data is not given. */
class HubCommandTest {
    private static final Supplier<AppDirs> GATE = () -> AppDirs.resolve(Os.LINUX, Map.of(), Path.of("/home/gate"));
    private static final Path PLATFORM = Path.of("/home/gate/.local/share/venuegate/hub-data");

    static Path data(boolean postgres, boolean installed, Map<String, String> env) {
        return HubCommand.defaultData(postgres, installed, env::get, GATE);
    }

    @Test
    void withPostgresTheAdminPasswordGoesToThePlatformDataFolderNotTheWorkingDirectory() {
        assertThat(data(true, false, Map.of())).isEqualTo(PLATFORM);
        assertThat(data(true, true, Map.of())).isEqualTo(PLATFORM);
    }

    @Test
    void anInstalledHubUsesThePlatformDataFolderAndTheDevelopersJarTheWorkingDirectory() {
        assertThat(data(false, true, Map.of())).isEqualTo(PLATFORM);
        assertThat(data(false, false, Map.of())).isEqualTo(Path.of("hub-data").toAbsolutePath());
    }

    @Test
    void underSystemdTheServicesStateDirectoryWins() {
        for (boolean postgres : new boolean[] {false, true}) {
            assertThat(data(postgres, true, Map.of("STATE_DIRECTORY", "/var/lib/venuegate-hub")))
                    .isEqualTo(Path.of("/var/lib/venuegate-hub"));
            assertThat(data(postgres, false, Map.of("STATE_DIRECTORY", "/var/lib/venuegate-hub:/var/lib/other")))
                    .as("several StateDirectory= entries: the first").isEqualTo(Path.of("/var/lib/venuegate-hub"));
            assertThat(data(postgres, true, Map.of("STATE_DIRECTORY", ""))).as("empty: not under systemd").isEqualTo(PLATFORM);
        }
    }

    @Test
    void theDefaultIsAlwaysAbsoluteSoThePrintedPathIsComplete() {
        for (boolean postgres : new boolean[] {false, true}) {
            for (boolean installed : new boolean[] {false, true}) {
                assertThat(data(postgres, installed, Map.of())).isAbsolute();
            }
        }
    }
}
