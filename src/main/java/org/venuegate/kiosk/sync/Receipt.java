package org.venuegate.kiosk.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's answer to a batch of check-ins. {@code accepted} were stored now and {@code duplicates} had been stored
 * before (a re-sent batch): both are acknowledged. {@code rejected} were not stored and say why.
 *
 * @param json the receipt exactly as the hub sent it, which the journal keeps
 */
public record Receipt(String receiptId, long deviceId, Instant receivedAt, List<String> accepted, List<String> duplicates,
                      List<Rejection> rejected, String json) {
    /** Why the hub did not store one check-in. */
    public record Rejection(String id, int index, String error, String message) {
    }

    /** Every id the hub now holds: accepted and duplicates. */
    public List<String> acknowledged() {
        List<String> all = new ArrayList<>(accepted);
        all.addAll(duplicates);
        return all;
    }
}
