package org.venuegate.kiosk.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.core.verify.VerificationResult;

/**
 * Binds the kiosk to its venue: the text read from the venue's poster (or typed) must be a venue code signed by a
 * key in the kiosk's trust list, not revoked, and for the venue the hub paired this kiosk to. No JavaFX, no camera.
 */
public final class VenueBinder {
    /** Every way a binding attempt ends; each gets its own message on screen. */
    public enum Outcome {
        BOUND,
        /** Authentic, but another venue's code: wrong poster, or the kiosk was paired to the wrong venue. */
        WRONG_VENUE,
        /** Looks like a venue code, but the signature does not hold (or was made with a key for something else). */
        FORGED,
        /** Signed by a key this kiosk does not know: a forgery, or a trust list older than the poster. */
        UNKNOWN_KEY,
        /** The signing key has been withdrawn: the poster must be reissued. */
        REVOKED_KEY,
        /** This venue's code has been revoked. */
        REVOKED_VENUE,
        /** A citizen's health code held up instead of the poster. */
        HEALTH_CODE,
        /** Some other QR code or text altogether. */
        NOT_A_VENUE_CODE,
        /** A VenueGate code that is cut off or damaged. */
        DAMAGED,
        /** The kiosk has no trust list to check against (pairing did not finish). */
        NO_TRUST_LIST,
        /** Nothing was entered. */
        EMPTY
    }

    /**
     * @param scanned the venue code read, present only when its signature holds (so its name may be shown)
     * @param binding what was stored, for {@link Outcome#BOUND}
     * @param detail  a technical detail for the log, never shown as the message
     */
    public record Result(Outcome outcome, VenueCode scanned, VenueBinding binding, String detail) {
        public boolean bound() {
            return outcome == Outcome.BOUND;
        }
    }

    private final Supplier<TrustList> trust;
    private final long pairedVenueId;
    private final Supplier<Instant> now;
    private final Path configDir;

    /**
     * @param trust         the kiosk's current trust list (may supply null)
     * @param pairedVenueId the venue the hub paired this kiosk to ({@code device.json})
     * @param configDir     where {@link VenueBinding#NAME} is written
     */
    public VenueBinder(Supplier<TrustList> trust, long pairedVenueId, Supplier<Instant> now, Path configDir) {
        this.trust = Objects.requireNonNull(trust);
        this.pairedVenueId = pairedVenueId;
        this.now = Objects.requireNonNull(now);
        this.configDir = Objects.requireNonNull(configDir);
    }

    /** Checks a text without storing anything. Never throws for any text. */
    public Result check(String text) {
        String code = clean(text);
        if (code.isEmpty()) {
            return new Result(Outcome.EMPTY, null, null, null);
        }
        VerificationResult r = new CodeVerifier(trust.get(), VerificationPolicy.DEFAULT).verifyVenue(code, now.get());
        VenueCode venue = r.authentic() ? r.venue() : null;
        if (venue != null && venue.venueId() != pairedVenueId) {
            // before "revoked": the actionable fact is that this is not our venue's poster
            return new Result(Outcome.WRONG_VENUE, venue, null, "venue " + venue.venueId() + ", paired to " + pairedVenueId);
        }
        Outcome o = switch (r.reason()) {
            case VALID -> Outcome.BOUND;
            case REVOKED_VENUE -> Outcome.REVOKED_VENUE;
            case BAD_SIGNATURE, WRONG_KEY_PURPOSE, KEY_NOT_VALID -> Outcome.FORGED;
            case UNKNOWN_KEY -> Outcome.UNKNOWN_KEY;
            case REVOKED_KEY -> Outcome.REVOKED_KEY;
            case HEALTH_CODE_NOT_VENUE -> Outcome.HEALTH_CODE;
            case NOT_VENUEGATE -> Outcome.NOT_A_VENUE_CODE;
            case MALFORMED, TOO_LARGE, UNSUPPORTED_VERSION -> Outcome.DAMAGED;
            case NO_TRUST_LIST -> Outcome.NO_TRUST_LIST;
            // health-code-only reasons: verifyVenue never returns them, but if it did the code is not usable here
            case EXPIRED, NOT_YET_VALID, OTHER_VENUE, STALE_ADMISSION, REPLAYED_NONCE, VENUE_CODE_NOT_HEALTH -> Outcome.DAMAGED;
        };
        if (o != Outcome.BOUND) {
            return new Result(o, venue, null, r.reason() + (r.detail() == null ? "" : ": " + r.detail()));
        }
        return new Result(o, venue, new VenueBinding(venue.venueId(), venue.venueNumber(), venue.name(), code, r.keyId(),
                now.get(), null), null);
    }

    /** Checks the text and, when it binds, stores the binding atomically. */
    public Result bind(String text, VenueBinding.Via via) throws IOException {
        Result r = check(text);
        if (!r.bound()) {
            return r;
        }
        VenueBinding b = r.binding();
        VenueBinding stored = new VenueBinding(b.venueId(), b.venueNumber(), b.venueName(), b.codeText(), b.keyId(),
                b.boundAt(), via);
        stored.save(configDir);
        return new Result(Outcome.BOUND, r.scanned(), stored, null);
    }

    /**
     * Scanners and pasting add line ends and stray blanks; Base45 has a space in its alphabet, so only leading blanks
     * (before the "VGV1:" prefix) and trailing line ends and tabs are removed.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.stripLeading();
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }
}
