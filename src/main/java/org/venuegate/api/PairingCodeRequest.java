package org.venuegate.api;

/** An admin asks for a pairing code for a venue. */
public record PairingCodeRequest(Long venueId) {
}
