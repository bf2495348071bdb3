package org.venuegate.hub;

import java.time.Duration;
import org.venuegate.api.Checkin;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.hub.store.Database;

/**
 * How a stored check-in counts as evidence of presence. Only {@link #VERIFIED} places a subject at a venue in trace
 * results: a scanned check-in whose nonce the hub issued at unveil for that subject and venue, decided within that
 * code's window. Everything else is an unverified attempt, with its reason.
 *
 * <p>What the record alone decides (a hand registration, no code, a chain link that does not hold) is judged as the
 * record arrives. The match with the unveil log is judged when the record is read, by {@link #OF_ROW}: a trace reads
 * a few thousand records, while ingestion takes thousands a second, and looking up every nonce as it arrived cost the
 * database a third of what storing the rows did. The unveil log is kept as long as the check-ins it judges.
 */
public final class Evidence {
    public static final String VERIFIED = "VERIFIED";
    /** A record whose content does not give its own chain value: changed after the kiosk wrote it. */
    static final String CHAIN_MISMATCH = "CHAIN_MISMATCH";
    /** Stored for a scanned check-in whose link holds: its unveil is matched when it is read. Never shown. */
    static final String SCANNED = "SCANNED";
    /** A kiosk's clock may be this far off the hub's when it judges a code's window. */
    static final Duration SLACK = VerificationPolicy.DEFAULT.clockSkew();

    private static final String PLAIN = "checkins k LEFT JOIN unveils u ON k.evidence = '" + SCANNED + "' AND u.nonce = k.nonce";
    /**
     * PostgreSQL: the unveil of each row looked up by its nonce, in the one day partition the nonce names. A plain
     * join may be planned as a hash join that reads the whole unveil log (a month of it is some 600 million rows at
     * city scale) to judge a trace's few thousand rows; the limit keeps the lookup a lookup.
     */
    private static final String LATERAL = "checkins k LEFT JOIN LATERAL (SELECT nonce, subject, venue_id, admitted_at, expires_at"
            + " FROM unveils WHERE nonce = k.nonce AND k.evidence = '" + SCANNED + "' LIMIT 1) u ON true";

    /** The evidence code of a row of {@link #checkins}: the stored code, or for a scanned one the unveil's verdict. */
    public static final String OF_ROW = "(CASE WHEN k.evidence <> '" + SCANNED + "' THEN k.evidence"
            + " WHEN u.nonce IS NULL THEN 'NO_UNVEIL'"
            + " WHEN k.subject IS NULL OR u.subject <> k.subject THEN 'OTHER_SUBJECT'"
            + " WHEN u.venue_id <> k.venue_id THEN 'OTHER_VENUE'"
            + " WHEN k.decided_at < u.admitted_at - " + SLACK.toMillis() + " OR k.decided_at > u.expires_at + " + SLACK.toMillis()
            + " THEN 'OUTSIDE_WINDOW'"
            + " ELSE '" + VERIFIED + "' END)";

    private Evidence() {
    }

    /** The check-ins as {@code k}, each scanned one with the unveil of its nonce as {@code u} (SQL after FROM). */
    public static String checkins(Database.Dialect dialect) {
        return dialect == Database.Dialect.POSTGRES ? LATERAL : PLAIN;
    }

    /**
     * The code stored for an item as it arrives.
     *
     * @param link what its chain link decided: UNLINKED or {@link #CHAIN_MISMATCH}, null when the link holds
     */
    static String onArrival(Checkin c, String link) {
        if (link != null) {
            return link;
        }
        if (Boolean.TRUE.equals(c.manual())) {
            return "MANUAL";
        }
        return c.nonce() == null ? "NO_CODE" : SCANNED;
    }

    /**
     * The oldest expiry an unveil may have and still judge a check-in kept since {@code cutoffMs}: a check-in decided
     * up to {@link #SLACK} after its code expired is still judged by it.
     */
    static long unveilsKeptFrom(long cutoffMs) {
        return cutoffMs - SLACK.toMillis();
    }
}
