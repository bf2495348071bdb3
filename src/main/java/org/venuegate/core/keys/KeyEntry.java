package org.venuegate.core.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import org.venuegate.core.crypto.Ed25519;

/** One key of the key ring, with its private half (Base64 PKCS#8). */
public record KeyEntry(String keyId, KeyRole role, String publicKey, String privateKey, Instant notBefore,
                       Instant notAfter, boolean revoked) {
    public PublicKey decodedPublic() {
        return Ed25519.decodePublic(publicKey);
    }

    public PrivateKey decodedPrivate() {
        return Ed25519.decodePrivate(privateKey);
    }

    public boolean usableAt(Instant t) {
        return !revoked && !t.isBefore(notBefore) && t.isBefore(notAfter);
    }

    KeyEntry withNotAfter(Instant t) {
        return new KeyEntry(keyId, role, publicKey, privateKey, notBefore, t, revoked);
    }

    KeyEntry asRevoked() {
        return new KeyEntry(keyId, role, publicKey, privateKey, notBefore, notAfter, true);
    }
}
