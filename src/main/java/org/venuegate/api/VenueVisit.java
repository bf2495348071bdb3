package org.venuegate.api;

import java.time.Instant;

/**
 * Who was at a venue: pseudonymous subjects, with the citizen's masked name when the subject is a registered
 * citizen ({@code S<id>}); hand-registered visitors ({@code M<hash>}) have none. {@code evidence} says how the hub
 * judged the check-in against what it unveiled.
 */
public record VenueVisit(String subject, String maskedName, Instant decidedAt, String outcome, String reason,
                         String colour, boolean manual, boolean proxy, long deviceId, String evidence) {
}
