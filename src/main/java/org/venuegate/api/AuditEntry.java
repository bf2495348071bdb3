package org.venuegate.api;

import java.time.Instant;

/** One entry of the audit log. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
}
