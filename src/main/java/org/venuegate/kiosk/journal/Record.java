package org.venuegate.kiosk.journal;

/**
 * A journaled entry with what the journal gave it.
 *
 * @param id    random lower-case UUID, the hub's idempotency key
 * @param seq   1, 2, 3... without gaps
 * @param chain hex SHA-256 of the previous chain value and this record's canonical bytes
 */
public record Record(String id, long seq, String chain, Entry entry) {
}
