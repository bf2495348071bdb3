package org.venuegate.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the installed kiosk at the user's login, under a supervisor that restarts it after a crash (a non-zero exit)
 * and leaves it stopped after a clean exit (the administrator closed it with the PIN). The supervisor is never the app:
 *
 * <ul>
 * <li>Linux: an XDG autostart entry ({@code $XDG_CONFIG_HOME/autostart/venuegate-kiosk.desktop}) running
 *     {@code lib/app/venuegate-kiosk-supervisor}, which hands the kiosk to the user's systemd
 *     ({@code venuegate-kiosk.service}, {@code Restart=on-failure}) or, without a systemd user session, supervises it
 *     itself with a growing back-off.</li>
 * <li>Windows: {@code VenueGate Kiosk.cmd} in the user's Startup folder running {@code app\kiosk-supervisor.ps1}
 *     hidden; the script restarts the kiosk with a growing back-off.</li>
 * <li>macOS: a launchd agent ({@code ~/Library/LaunchAgents/org.venuegate.kiosk.plist}) with
 *     {@code KeepAlive/SuccessfulExit=false}: launchd is the supervisor.</li>
 * </ul>
 */
public final class Autostart {
    public static final String LINUX_ENTRY = "venuegate-kiosk.desktop";
    public static final String LINUX_SUPERVISOR = "venuegate-kiosk-supervisor";
    public static final String WINDOWS_ENTRY = "VenueGate Kiosk.cmd";
    public static final String WINDOWS_SUPERVISOR = "kiosk-supervisor.ps1";
    public static final String MAC_LABEL = "org.venuegate.kiosk";
    public static final String MAC_LAUNCHER = "VenueGate Kiosk";

    private final Os os;
    private final AppDirs dirs;
    private final Path home;

    public Autostart(Os os, AppDirs dirs, Path home) {
        this.os = os;
        this.dirs = dirs;
        this.home = home;
    }

    public static Autostart current() {
        return new Autostart(Os.current(), AppDirs.current(), Path.of(System.getProperty("user.home")));
    }

    /** Where the autostart entry lives on this platform. */
    public Path entry() {
        switch (os) {
            case WINDOWS:
                // %APPDATA% is the parent of the config folder %APPDATA%\VenueGate
                return dirs.config().getParent().resolve("Microsoft").resolve("Windows").resolve("Start Menu")
                        .resolve("Programs").resolve("Startup").resolve(WINDOWS_ENTRY);
            case MACOS:
                return home.resolve("Library").resolve("LaunchAgents").resolve(MAC_LABEL + ".plist");
            default:
                // $XDG_CONFIG_HOME is the parent of the config folder $XDG_CONFIG_HOME/venuegate
                return dirs.config().getParent().resolve("autostart").resolve(LINUX_ENTRY);
        }
    }

    /**
     * Writes the autostart entry for the app image whose jar folder is {@code appDir}; returns it.
     *
     * @throws IOException when the supervisor the entry would run is not in {@code appDir} (not an installed app)
     */
    public Path enable(Path appDir) throws IOException {
        Path entry = entry();
        String text;
        switch (os) {
            case WINDOWS: {
                Path script = requireFile(appDir.resolve(WINDOWS_SUPERVISOR));
                text = String.join("\r\n",
                        "@echo off",
                        "rem VenueGate kiosk at login, written by \"VenueGate kiosk --autostart on\"; \"--autostart off\" deletes it.",
                        "rem The supervisor restarts the kiosk after a crash and stops after a clean exit.",
                        "start \"\" /min powershell.exe -NoProfile -WindowStyle Hidden -ExecutionPolicy Bypass -File \"" + script + "\"",
                        "");
                break;
            }
            case MACOS: {
                // app bundle: "VenueGate Kiosk.app"/Contents/app/venuegate.jar; its launcher in Contents/MacOS
                Path launcher = requireFile(appDir.getParent().resolve("MacOS").resolve(MAC_LAUNCHER));
                text = String.join("\n",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">",
                        "<!-- VenueGate kiosk at login, written by \"VenueGate kiosk --autostart on\". launchd restarts it after a",
                        "     crash (KeepAlive/SuccessfulExit=false) and leaves it stopped after a clean exit. -->",
                        "<plist version=\"1.0\">",
                        "<dict>",
                        "  <key>Label</key><string>" + MAC_LABEL + "</string>",
                        "  <key>ProgramArguments</key><array><string>" + xml(launcher.toString()) + "</string></array>",
                        "  <key>RunAtLoad</key><true/>",
                        "  <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>",
                        "  <key>ThrottleInterval</key><integer>10</integer>",
                        "  <key>LimitLoadToSessionType</key><string>Aqua</string>",
                        "</dict>",
                        "</plist>",
                        "");
                break;
            }
            default: {
                Path script = requireFile(appDir.resolve(LINUX_SUPERVISOR));
                Path icon = appDir.getParent().resolve("VenueGate.png");
                text = String.join("\n",
                        "[Desktop Entry]",
                        "Type=Application",
                        "Name=VenueGate Kiosk",
                        "Comment=Starts the VenueGate kiosk at login; restarts it after a crash",
                        "Exec=\"" + script + "\"",
                        Files.exists(icon) ? "Icon=" + icon : "Icon=venuegate",
                        "Terminal=false",
                        "X-GNOME-Autostart-enabled=true",
                        "");
                break;
            }
        }
        Files.createDirectories(entry.getParent());
        Files.writeString(entry, text, StandardCharsets.UTF_8);
        return entry;
    }

    /** Removes the autostart entry; returns it if there was one. */
    public Optional<Path> disable() throws IOException {
        Path entry = entry();
        return Files.deleteIfExists(entry) ? Optional.of(entry) : Optional.empty();
    }

    private static Path requireFile(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException(p + " is missing: autostart needs the installed application (from its installer)");
        }
        return p;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
