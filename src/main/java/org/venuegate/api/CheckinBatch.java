package org.venuegate.api;

import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.core.crypto.Ed25519;

/**
 * A batch of check-ins as a kiosk posts it, signed by the device's own key (made at pairing) over
 * {@link CheckinChain#batchMessage}. The kiosk signs with {@link #signed} and the hub checks against {@link #message},
 * so both sides sign the same bytes.
 *
 * @param signature Base64 Ed25519 signature; null from a kiosk paired before kiosks had keys (the hub refuses it)
 */
public record CheckinBatch(List<Checkin> checkins, String signature) {
    /** What the device signs for these items. */
    public static byte[] message(long deviceId, List<Checkin> items) {
        CheckinChain.BatchMessage m = new CheckinChain.BatchMessage(deviceId, items == null ? 0 : items.size());
        for (Checkin c : items == null ? List.<Checkin>of() : items) {
            add(m, c);
        }
        return m.bytes();
    }

    /** One item as the signature covers it: a missing item or sequence number signs as -1, a missing chain as "". */
    public static void add(CheckinChain.BatchMessage m, Checkin c) {
        m.add(c == null || c.seq() == null ? -1 : c.seq(), c == null ? "" : c.chain());
    }

    /** The items signed with the device's key. */
    public static CheckinBatch signed(long deviceId, List<Checkin> items, PrivateKey key) {
        return new CheckinBatch(items, Base64.getEncoder().encodeToString(Ed25519.sign(key, message(deviceId, items))));
    }
}
