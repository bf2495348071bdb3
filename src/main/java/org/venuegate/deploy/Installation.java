package org.venuegate.deploy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this JVM runs from an installer's app image (and then uses the platform's folders) or from the developer's
 * jar (and then uses folders relative to the working directory, as the README's commands do).
 *
 * <p>The installers' launchers pass {@code -Dvenuegate.installed=true}; jpackage's launchers also set
 * {@code jpackage.app-path}, which counts the same.
 */
public final class Installation {
    public static final String INSTALLED_PROPERTY = "venuegate.installed";

    private Installation() {
    }

    public static boolean installed() {
        return Boolean.parseBoolean(System.getProperty(INSTALLED_PROPERTY))
                || System.getProperty("jpackage.app-path") != null;
    }

    /**
     * The folder holding the running jar (an app image's {@code lib/app}, {@code app} or {@code Contents/app}), where the
     * installers put the supervisor scripts and the example configuration; empty when not run from a jar.
     */
    public static Optional<Path> appDir() {
        try {
            var src = Installation.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return Optional.empty();
            }
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) ? Optional.of(p.getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when stdout/stderr go to the systemd journal (systemd sets JOURNAL_STREAM for its services). */
    public static boolean underJournal() {
        String js = System.getenv("JOURNAL_STREAM");
        return js != null && !js.isBlank();
    }
}
