package org.venuegate.poster;

import java.util.Objects;
import org.venuegate.api.Venue;

/**
 * What one poster shows.
 *
 * @param codeText     the signed venue code text the QR carries
 * @param venueName    the venue name; for a mobile place its plate or ship number (FAQ site-code 7)
 * @param unitName     the owner organisation (for a mobile place the unit the vehicle or ship belongs to); may be blank
 * @param districtCode six-digit administrative division code, e.g. 120101
 * @param venueNumber  the short venue number printed for staff and helpdesk
 * @param mobile       a taxi, ship or other mobile place
 * @param qrMask       the QR mask pattern 0-7, or -1 for the one the encoder judges best (the same symbol content
 *                     either way; another mask is drawn only when the poster's self-test cannot read the best one)
 */
public record PosterContent(String codeText, String venueName, String unitName, int districtCode, String venueNumber,
                            boolean mobile, int qrMask) {
    public PosterContent(String codeText, String venueName, String unitName, int districtCode, String venueNumber,
                         boolean mobile) {
        this(codeText, venueName, unitName, districtCode, venueNumber, mobile, -1);
    }

    /** The same poster with its QR drawn under another mask pattern. */
    public PosterContent withQrMask(int mask) {
        return new PosterContent(codeText, venueName, unitName, districtCode, venueNumber, mobile, mask);
    }

    /** The poster of a venue as the hub serves it: the hub and the review workstation print the same one. */
    public static PosterContent of(Venue v) {
        return new PosterContent(v.codeText(), v.name(), v.unitName(), v.district(), v.number(), v.mobile());
    }

    public PosterContent {
        Objects.requireNonNull(codeText, "codeText");
        Objects.requireNonNull(venueName, "venueName");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(venueNumber, "venueNumber");
        if (codeText.isBlank()) {
            throw new IllegalArgumentException("codeText must not be blank");
        }
        if (qrMask < -1 || qrMask > 7) {
            throw new IllegalArgumentException("qrMask must be -1 or 0-7, not " + qrMask);
        }
        if (venueName.isBlank()) {
            throw new IllegalArgumentException("venueName must not be blank");
        }
        venueName = venueName.strip();
        unitName = unitName.strip();
        venueNumber = venueNumber.strip();
    }
}
