package org.venuegate.core;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.trust.KeyPurpose;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.trust.TrustedKey;

/** In-memory issuer for tests: one health and one venue key, valid for a year around {@link #T0}. */
public final class TestIssuer {
    public static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    public static final long VENUE = 4242L;

    public final KeyPair health = Ed25519.generate();
    public final KeyPair venue = Ed25519.generate();
    public final KeyPair root = Ed25519.generate();
    public final List<String> revokedKeys = new ArrayList<>();
    public final List<Long> revokedVenues = new ArrayList<>();

    public TrustList trustList() {
        return new TrustList(1, T0, List.of(
                TrustedKey.of(health.getPublic(), KeyPurpose.HEALTH, T0.minusSeconds(86400 * 180), T0.plusSeconds(86400 * 180)),
                TrustedKey.of(venue.getPublic(), KeyPurpose.VENUE, T0.minusSeconds(86400 * 180), T0.plusSeconds(86400 * 180))),
                revokedKeys, revokedVenues);
    }

    public static HealthCode greenAt(long venueId, Instant admitted, long nonce) {
        return new HealthCode(987654321L, "张*明", Colour.GREEN, true, Optional.of(admitted.minusSeconds(3600 * 20)),
                false, venueId, admitted, admitted.plusSeconds(600), nonce);
    }

    public String health(HealthCode code) {
        return CodeFormat.encodeHealth(code, health.getPrivate(), health.getPublic());
    }

    public String green() {
        return health(greenAt(VENUE, T0, 77L));
    }

    public static VenueCode venueCode(long id) {
        return new VenueCode(id, "HP-000042", "天津市和平区滨江道百货大楼", 120101, "MALL", false, T0.minusSeconds(86400));
    }

    public String venue(VenueCode code) {
        return CodeFormat.encodeVenue(code, venue.getPrivate(), venue.getPublic());
    }
}
