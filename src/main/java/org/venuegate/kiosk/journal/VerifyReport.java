package org.venuegate.kiosk.journal;

/**
 * The outcome of re-walking the hash chain.
 *
 * @param records    records checked
 * @param firstSeq   first sequence number present (0 when empty)
 * @param lastSeq    last sequence number present (0 when empty)
 * @param purged     records purged before firstSeq, whose chain value is kept as the anchor
 * @param problemSeq the sequence number where the first problem shows, or 0
 */
public record VerifyReport(Status status, long records, long firstSeq, long lastSeq, long purged, long problemSeq,
                           String message) {
    /** What was found first. */
    public enum Status {
        OK,
        /** A sequence number is missing: a record was deleted. */
        GAP,
        /** A record's content no longer matches its chain value: it was edited. */
        EDITED,
        /** Records at the end are missing compared to the journal's head. */
        TRUNCATED,
        /** The file is not a readable journal. */
        DAMAGED
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
