package org.venuegate.api;

import java.security.PrivateKey;
import java.util.ArrayList;
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
        List<CheckinChain.Signed> signed = new ArrayList<>(items == null ? 0 : items.size());
        for (Checkin c : items == null ? List.<Checkin>of() : items) {
            signed.add(c == null ? new CheckinChain.Signed(-1, "") : new CheckinChain.Signed(c.seq() == null ? -1 : c.seq(),
                    c.chain()));
        }
        return CheckinChain.batchMessage(deviceId, signed);
    }

    /** The items signed with the device's key. */
    public static CheckinBatch signed(long deviceId, List<Checkin> items, PrivateKey key) {
        return new CheckinBatch(items, Base64.getEncoder().encodeToString(Ed25519.sign(key, message(deviceId, items))));
    }
}
