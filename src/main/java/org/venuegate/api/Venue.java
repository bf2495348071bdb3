package org.venuegate.api;

import java.time.Instant;

/** A venue, created when its application passes. */
public record Venue(long id, String number, long applicationId, String name, String unitName, String creditCode,
                    String category, int district, String address, boolean mobile, String codeText,
                    Instant issuedAt, Instant revokedAt, String revokeReason) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
