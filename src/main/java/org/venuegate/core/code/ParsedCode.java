package org.venuegate.core.code;

import java.util.Optional;

/**
 * A structurally valid VenueGate code whose signature has NOT been checked yet. Only {@code verify} turns it
 * into something trustworthy; nothing may act on these fields before that.
 */
public record ParsedCode(CodeKind kind, int version, String keyId, byte[] signedBytes, byte[] signature,
                         VenueCode venue, HealthCode health) {
    public Optional<VenueCode> venueCode() {
        return Optional.ofNullable(venue);
    }

    public Optional<HealthCode> healthCode() {
        return Optional.ofNullable(health);
    }
}
