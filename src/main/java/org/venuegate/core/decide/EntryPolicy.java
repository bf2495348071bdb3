package org.venuegate.core.decide;

import java.time.Duration;
import java.util.Optional;

/**
 * A venue's entry rule. Default: green passes. Hospitals and care homes may also require the badge or a
 * recent negative nucleic-acid test.
 */
public record EntryPolicy(boolean requireBadge, Optional<Duration> negativeTestWithin) {
    public static final EntryPolicy DEFAULT = new EntryPolicy(false, Optional.empty());

    public EntryPolicy {
        negativeTestWithin.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("negative test window must be positive");
            }
        });
    }
}
