package org.venuegate.api;

/** The hub's root public key (Base64 X.509), which the review workstation opens trust lists with. */
public record TrustRoot(String rootKeyId, String publicKey) {
}
