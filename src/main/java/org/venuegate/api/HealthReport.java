package org.venuegate.api;

import java.time.Instant;

/** What a kiosk says about itself when it syncs. */
public record HealthReport(Long pending, Instant trustListSignedAt, Instant kioskTime) {
}
