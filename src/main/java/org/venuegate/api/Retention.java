package org.venuegate.api;

import java.time.Instant;

/** How long check-ins are kept and what the last purge did (nulls before the first purge). */
public record Retention(int days, int defaultDays, Instant lastPurgeAt, Long lastPurgeDeleted, Instant lastPurgeCutoff) {
}
