package org.venuegate.core.decide;

/** Why the gatekeeper must stop someone, in terms they can act on. */
public enum StopReason {
    YELLOW_CODE,
    RED_CODE,
    BADGE_REQUIRED,
    NEGATIVE_TEST_REQUIRED,
    OTHER_VENUE,
    /** Admission too old, or the unveiled code expired: scan the venue code again. */
    STALE,
    /** Admission time in the future: the phone's or the kiosk's clock is wrong. */
    CLOCK_MISMATCH,
    REPLAYED,
    /** Unknown or revoked key, bad signature, key misuse: treat as a fake. */
    FORGED,
    REVOKED_VENUE,
    /** Damaged or unsupported text of ours. */
    UNREADABLE,
    NOT_A_HEALTH_CODE,
    VENUE_CODE_SHOWN,
    /** The kiosk has no usable trust list: it cannot decide, which is never a pass. */
    KIOSK_NOT_READY;

    /** The gatekeeper's action for this reason. */
    public Category category() {
        return switch (this) {
            case YELLOW_CODE, RED_CODE, BADGE_REQUIRED, NEGATIVE_TEST_REQUIRED -> Category.HEALTH;
            case OTHER_VENUE, STALE, CLOCK_MISMATCH, REPLAYED, UNREADABLE, NOT_A_HEALTH_CODE, VENUE_CODE_SHOWN -> Category.RESCAN;
            // A revoked venue or an unready kiosk is no fault of the citizen's, but no one can be admitted on it:
            // the supervisor must act, as for a forgery.
            case FORGED, REVOKED_VENUE, KIOSK_NOT_READY -> Category.INVALID;
        };
    }
}
