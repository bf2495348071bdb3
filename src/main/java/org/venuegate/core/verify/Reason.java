package org.venuegate.core.verify;

/** Exactly why a text is or is not a valid code. One value per distinct situation; no catch-all. */
public enum Reason {
    VALID,
    /** Some other QR (a payment code, a URL, another city's code). */
    NOT_VENUEGATE,
    MALFORMED,
    TOO_LARGE,
    UNSUPPORTED_VERSION,
    /** The code is ours but there is no trust list to check it against (inspect without --trust-list). */
    NO_TRUST_LIST,
    UNKNOWN_KEY,
    /** Signed by a venue key where a health key is required, or the reverse. */
    WRONG_KEY_PURPOSE,
    REVOKED_KEY,
    /** Issued outside the signing key's validity window. */
    KEY_NOT_VALID,
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    OTHER_VENUE,
    STALE_ADMISSION,
    REPLAYED_NONCE,
    REVOKED_VENUE,
    /** A venue code (poster) was shown where a health code was expected. */
    VENUE_CODE_NOT_HEALTH,
    /** A health code was shown where a venue code was expected. */
    HEALTH_CODE_NOT_VENUE;

    /** True when the signature was checked and holds, so the decoded content may be shown. */
    public boolean impliesAuthentic() {
        return switch (this) {
            case VALID, EXPIRED, NOT_YET_VALID, OTHER_VENUE, STALE_ADMISSION, REPLAYED_NONCE, REVOKED_VENUE -> true;
            default -> false;
        };
    }
}
