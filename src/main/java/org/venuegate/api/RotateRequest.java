package org.venuegate.api;

import org.venuegate.core.keys.KeyRole;

/** An admin rotates the signing key of a role; the previous keys stay valid for {@code overlapDays}. */
public record RotateRequest(KeyRole role, Integer overlapDays) {
}
