package org.venuegate.api;

import java.time.Instant;
import org.venuegate.core.code.Colour;

/**
 * The veiled view: colour and badge show through the veil (FAQ 1, 3, 11); reason and follow-up for the
 * abnormal-colour pop-up (FAQ 4). {@code proxy} is true for a dependant shown through a guardian's account.
 */
public record Citizen(long subjectId, String maskedName, Colour colour, String colourReason, String colourFollowUp,
                      boolean badge, Instant lastNegativeTest, boolean independent, boolean proxy) {
}
