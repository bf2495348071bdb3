package org.venuegate.kiosk.journal;

/**
 * A journaled entry with what the journal gave it.
 *
 * @param id       random lower-case UUID, the hub's idempotency key
 * @param seq      1, 2, 3... without gaps
 * @param chain    hex SHA-256 of the previous chain value and this record's canonical bytes
 * @param previous the chain value before this record, which the hub needs to check the link; null when not known
 */
public record Record(String id, long seq, String chain, Entry entry, String previous) {
    public Record(String id, long seq, String chain, Entry entry) {
        this(id, seq, chain, entry, null);
    }

    Record withPrevious(String previousChain) {
        return new Record(id, seq, chain, entry, previousChain);
    }
}
