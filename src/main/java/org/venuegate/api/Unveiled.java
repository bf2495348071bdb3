package org.venuegate.api;

import java.time.Instant;
import org.venuegate.core.code.Colour;

/** The unveiled code and what the phone shows beside it (FAQ 2). */
public record Unveiled(String code, long subjectId, String maskedName, Colour colour, boolean badge, boolean proxy,
                       long venueId, String venueName, String venueNumber, Instant admittedAt, Instant expiresAt) {
}
