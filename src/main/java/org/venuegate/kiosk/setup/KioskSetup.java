package org.venuegate.kiosk.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.DeviceFile;

/**
 * Where a starting kiosk stands in its setup. A kiosk scans only once it is paired and bound to the venue it was paired
 * to: a gatekeeper's kiosk that decides for the wrong venue would stop every visitor (or pass the wrong ones).
 */
public final class KioskSetup {
    private static final Logger LOG = LoggerFactory.getLogger(KioskSetup.class);

    public enum Step {
        /** No device.json: the wizard starts with the pairing code. */
        PAIR,
        /** Paired, but no poster shown yet (or the binding is for another venue, or damaged). */
        BIND,
        /** Paired and bound: straight to scanning. */
        RUN
    }

    private KioskSetup() {
    }

    /** @throws IOException when device.json exists but cannot be read (the kiosk must be paired again) */
    public static Step next(Path configDir) throws IOException {
        if (!Files.exists(configDir.resolve(DeviceFile.NAME))) {
            return Step.PAIR;
        }
        DeviceFile device = DeviceFile.load(configDir);
        Optional<VenueBinding> binding;
        try {
            binding = VenueBinding.load(configDir);
        } catch (IOException e) {
            // the binding is re-made by showing the poster again; nothing is lost by asking for it
            LOG.warn("{}", e.getMessage());
            return Step.BIND;
        }
        return binding.filter(b -> b.venueId() == device.venueId()).isPresent() ? Step.RUN : Step.BIND;
    }
}
