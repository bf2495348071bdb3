package org.venuegate.core.verify;

import java.util.Optional;
import org.venuegate.core.code.CodeKind;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.code.VenueCode;

/**
 * One typed answer for any text. Content is present whenever the text parsed, but only
 * {@link #authentic()} content may be shown to a person or acted upon.
 *
 * @param kind   the kind the text claimed to be, if it parsed that far
 * @param detail a technical detail for logs and {@code codes inspect}; never shown to the gatekeeper
 */
public record VerificationResult(Reason reason, CodeKind kind, String keyId, VenueCode venue, HealthCode health,
                                 String detail) {
    public boolean valid() {
        return reason == Reason.VALID;
    }

    public boolean authentic() {
        return reason.impliesAuthentic();
    }

    public Optional<HealthCode> healthCode() {
        return Optional.ofNullable(health);
    }

    public Optional<VenueCode> venueCode() {
        return Optional.ofNullable(venue);
    }

    static VerificationResult of(Reason reason, String detail) {
        return new VerificationResult(reason, null, null, null, null, detail);
    }
}
