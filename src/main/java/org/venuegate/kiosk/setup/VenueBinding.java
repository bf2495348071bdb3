package org.venuegate.kiosk.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.config.AtomicFile;

/**
 * {@code kiosk-config/venue-binding.json}: proof that the gatekeeper showed this kiosk the poster of the venue it was
 * paired to. Written atomically by the setup wizard and by "re-bind venue" in the settings.
 *
 * @param codeText the venue code read (or typed) when binding, verified against the trust list at that time
 * @param keyId    the venue key that signed it
 */
public record VenueBinding(long venueId, String venueNumber, String venueName, String codeText, String keyId,
                           Instant boundAt, Via via) {
    public static final String NAME = "venue-binding.json";

    /** How the code reached the kiosk. */
    public enum Via { CAMERA, TYPED, COMMAND_LINE }

    /** @return empty when the kiosk has never been bound */
    public static Optional<VenueBinding> load(Path configDir) throws IOException {
        Path f = configDir.resolve(NAME);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(f.toFile(), VenueBinding.class));
        } catch (JsonProcessingException e) {
            throw new IOException(f + " is damaged (" + e.getOriginalMessage() + "); bind the venue again");
        }
    }

    public void save(Path configDir) throws IOException {
        AtomicFile.write(configDir.resolve(NAME), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this), false);
    }
}
