package org.venuegate.api;

import java.time.Instant;

/** Where a subject was. */
public record SubjectVisit(long venueId, String venueName, String venueNumber, Instant decidedAt, String outcome) {
}
