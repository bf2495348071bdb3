package org.venuegate.api;

import java.time.Instant;
import org.venuegate.core.checkin.CheckinChain;

/**
 * One check-in as a kiosk sends it ({@code POST /checkins}). Never a name or ID number: {@code subject} is
 * pseudonymous. Fields are boxed so that the hub refuses an item lacking one by name instead of reading a default.
 *
 * @param seq        the kiosk's journal sequence number
 * @param chain      the kiosk's hash-chain value after this record (hex SHA-256, {@link CheckinChain})
 * @param nonce      the scanned health code's nonce, the hub's evidence that it unveiled this code; null when no
 *                   authentic code was read
 * @param prev       the chain value before this record, so the hub can check the link
 * @param scanMicros the kiosk's scan-to-decision time, which the chain covers
 */
public record Checkin(String id, Long seq, String chain, Long venueId, String subject, Boolean manual, String outcome,
                      String reason, String colour, Boolean proxy, Instant decidedAt, Long nonce, String prev,
                      Long scanMicros) {
    /** The record as the chain covers it; null when a field the chain needs is missing. */
    public CheckinChain.Link link() {
        if (id == null || seq == null || venueId == null || outcome == null || decidedAt == null) {
            return null;
        }
        return new CheckinChain.Link(id, seq, venueId, subject, Boolean.TRUE.equals(manual), outcome, reason, colour,
                Boolean.TRUE.equals(proxy), nonce, decidedAt.toEpochMilli(), scanMicros == null ? 0 : scanMicros);
    }
}
