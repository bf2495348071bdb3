package org.venuegate.api;

import java.time.Instant;

/** A user account as the admin sees it (never the password hash). */
public record User(long id, String username, Role role, Integer district, boolean active, Instant createdAt) {
}
