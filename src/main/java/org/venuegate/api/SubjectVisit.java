package org.venuegate.api;

import java.time.Instant;

/** Where a subject was, and how the hub judged the check-in ({@code evidence}). */
public record SubjectVisit(long venueId, String venueName, String venueNumber, Instant decidedAt, String outcome,
                           String evidence) {
}
