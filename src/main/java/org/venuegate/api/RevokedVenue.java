package org.venuegate.api;

import java.time.Instant;

/** A revoked venue with who revoked it and why. */
public record RevokedVenue(long venueId, String number, String name, Instant revokedAt, String revokedBy, String reason) {
}
