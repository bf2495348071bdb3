package org.venuegate.api;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit log. {@code detail} is the hub's English sentence (for logs, and all that entries written
 * before messages existed have); {@code detailKey} names an {@link AuditMessage} (null when the entry has none) and
 * {@code detailArgs} are its arguments, so a screen words the detail in its own language.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail,
                         String detailKey, List<String> detailArgs) {
    public AuditEntry {
        detailArgs = detailArgs == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(detailArgs));
    }
}
