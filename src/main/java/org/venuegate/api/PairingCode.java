package org.venuegate.api;

import java.time.Instant;

/** A one-time pairing code, shown once to the admin. */
public record PairingCode(String code, long venueId, Instant expiresAt) {
}
