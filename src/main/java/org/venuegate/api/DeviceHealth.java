package org.venuegate.api;

import java.time.Instant;

/**
 * One kiosk as the fleet view shows it. {@code lastContact} is the last authenticated call; the rest is what it
 * last reported (null when it never did). {@code clockSkewMs} is kiosk clock minus hub clock.
 */
public record DeviceHealth(long deviceId, long venueId, String venueName, String label, Instant pairedAt,
                           Instant revokedAt, Instant lastContact, Instant reportedAt, Long pending,
                           Instant trustListSignedAt, Long clockSkewMs, ChainState chain) {
}
