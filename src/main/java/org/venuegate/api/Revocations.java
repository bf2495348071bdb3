package org.venuegate.api;

import java.util.List;

/** Revoked venues and every key of the ring. */
public record Revocations(List<RevokedVenue> venues, List<KeyInfo> keys) {
}
