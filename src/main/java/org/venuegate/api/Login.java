package org.venuegate.api;

import java.time.Instant;

/** What a successful login returns: the bearer token and who it is for. */
public record Login(String token, Instant expiresAt, Role role, String username, Integer district, Long subjectId) {
}
