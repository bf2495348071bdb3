package org.venuegate.core.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.CodeKind;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.code.ParseResult;
import org.venuegate.core.code.ParsedCode;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.trust.KeyPurpose;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.trust.TrustedKey;

/**
 * Offline verification against a trust list. Pure apart from the {@link ReplayGuard} lookup; never throws for
 * any input text. Signature first, then everything that depends on trusting the content.
 */
public final class CodeVerifier {
    private final TrustList trust;
    private final VerificationPolicy policy;

    /** @param trust may be null: then every VenueGate code comes back {@link Reason#NO_TRUST_LIST} */
    public CodeVerifier(TrustList trust, VerificationPolicy policy) {
        this.trust = trust;
        this.policy = Objects.requireNonNull(policy);
    }

    /** Kiosk path: the text must be a health code unveiled for {@code venueId}. */
    public VerificationResult verifyHealth(String text, long venueId, Instant now, ReplayGuard replay) {
        return verify(text, Optional.of(CodeKind.HEALTH), OptionalLong.of(venueId), now, replay);
    }

    /** Phone, review and kiosk-setup path: the text must be a venue code. */
    public VerificationResult verifyVenue(String text, Instant now) {
        return verify(text, Optional.of(CodeKind.VENUE), OptionalLong.empty(), now, ReplayGuard.NONE);
    }

    /**
     * @param expected a kind the text must have, or empty to accept either
     * @param venueId  the venue a health code must be bound to, or empty to skip that check
     */
    public VerificationResult verify(String text, Optional<CodeKind> expected, OptionalLong venueId, Instant now,
                                     ReplayGuard replay) {
        ParseResult parsed = CodeFormat.parse(text);
        if (!parsed.ok()) {
            Reason r = switch (parsed.problem()) {
                case NOT_VENUEGATE -> Reason.NOT_VENUEGATE;
                case UNSUPPORTED_VERSION -> Reason.UNSUPPORTED_VERSION;
                case MALFORMED -> Reason.MALFORMED;
                case TOO_LARGE -> Reason.TOO_LARGE;
            };
            return VerificationResult.of(r, parsed.detail());
        }
        ParsedCode code = parsed.code();
        if (expected.isPresent() && expected.get() != code.kind()) {
            Reason r = code.kind() == CodeKind.VENUE ? Reason.VENUE_CODE_NOT_HEALTH : Reason.HEALTH_CODE_NOT_VENUE;
            return result(r, code, "expected a " + expected.get() + " code");
        }
        if (trust == null) {
            return result(Reason.NO_TRUST_LIST, code, "no trust list to check key " + code.keyId());
        }
        Optional<TrustedKey> key = trust.key(code.keyId());
        if (key.isEmpty()) {
            return result(Reason.UNKNOWN_KEY, code, "key " + code.keyId() + " is not in trust list " + trust.sequence());
        }
        KeyPurpose needed = code.kind() == CodeKind.VENUE ? KeyPurpose.VENUE : KeyPurpose.HEALTH;
        if (key.get().purpose() != needed) {
            return result(Reason.WRONG_KEY_PURPOSE, code, "key " + code.keyId() + " signs " + key.get().purpose() + " codes");
        }
        if (trust.keyRevoked(code.keyId())) {
            return result(Reason.REVOKED_KEY, code, "key " + code.keyId() + " is revoked");
        }
        if (!Ed25519.verify(key.get().decodedKey(), code.signedBytes(), code.signature())) {
            return result(Reason.BAD_SIGNATURE, code, "signature does not match key " + code.keyId());
        }
        Instant issued = code.kind() == CodeKind.VENUE ? code.venue().issuedAt() : code.health().admittedAt();
        if (!key.get().validAt(issued)) {
            return result(Reason.KEY_NOT_VALID, code, "issued " + issued + " outside key window "
                    + key.get().notBefore() + " .. " + key.get().notAfter());
        }
        return code.kind() == CodeKind.VENUE ? checkVenue(code) : checkHealth(code, venueId, now, replay);
    }

    private VerificationResult checkVenue(ParsedCode code) {
        VenueCode v = code.venue();
        if (trust.venueRevoked(v.venueId())) {
            return result(Reason.REVOKED_VENUE, code, "venue " + v.venueId() + " is revoked");
        }
        return result(Reason.VALID, code, null);
    }

    private VerificationResult checkHealth(ParsedCode code, OptionalLong venueId, Instant now, ReplayGuard replay) {
        HealthCode h = code.health();
        if (trust.venueRevoked(h.venueId())) {
            return result(Reason.REVOKED_VENUE, code, "unveiled for revoked venue " + h.venueId());
        }
        if (venueId.isPresent() && venueId.getAsLong() != h.venueId()) {
            return result(Reason.OTHER_VENUE, code, "unveiled for venue " + h.venueId() + ", this is " + venueId.getAsLong());
        }
        if (h.admittedAt().isAfter(now.plus(policy.clockSkew()))) {
            return result(Reason.NOT_YET_VALID, code, "admission " + h.admittedAt() + " is after " + now);
        }
        if (!now.isBefore(h.expiresAt())) {
            return result(Reason.EXPIRED, code, "expired " + h.expiresAt());
        }
        if (h.admittedAt().plus(policy.maxAdmissionAge()).isBefore(now)) {
            return result(Reason.STALE_ADMISSION, code, "admitted " + h.admittedAt() + ", older than " + policy.maxAdmissionAge());
        }
        if (replay.alreadyUsed(h.nonce())) {
            return result(Reason.REPLAYED_NONCE, code, "nonce " + Long.toUnsignedString(h.nonce(), 16) + " already used");
        }
        return result(Reason.VALID, code, null);
    }

    private static VerificationResult result(Reason reason, ParsedCode code, String detail) {
        return new VerificationResult(reason, code.kind(), code.keyId(), code.venue(), code.health(), detail);
    }
}
