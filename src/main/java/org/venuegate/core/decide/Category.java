package org.venuegate.core.decide;

/**
 * What the gatekeeper does about a decision. Each has its own colour, shape, words and sound on the kiosk.
 */
public enum Category {
    /** Admit. */
    PASS,
    /** Refuse for health reasons (abnormal colour, the venue's badge or test requirement unmet): show the follow-up. */
    HEALTH,
    /** The person may be fine, but this code is not good for this entry: scan this venue's code again. */
    RESCAN,
    /** Forged, unknown or revoked key or venue, or a kiosk that cannot verify: do not admit, call the supervisor. */
    INVALID
}
