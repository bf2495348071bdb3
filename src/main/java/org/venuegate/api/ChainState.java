package org.venuegate.api;

import java.time.Instant;

/**
 * A device's check-in chain as the hub verified it.
 *
 * @param status     NONE (nothing received yet), OK, GAP (records missing after {@code verifiedTo}), or the kind
 *                   of the latest problem found: BROKEN, EDITED, REWRITTEN
 * @param verifiedTo the last place up to which the chain is contiguous and verified
 * @param from       first place affected by the status (null for NONE and OK)
 * @param to         last place affected
 * @param since      when the gap opened or the problem was found
 * @param problems   how many problems were found on this device in all
 */
public record ChainState(String status, Long verifiedTo, Long from, Long to, Instant since, String detail, long problems) {
}
