package org.venuegate.api;

import java.time.Instant;

/** A paired kiosk. */
public record Device(long id, long venueId, String label, Instant createdAt, Instant revokedAt) {
}
