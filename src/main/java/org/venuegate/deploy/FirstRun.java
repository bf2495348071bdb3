package org.venuegate.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The first start of an installed kiosk: its configuration folder is created and the documented example is copied to
 * {@code kiosk.json}. An existing {@code kiosk.json} is never touched; {@code kiosk.example.json} beside it is
 * refreshed on every start so the reference for the installed version is always at hand.
 */
public final class FirstRun {
    public static final String EXAMPLE = "kiosk.example.json";
    public static final String CONFIG = "kiosk.json";
    /** The repository's {@code kiosk-config/kiosk.example.json}, copied onto the classpath by the build. */
    public static final String EXAMPLE_RESOURCE = "/org/venuegate/deploy/kiosk.example.json";

    private FirstRun() {
    }

    /** What {@link #ensureKioskConfig} did. */
    public enum Outcome { CREATED, EXISTED }

    /** Uses the example the build put on the classpath. */
    public static Outcome ensureKioskConfig(Path configDir) throws IOException {
        byte[] example;
        try (InputStream in = FirstRun.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IOException("the example configuration " + EXAMPLE_RESOURCE + " is missing from the application");
            }
            example = in.readAllBytes();
        }
        return ensureKioskConfig(configDir, example);
    }

    public static Outcome ensureKioskConfig(Path configDir, byte[] example) throws IOException {
        Files.createDirectories(configDir);
        writeAtomically(configDir.resolve(EXAMPLE), example, true);
        Path config = configDir.resolve(CONFIG);
        if (Files.exists(config)) {
            return Outcome.EXISTED;
        }
        try {
            writeAtomically(config, example, false);
            return Outcome.CREATED;
        } catch (FileAlreadyExistsException e) {
            return Outcome.EXISTED; // another start got there first: keep what it wrote
        }
    }

    private static void writeAtomically(Path target, byte[] content, boolean replace) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                // no REPLACE_EXISTING: a kiosk.json that appeared meanwhile wins
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
