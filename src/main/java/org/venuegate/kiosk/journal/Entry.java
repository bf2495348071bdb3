package org.venuegate.kiosk.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.decide.Decision;
import org.venuegate.core.decide.StopReason;
import org.venuegate.core.decide.Verdict;

/**
 * One kiosk decision as the journal keeps it. There is no field for a name or an ID number on purpose: the subject
 * is the pseudonym from the health code (or whatever pseudonym the manual registration derives), and it must match
 * the hub's pseudonym alphabet so that free text such as a name cannot slip in.
 *
 * @param subject              pseudonymous subject, null when unknown (unreadable or forged code)
 * @param stopReason           null for a pass
 * @param colour               null when no authentic health code was read
 * @param nonce                the health code's nonce when it should count for anti-passback, else null
 * @param decidedAt            kept to the millisecond, as the hub stores it
 * @param scanToDecisionMicros time from the frame arriving to the decision, for the admin figures
 */
public record Entry(long venueId, String subject, boolean manual, Verdict verdict, StopReason stopReason, Colour colour,
                    boolean proxy, Long nonce, Instant decidedAt, long scanToDecisionMicros) {
    static final Pattern SUBJECT = Pattern.compile("[0-9A-Za-z:_-]{1,64}");

    public Entry {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (subject != null && !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("subject must be a pseudonym of 1-64 characters [0-9A-Za-z:_-]");
        }
        if (verdict == Verdict.PASS && stopReason != null) {
            throw new IllegalArgumentException("a pass has no stop reason");
        }
        if (verdict == Verdict.STOP && stopReason == null) {
            throw new IllegalArgumentException("a stop needs its reason");
        }
        if (scanToDecisionMicros < 0) {
            throw new IllegalArgumentException("scanToDecisionMicros must not be negative");
        }
        decidedAt = decidedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The entry for a decision on a scanned code. The nonce counts for anti-passback only when the code was
     * authentic (the decision carries the code only then), so a forged code cannot burn a genuine nonce.
     */
    public static Entry of(Decision d, long venueId, Instant decidedAt, long scanToDecisionMicros) {
        HealthCode code = d.code();
        return new Entry(venueId, code == null ? null : Long.toString(code.subjectId()), false, d.verdict(), d.stopReason(),
                code == null ? null : code.colour(), code != null && code.proxy(), code == null ? null : code.nonce(),
                decidedAt, scanToDecisionMicros);
    }
}
