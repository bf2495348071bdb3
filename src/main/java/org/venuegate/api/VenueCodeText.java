package org.venuegate.api;

/** The signed venue code of one venue. */
public record VenueCodeText(long venueId, String text, boolean revoked) {
}
