package org.venuegate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {
    private static final Path HOME = Path.of("/home/gate");

    @Test
    void linuxFollowsXdgVariables() {
        AppDirs d = AppDirs.resolve(Os.LINUX, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/dat",
                "XDG_STATE_HOME", "/st"), HOME);
        assertThat(d.config()).isEqualTo(Path.of("/cfg/venuegate"));
        assertThat(d.kioskConfig()).isEqualTo(Path.of("/cfg/venuegate/kiosk-config"));
        assertThat(d.data()).isEqualTo(Path.of("/dat/venuegate"));
        assertThat(d.kioskData()).isEqualTo(Path.of("/dat/venuegate/kiosk-data"));
        assertThat(d.logs()).isEqualTo(Path.of("/st/venuegate/logs"));
    }

    @Test
    void linuxFallsBackToTheHomeFolderWhenVariablesAreUnsetEmptyOrRelative() {
        for (Map<String, String> env : new Map[] {Map.of(), Map.of("XDG_CONFIG_HOME", "", "XDG_STATE_HOME", " "),
                Map.of("XDG_CONFIG_HOME", "rel/cfg", "XDG_DATA_HOME", "./d", "XDG_STATE_HOME", "st")}) {
            AppDirs d = AppDirs.resolve(Os.LINUX, env, HOME);
            assertThat(d.config()).isEqualTo(HOME.resolve(".config/venuegate"));
            assertThat(d.data()).isEqualTo(HOME.resolve(".local/share/venuegate"));
            assertThat(d.logs()).isEqualTo(HOME.resolve(".local/state/venuegate/logs"));
            assertThat(d.hubData()).isEqualTo(HOME.resolve(".local/share/venuegate/hub-data"));
        }
    }

    @Test
    void windowsUsesRoamingAppDataForConfigAndLocalAppDataForDataAndLogs() {
        AppDirs d = AppDirs.resolve(Os.WINDOWS, Map.of("APPDATA", "C:\\Users\\gate\\AppData\\Roaming",
                "LOCALAPPDATA", "C:\\Users\\gate\\AppData\\Local"), Path.of("C:\\Users\\gate"));
        assertThat(d.config()).isEqualTo(Path.of("C:\\Users\\gate\\AppData\\Roaming", "VenueGate"));
        assertThat(d.kioskConfig()).isEqualTo(Path.of("C:\\Users\\gate\\AppData\\Roaming", "VenueGate", "kiosk-config"));
        assertThat(d.data()).isEqualTo(Path.of("C:\\Users\\gate\\AppData\\Local", "VenueGate"));
        assertThat(d.logs()).isEqualTo(Path.of("C:\\Users\\gate\\AppData\\Local", "VenueGate", "Logs"));
    }

    @Test
    void windowsWithoutTheVariablesUsesTheProfileFolders() {
        Path home = Path.of("C:\\Users\\gate");
        AppDirs d = AppDirs.resolve(Os.WINDOWS, Map.of(), home);
        assertThat(d.config()).isEqualTo(home.resolve("AppData").resolve("Roaming").resolve("VenueGate"));
        assertThat(d.logs()).isEqualTo(home.resolve("AppData").resolve("Local").resolve("VenueGate").resolve("Logs"));
    }

    @Test
    void macosUsesApplicationSupportAndLibraryLogs() {
        Path home = Path.of("/Users/gate");
        AppDirs d = AppDirs.resolve(Os.MACOS, Map.of("XDG_CONFIG_HOME", "/ignored"), home);
        assertThat(d.config()).isEqualTo(Path.of("/Users/gate/Library/Application Support/VenueGate"));
        assertThat(d.kioskConfig()).isEqualTo(Path.of("/Users/gate/Library/Application Support/VenueGate/kiosk-config"));
        assertThat(d.kioskData()).isEqualTo(Path.of("/Users/gate/Library/Application Support/VenueGate/kiosk-data"));
        assertThat(d.logs()).isEqualTo(Path.of("/Users/gate/Library/Logs/VenueGate"));
    }

    @Test
    void osNamesMapToPlatforms() {
        assertThat(Os.of("Windows 11")).isEqualTo(Os.WINDOWS);
        assertThat(Os.of("Mac OS X")).isEqualTo(Os.MACOS);
        assertThat(Os.of("Linux")).isEqualTo(Os.LINUX);
        assertThat(Os.of("FreeBSD")).isEqualTo(Os.LINUX);
    }
}
