package org.venuegate.api;

import java.time.Instant;
import java.util.List;

/**
 * The hub's answer to a batch of check-ins, which the kiosk keeps. {@code accepted} were stored now,
 * {@code duplicates} were already stored identically (both count as acknowledged), {@code rejected} were not stored
 * and say why.
 */
public record Receipt(String receiptId, long deviceId, Instant receivedAt, List<String> accepted,
                      List<String> duplicates, List<Rejection> rejected) {
}
