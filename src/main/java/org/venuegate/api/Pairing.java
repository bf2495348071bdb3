package org.venuegate.api;

/**
 * What the hub gives a kiosk that pairs with a one-time code.
 *
 * @param token         the device's bearer token; the kiosk stores it in its config, it is shown only once
 * @param rootPublicKey the root key to pin for trust-list signatures
 * @param trustList     the current signed trust list
 */
public record Pairing(long deviceId, String token, String rootPublicKey, String rootKeyId, Venue venue, String trustList) {
}
