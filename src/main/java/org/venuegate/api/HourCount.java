package org.venuegate.api;

import java.time.Instant;

/** Check-ins decided in one clock hour, city-wide. */
public record HourCount(Instant hour, long checkins) {
}
