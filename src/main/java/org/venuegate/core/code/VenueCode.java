package org.venuegate.core.code;

import java.time.Instant;
import java.util.Objects;

/**
 * Content of a venue code (the poster QR).
 *
 * @param venueId      the hub's venue id
 * @param venueNumber  short human-readable number printed under the QR (ASCII, at most 16 characters)
 * @param name         venue name; for a mobile place its plate or ship number (FAQ site-code 7)
 * @param districtCode six-digit administrative division code (e.g. 120101 for Heping District)
 * @param category     industry category code (ASCII, at most 16 characters)
 * @param mobile       a taxi, ship or other mobile place
 * @param issuedAt     when the hub signed the code (second precision)
 */
public record VenueCode(long venueId, String venueNumber, String name, int districtCode, String category,
                        boolean mobile, Instant issuedAt) {
    public VenueCode {
        Objects.requireNonNull(venueNumber, "venueNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
