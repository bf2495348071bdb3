package org.venuegate.api;

import java.time.Instant;
import org.venuegate.core.code.Colour;

/** What an admin registers. */
public record CitizenInput(Long subjectId, String maskedName, Colour colour, String colourReason,
                           String colourFollowUp, Boolean vaccinated, Instant lastNegativeTest, Boolean independent) {
}
