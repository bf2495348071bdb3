package org.venuegate.core.trust;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a kiosk needs to verify codes offline: issuer keys, revocations and the hub's signed time.
 *
 * @param sequence        increases with every list the hub signs; a kiosk never goes back to a lower one
 * @param issuedAt        the hub's clock when it signed, also the kiosk's trusted time anchor
 * @param revokedKeyIds   issuer keys withdrawn before their window ended (e.g. a leaked key)
 * @param revokedVenueIds venues whose codes must no longer be honoured
 */
public record TrustList(long sequence, Instant issuedAt, List<TrustedKey> keys, List<String> revokedKeyIds,
                        List<Long> revokedVenueIds) {
    public TrustList {
        Objects.requireNonNull(issuedAt, "issuedAt");
        keys = List.copyOf(keys);
        revokedKeyIds = List.copyOf(revokedKeyIds);
        revokedVenueIds = List.copyOf(revokedVenueIds);
    }

    public Optional<TrustedKey> key(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    public boolean keyRevoked(String keyId) {
        return revokedKeyIds.contains(keyId);
    }

    public boolean venueRevoked(long venueId) {
        return revokedVenueIds.contains(venueId);
    }
}
