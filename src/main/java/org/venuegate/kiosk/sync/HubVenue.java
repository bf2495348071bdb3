package org.venuegate.kiosk.sync;

import java.time.Instant;

/** The kiosk's venue as the hub describes it. */
public record HubVenue(long id, String number, String name, String unitName, String category, int district,
                       String address, boolean mobile, String codeText, Instant issuedAt, Instant revokedAt,
                       String revokeReason) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
