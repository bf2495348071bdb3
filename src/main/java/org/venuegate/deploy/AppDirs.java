package org.venuegate.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where an installed VenueGate keeps its files, by the platform's own conventions:
 *
 * <table>
 * <tr><th></th><th>Linux (XDG)</th><th>Windows</th><th>macOS</th></tr>
 * <tr><td>config</td><td>$XDG_CONFIG_HOME/venuegate, else ~/.config/venuegate</td><td>%APPDATA%\VenueGate</td>
 *     <td>~/Library/Application Support/VenueGate</td></tr>
 * <tr><td>data</td><td>$XDG_DATA_HOME/venuegate, else ~/.local/share/venuegate</td><td>%LOCALAPPDATA%\VenueGate</td>
 *     <td>~/Library/Application Support/VenueGate</td></tr>
 * <tr><td>logs</td><td>$XDG_STATE_HOME/venuegate/logs, else ~/.local/state/venuegate/logs</td>
 *     <td>%LOCALAPPDATA%\VenueGate\Logs</td><td>~/Library/Logs/VenueGate</td></tr>
 * </table>
 *
 * The operating system, the environment and the home folder are passed in, so every platform is testable anywhere.
 */
public record AppDirs(Os os, Path config, Path data, Path logs) {
    public AppDirs {
        Objects.requireNonNull(os);
        Objects.requireNonNull(config);
        Objects.requireNonNull(data);
        Objects.requireNonNull(logs);
    }

    /** This machine's folders for the user running the JVM. */
    public static AppDirs current() {
        return resolve(Os.current(), System::getenv, Path.of(System.getProperty("user.home")));
    }

    public static AppDirs resolve(Os os, Map<String, String> env, Path home) {
        return resolve(os, env::get, home);
    }

    public static AppDirs resolve(Os os, Function<String, String> env, Path home) {
        switch (os) {
            case WINDOWS: {
                Path roaming = dir(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
                Path local = dir(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
                return new AppDirs(os, roaming.resolve("VenueGate"), local.resolve("VenueGate"),
                        local.resolve("VenueGate").resolve("Logs"));
            }
            case MACOS: {
                Path support = home.resolve("Library").resolve("Application Support").resolve("VenueGate");
                return new AppDirs(os, support, support, home.resolve("Library").resolve("Logs").resolve("VenueGate"));
            }
            default: {
                // XDG Base Directory: a variable that is unset, empty or not absolute is ignored.
                Path config = dir(env, "XDG_CONFIG_HOME", home.resolve(".config"));
                Path data = dir(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
                Path state = dir(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"));
                return new AppDirs(os, config.resolve("venuegate"), data.resolve("venuegate"),
                        state.resolve("venuegate").resolve("logs"));
            }
        }
    }

    /** The kiosk's configuration folder: kiosk.json, device.json, trust-list.json. */
    public Path kioskConfig() {
        return config.resolve("kiosk-config");
    }

    /** The kiosk's journal folder. */
    public Path kioskData() {
        return data.resolve("kiosk-data");
    }

    /** The embedded hub database of a hub started from the desktop (the system service uses /var/lib). */
    public Path hubData() {
        return data.resolve("hub-data");
    }

    private static Path dir(Function<String, String> env, String name, Path fallback) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        // Windows paths ("C:\Users\...") are absolute only on Windows; accept them there as given.
        boolean absolute = v.startsWith("/") || v.startsWith("\\") || (v.length() > 2 && v.charAt(1) == ':');
        return absolute ? Path.of(v) : fallback;
    }
}
