package org.venuegate.core.code;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Content of an unveiled health code: what the citizen's phone shows after scanning a venue code.
 * It never carries a name or ID number, only a pseudonymous subject and a masked display name.
 *
 * @param subjectId     pseudonymous subject id (stable per citizen, meaningless outside the hub)
 * @param maskedName    display name with the middle masked, e.g. 张*明
 * @param colour        the real-time colour
 * @param badge         vaccination badge ("Jindun")
 * @param lastNegativeTest time of the last negative nucleic-acid test, if any
 * @param proxy         shown for a dependant through a guardian's account (FAQ 14)
 * @param venueId       the venue whose code was scanned to unveil this code
 * @param admittedAt    admission time shown on the phone
 * @param expiresAt     after this the unveiled code is no longer valid
 * @param nonce         one-time value; a kiosk refuses a nonce it has seen
 */
public record HealthCode(long subjectId, String maskedName, Colour colour, boolean badge,
                         Optional<Instant> lastNegativeTest, boolean proxy, long venueId,
                         Instant admittedAt, Instant expiresAt, long nonce) {
    public HealthCode {
        Objects.requireNonNull(maskedName, "maskedName");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(lastNegativeTest, "lastNegativeTest");
        Objects.requireNonNull(admittedAt, "admittedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
