package org.venuegate.core.decide;

import java.time.Duration;
import java.time.Instant;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.i18n.LocalizedText;
import org.venuegate.core.verify.Reason;
import org.venuegate.core.verify.VerificationResult;

/**
 * The kiosk's pass/stop decision: a pure function of the verification result, the kiosk's venue, the clock
 * and the venue's entry policy. Anything that is not positively a pass is a stop.
 */
public final class DecisionEngine {
    private DecisionEngine() {
    }

    public static Decision decide(VerificationResult result, long kioskVenueId, Instant now, EntryPolicy policy) {
        HealthCode code = result.authentic() ? result.health() : null;
        Reason r = result.reason();
        return switch (r) {
            case VALID -> decideValid(result, code, kioskVenueId, now, policy);
            case OTHER_VENUE -> stop(StopReason.OTHER_VENUE, code, r);
            case STALE_ADMISSION, EXPIRED -> stop(StopReason.STALE, code, r);
            case NOT_YET_VALID -> stop(StopReason.CLOCK_MISMATCH, code, r);
            case REPLAYED_NONCE -> stop(StopReason.REPLAYED, code, r);
            case REVOKED_VENUE -> stop(StopReason.REVOKED_VENUE, code, r);
            case UNKNOWN_KEY, WRONG_KEY_PURPOSE, REVOKED_KEY, KEY_NOT_VALID, BAD_SIGNATURE -> stop(StopReason.FORGED, null, r);
            case MALFORMED, TOO_LARGE, UNSUPPORTED_VERSION -> stop(StopReason.UNREADABLE, null, r);
            case NOT_VENUEGATE -> stop(StopReason.NOT_A_HEALTH_CODE, null, r);
            case VENUE_CODE_NOT_HEALTH -> stop(StopReason.VENUE_CODE_SHOWN, null, r);
            case HEALTH_CODE_NOT_VENUE -> stop(StopReason.NOT_A_HEALTH_CODE, null, r);
            case NO_TRUST_LIST -> stop(StopReason.KIOSK_NOT_READY, null, r);
        };
    }

    private static Decision decideValid(VerificationResult result, HealthCode code, long kioskVenueId, Instant now,
                                        EntryPolicy policy) {
        if (code == null || code.venueId() != kioskVenueId) {
            // Defence in depth: a VALID result from a verifier called without the venue check must not pass here.
            return stop(StopReason.OTHER_VENUE, code, result.reason());
        }
        switch (code.colour()) {
            case RED:
                return stop(StopReason.RED_CODE, code, result.reason());
            case YELLOW:
                return stop(StopReason.YELLOW_CODE, code, result.reason());
            default:
                break;
        }
        if (policy.requireBadge() && !code.badge()) {
            return stop(StopReason.BADGE_REQUIRED, code, result.reason());
        }
        if (policy.negativeTestWithin().isPresent()) {
            Duration window = policy.negativeTestWithin().get();
            long hours = window.toHours();
            boolean recent = code.lastNegativeTest()
                    .map(t -> !t.isAfter(now.plusSeconds(120)) && !t.plus(window).isBefore(now))
                    .orElse(false);
            if (!recent) {
                return new Decision(Verdict.STOP, StopReason.NEGATIVE_TEST_REQUIRED,
                        LocalizedText.of("decision.stop.NEGATIVE_TEST_REQUIRED", hours),
                        LocalizedText.of("decision.do.NEGATIVE_TEST_REQUIRED", hours), code, result.reason());
            }
        }
        return new Decision(Verdict.PASS, null, LocalizedText.of("decision.pass"),
                LocalizedText.of(code.proxy() ? "decision.do.pass.proxy" : "decision.do.pass"), code, result.reason());
    }

    private static Decision stop(StopReason reason, HealthCode code, Reason verification) {
        return new Decision(Verdict.STOP, reason, LocalizedText.of("decision.stop." + reason.name()),
                LocalizedText.of("decision.do." + reason.name()), code, verification);
    }
}
