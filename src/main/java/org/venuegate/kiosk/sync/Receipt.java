package org.venuegate.kiosk.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.venuegate.api.Rejection;

/**
 * The hub's answer to a batch of check-ins ({@link org.venuegate.api.Receipt}) as the kiosk keeps it: with the JSON
 * exactly as sent. {@code accepted} were stored now and {@code duplicates} had been stored before (a re-sent batch):
 * both are acknowledged. {@code rejected} were not stored and say why.
 *
 * @param json the receipt exactly as the hub sent it, which the journal keeps
 */
public record Receipt(String receiptId, long deviceId, Instant receivedAt, List<String> accepted, List<String> duplicates,
                      List<Rejection> rejected, String json) {
    /** Every id the hub now holds: accepted and duplicates. */
    public List<String> acknowledged() {
        List<String> all = new ArrayList<>(accepted);
        all.addAll(duplicates);
        return all;
    }
}
