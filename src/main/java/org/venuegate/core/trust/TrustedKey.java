package org.venuegate.core.trust;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import org.venuegate.core.crypto.Ed25519;

/**
 * An issuer key in the trust list. During a rotation old and new keys are both listed with overlapping windows.
 *
 * @param publicKey Base64 X.509 encoding
 */
public record TrustedKey(String keyId, KeyPurpose purpose, String publicKey, Instant notBefore, Instant notAfter) {
    public TrustedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    public static TrustedKey of(PublicKey key, KeyPurpose purpose, Instant notBefore, Instant notAfter) {
        return new TrustedKey(Ed25519.keyId(key), purpose, Ed25519.encodePublic(key), notBefore, notAfter);
    }

    public PublicKey decodedKey() {
        return Ed25519.decodePublic(publicKey);
    }

    public boolean validAt(Instant t) {
        return !t.isBefore(notBefore) && t.isBefore(notAfter);
    }
}
