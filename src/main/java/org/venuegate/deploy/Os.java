package org.venuegate.deploy;

import java.util.Locale;

/** The three desktop platforms VenueGate is packaged for. */
public enum Os {
    LINUX, WINDOWS, MACOS;

    /** The platform this JVM runs on; anything that is neither Windows nor macOS is treated as Linux. */
    public static Os current() {
        return of(System.getProperty("os.name", ""));
    }

    /** The platform an {@code os.name} value names. */
    public static Os of(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("mac") || n.contains("darwin")) {
            return MACOS;
        }
        return LINUX;
    }
}
