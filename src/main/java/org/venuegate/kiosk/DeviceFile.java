package org.venuegate.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.sync.Pairing;

/**
 * {@code kiosk-config/device.json}: what pairing gave this kiosk (its token, the pinned root key, its venue). Written
 * once, owner-only; the token is a secret.
 */
public record DeviceFile(String hubUrl, long deviceId, String token, String rootPublicKey, String rootKeyId, long venueId,
                         String venueName, String venueNumber, String venueCode) {
    public static final String NAME = "device.json";

    public static DeviceFile from(String hubUrl, Pairing p) {
        return new DeviceFile(hubUrl, p.deviceId(), p.token(), p.rootPublicKey(), p.rootKeyId(), p.venue().id(),
                p.venue().name(), p.venue().number(), p.venue().codeText());
    }

    public static DeviceFile load(Path configDir) throws IOException {
        Path f = configDir.resolve(NAME);
        if (!Files.exists(f)) {
            throw new IOException("this kiosk is not paired yet: run 'venuegate kiosk --pair CODE' with a pairing code from the administrator");
        }
        try {
            return Json.mapper().readValue(f.toFile(), DeviceFile.class);
        } catch (JsonProcessingException e) {
            throw new IOException(f + " is damaged (" + e.getOriginalMessage() + "); pair the kiosk again");
        }
    }

    public void save(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        Path tmp = configDir.resolve(NAME + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        Files.move(tmp, configDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
