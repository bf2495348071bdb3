package org.venuegate.api;

import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.core.crypto.Ed25519;

/**
 * A batch of check-ins as a kiosk posts it, signed by the device's own key (made at pairing). The kiosk signs with
 * {@link #signed} and the hub checks against {@link #message}, so both sides sign the same bytes.
 *
 * @param signature Base64 Ed25519 signature; null from a kiosk paired before kiosks had keys (the hub refuses it)
 * @param scheme    what the signature covers: {@link CheckinChain#SCHEME} ({@link CheckinChain.BatchDigest}), or
 *                  null for {@link CheckinChain#LEGACY_SCHEME} ({@link CheckinChain#batchMessage}), which kiosks
 *                  sent before batches named a scheme
 */
public record CheckinBatch(List<Checkin> checkins, String signature, String scheme) {
    /** Every scheme a hub verifies, the current one first. */
    public static final List<String> SCHEMES = List.of(CheckinChain.SCHEME, CheckinChain.LEGACY_SCHEME);

    /** The scheme this batch was signed under: a missing one is the legacy scheme. */
    public String schemeOrLegacy() {
        return scheme == null ? CheckinChain.LEGACY_SCHEME : scheme;
    }

    /**
     * What the device signs for these items under {@code scheme}.
     *
     * @throws IllegalArgumentException for a scheme not in {@link #SCHEMES}
     */
    public static byte[] message(String scheme, long deviceId, List<Checkin> items) {
        List<Checkin> all = items == null ? List.of() : items;
        CheckinChain.SignedItems m = switch (scheme == null ? "" : scheme) {
            case CheckinChain.SCHEME -> new CheckinChain.BatchDigest(deviceId);
            case CheckinChain.LEGACY_SCHEME -> new CheckinChain.BatchMessage(deviceId, all.size());
            default -> throw new IllegalArgumentException("not a batch signature scheme: " + scheme);
        };
        for (Checkin c : all) {
            m.add(seq(c), chain(c));
        }
        return m.bytes();
    }

    /** An item's sequence number as the signature covers it: a missing item or sequence number signs as -1. */
    private static long seq(Checkin c) {
        return c == null || c.seq() == null ? -1 : c.seq();
    }

    /** An item's chain value as the signature covers it: a missing one signs as "". */
    private static String chain(Checkin c) {
        return c == null ? "" : c.chain();
    }

    /** The items signed with the device's key under the current scheme. */
    public static CheckinBatch signed(long deviceId, List<Checkin> items, PrivateKey key) {
        return signed(CheckinChain.SCHEME, deviceId, items, key);
    }

    /** The items signed with the device's key under {@code scheme}; the legacy scheme is sent without naming it, as it was. */
    public static CheckinBatch signed(String scheme, long deviceId, List<Checkin> items, PrivateKey key) {
        String signature = Base64.getEncoder().encodeToString(Ed25519.sign(key, message(scheme, deviceId, items)));
        return new CheckinBatch(items, signature, CheckinChain.LEGACY_SCHEME.equals(scheme) ? null : scheme);
    }
}
