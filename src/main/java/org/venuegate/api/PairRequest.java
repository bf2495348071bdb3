package org.venuegate.api;

/**
 * A kiosk pairs with a one-time code ({@code POST /devices/pair}).
 *
 * @param publicKey the key the kiosk made for signing its batches (Base64), which the hub keeps
 */
public record PairRequest(String pairingCode, String label, String publicKey) {
}
