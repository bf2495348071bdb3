package org.venuegate.api;

/** A revocation with its reason. */
public record RevokeRequest(String reason) {
}
