package org.venuegate.kiosk;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.venuegate.core.decide.Decision;
import org.venuegate.core.decide.DecisionEngine;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.ReplayGuard;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.core.verify.VerificationResult;

/**
 * The kiosk's data path after decoding: verify offline, decide, record durably, then hand the decision to the
 * prompt. Reads one way; nothing here touches the screen, the camera or the network.
 */
public final class KioskEngine {
    /** Writes a decision durably before it is shown (the journal). */
    public interface Recorder {
        /**
         * @param nonce the authentic code's nonce when it must never be accepted again here, else null
         */
        void record(Decision decision, long venueId, Instant decidedAt, Long nonce, long scanToDecisionMicros);
    }

    /** A decision with when it was made and how long it took from the frame. */
    public record Outcome(Decision decision, Instant decidedAt, long scanToDecisionMicros) {
    }

    private final Supplier<TrustList> trust;
    private final long venueId;
    private final EntryPolicy policy;
    private final VerificationPolicy verificationPolicy;
    private final TrustedClock clock;
    private final ReplayGuard replay;
    private final Recorder recorder;
    private final LongSupplier nanos;

    public KioskEngine(Supplier<TrustList> trust, long venueId, EntryPolicy policy, VerificationPolicy verificationPolicy,
                       TrustedClock clock, ReplayGuard replay, Recorder recorder, LongSupplier nanos) {
        this.trust = trust;
        this.venueId = venueId;
        this.policy = Objects.requireNonNull(policy);
        this.verificationPolicy = verificationPolicy;
        this.clock = clock;
        this.replay = replay;
        this.recorder = recorder;
        this.nanos = nanos;
    }

    /** Runs on the scan thread for every newly read code. Synchronized: two readers must not both accept a nonce. */
    public synchronized Outcome onCode(String text, long capturedNanos) {
        Instant now = clock.now();
        VerificationResult r = new CodeVerifier(trust.get(), verificationPolicy).verifyHealth(text, venueId, now, replay);
        Decision d = DecisionEngine.decide(r, venueId, now, policy);
        // An authentic code's nonce is spent whatever the decision, so a stopped code cannot be shown again to pass.
        Long nonce = r.authentic() && r.health() != null && r.reason() != org.venuegate.core.verify.Reason.REPLAYED_NONCE
                ? r.health().nonce() : null;
        long micros = Math.max(0, (nanos.getAsLong() - capturedNanos) / 1000);
        recorder.record(d, venueId, now, nonce, micros);
        if (r.authentic() && r.health() != null) {
            // The hub signed this admission time, so the present is past it: a floor for the next decisions
            // (never for this one, or a stale code would vouch for itself).
            clock.lowerBound(r.health().admittedAt());
        }
        return new Outcome(d, now, micros);
    }
}
