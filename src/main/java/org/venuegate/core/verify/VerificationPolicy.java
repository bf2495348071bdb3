package org.venuegate.core.verify;

import java.time.Duration;

/**
 * Time tolerances of verification.
 *
 * @param maxAdmissionAge an unveiled code older than this is stale (the citizen must scan the venue code again)
 * @param clockSkew       how far in the future an admission time may lie before it is "not yet valid"
 */
public record VerificationPolicy(Duration maxAdmissionAge, Duration clockSkew) {
    public static final VerificationPolicy DEFAULT = new VerificationPolicy(Duration.ofMinutes(5), Duration.ofMinutes(2));

    public VerificationPolicy {
        if (maxAdmissionAge.isNegative() || clockSkew.isNegative()) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }
}
