package org.venuegate.api;

/** A kiosk asks for the hub's time, signed for this nonce ({@code POST /time}), for its clock guard. */
public record TimeRequest(String nonce) {
}
