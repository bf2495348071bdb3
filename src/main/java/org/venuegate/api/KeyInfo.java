package org.venuegate.api;

import java.time.Instant;
import org.venuegate.core.keys.KeyRole;

/** A signing key without its private half. */
public record KeyInfo(String keyId, KeyRole role, Instant notBefore, Instant notAfter, boolean revoked) {
}
