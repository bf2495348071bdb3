package org.venuegate.api;

import java.time.Instant;
import org.venuegate.core.keys.KeyRole;

/** The key a rotation made. */
public record RotatedKey(String keyId, KeyRole role, Instant notBefore, Instant notAfter) {
}
