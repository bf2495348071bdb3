package org.venuegate.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.venuegate.api.Pairing;
import org.venuegate.core.json.Json;

/**
 * {@code kiosk-config/device.json}: what pairing gave this kiosk (its token, the pinned root key, its venue) and the
 * signing key it made for itself then. Written once, owner-only; the token and the key are secrets.
 *
 * @param deviceKey Base64 PKCS#8 Ed25519 private key that signs every batch of check-ins; null in a file written
 *                  before kiosks had keys (such a kiosk must pair again)
 */
public record DeviceFile(String hubUrl, long deviceId, String token, String rootPublicKey, String rootKeyId, long venueId,
                         String venueName, String venueNumber, String venueCode, String deviceKey) {
    public static final String NAME = "device.json";

    public static DeviceFile from(String hubUrl, Pairing p, java.security.PrivateKey deviceKey) {
        return new DeviceFile(hubUrl, p.deviceId(), p.token(), p.rootPublicKey(), p.rootKeyId(), p.venue().id(),
                p.venue().name(), p.venue().number(), p.venue().codeText(),
                org.venuegate.core.crypto.Ed25519.encodePrivate(deviceKey));
    }

    /** The key that signs this kiosk's check-ins, or null when the file predates kiosk keys or the key is damaged. */
    public java.security.PrivateKey signingKey() {
        try {
            return deviceKey == null ? null : org.venuegate.core.crypto.Ed25519.decodePrivate(deviceKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The same pairing reached at another address (the demo's hub port changes between runs). */
    public DeviceFile withHubUrl(String url) {
        return new DeviceFile(url, deviceId, token, rootPublicKey, rootKeyId, venueId, venueName, venueNumber, venueCode,
                deviceKey);
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
