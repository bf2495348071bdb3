package org.venuegate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutostartTest {
    @TempDir
    Path home;

    @Test
    void linuxWritesAnXdgAutostartEntryRunningTheSupervisor() throws IOException {
        Path app = Files.createDirectories(home.resolve("opt/venuegate/lib/app"));
        Files.writeString(app.resolve(Autostart.LINUX_SUPERVISOR), "#!/bin/sh\n");
        Files.writeString(app.getParent().resolve("VenueGate.png"), "png");
        AppDirs dirs = AppDirs.resolve(Os.LINUX, Map.of("XDG_CONFIG_HOME", home.resolve("cfg").toString()), home);
        Autostart a = new Autostart(Os.LINUX, dirs, home);

        Path entry = a.enable(app);
        assertThat(entry).isEqualTo(home.resolve("cfg/autostart/venuegate-kiosk.desktop"));
        assertThat(Files.readAllLines(entry)).contains("[Desktop Entry]", "Type=Application", "Name=VenueGate Kiosk",
                "Exec=\"" + app.resolve("venuegate-kiosk-supervisor") + "\"", "Icon=" + app.getParent().resolve("VenueGate.png"));
        assertThat(a.disable()).contains(entry);
        assertThat(entry).doesNotExist();
        assertThat(a.disable()).isEmpty();
    }

    @Test
    void windowsWritesAStartupFolderCommandRunningThePowerShellSupervisorHidden() throws IOException {
        Path app = Files.createDirectories(home.resolve("Program Files/VenueGate/app"));
        Files.writeString(app.resolve(Autostart.WINDOWS_SUPERVISOR), "# ps1");
        Path roaming = home.resolve("AppData/Roaming");
        AppDirs dirs = AppDirs.resolve(Os.WINDOWS, Map.of("APPDATA", roaming.toString()), home);

        Path entry = new Autostart(Os.WINDOWS, dirs, home).enable(app);
        assertThat(entry).isEqualTo(roaming.resolve("Microsoft/Windows/Start Menu/Programs/Startup/VenueGate Kiosk.cmd"));
        String text = Files.readString(entry);
        assertThat(text).contains("\r\n").contains("powershell.exe -NoProfile -WindowStyle Hidden -ExecutionPolicy Bypass -File \""
                + app.resolve("kiosk-supervisor.ps1") + "\"");
    }

    @Test
    void macosWritesALaunchAgentThatRestartsOnlyAfterAFailure() throws IOException {
        Path contents = home.resolve("Applications/VenueGate Kiosk.app/Contents");
        Path app = Files.createDirectories(contents.resolve("app"));
        Files.createDirectories(contents.resolve("MacOS"));
        Files.writeString(contents.resolve("MacOS/VenueGate Kiosk"), "bin");
        AppDirs dirs = AppDirs.resolve(Os.MACOS, Map.of(), home);

        Path entry = new Autostart(Os.MACOS, dirs, home).enable(app);
        assertThat(entry).isEqualTo(home.resolve("Library/LaunchAgents/org.venuegate.kiosk.plist"));
        assertThat(Files.readString(entry)).contains("<string>" + contents.resolve("MacOS/VenueGate Kiosk") + "</string>")
                .contains("<key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>").contains("<key>RunAtLoad</key><true/>");
    }

    @Test
    void withoutAnInstalledAppNothingIsWritten() {
        AppDirs dirs = AppDirs.resolve(Os.LINUX, Map.of(), home);
        Autostart a = new Autostart(Os.LINUX, dirs, home);
        assertThatThrownBy(() -> a.enable(home.resolve("target"))).isInstanceOf(IOException.class)
                .hasMessageContaining("installed application");
        assertThat(a.entry()).doesNotExist();
    }
}
