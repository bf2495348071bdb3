package org.venuegate.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The kiosk's idea of the time. A cheap PC's wall clock drifts or gets reset; the hub's signed time (from the
 * trust list) plus a monotonic clock since it arrived does not. When the two disagree by more than the tolerance
 * the kiosk warns the gatekeeper and decides on the trusted time, online or offline.
 */
public final class TrustedClock {
    private final Clock wall;
    private final LongSupplier nanos;
    private final Duration tolerance;
    private volatile Instant anchorTime;
    private volatile long anchorNanos;

    public TrustedClock(Clock wall, LongSupplier nanos, Duration tolerance) {
        this.wall = wall;
        this.nanos = nanos;
        this.tolerance = tolerance;
    }

    /** A newly verified hub time; older anchors never move the clock back. */
    public synchronized void anchor(Instant hubTime) {
        if (anchorTime == null || hubTime.isAfter(now())) {
            anchorTime = hubTime;
            anchorNanos = nanos.getAsLong();
        }
    }

    /** Trusted time: the anchored hub time advanced monotonically, or the wall clock before any anchor. */
    public Instant now() {
        Instant a = anchorTime;
        if (a == null) {
            return wall.instant();
        }
        Instant trusted = a.plusNanos(nanos.getAsLong() - anchorNanos);
        return wallClockSuspect(trusted) ? trusted : wall.instant();
    }

    private boolean wallClockSuspect(Instant trusted) {
        return Duration.between(trusted, wall.instant()).abs().compareTo(tolerance) > 0;
    }

    /** True when the wall clock is off the trusted time by more than the tolerance: the status bar warns. */
    public boolean wallClockSuspect() {
        Instant a = anchorTime;
        return a != null && wallClockSuspect(a.plusNanos(nanos.getAsLong() - anchorNanos));
    }

    /** How far the wall clock is from the trusted time (positive: wall clock ahead). */
    public Duration skew() {
        Instant a = anchorTime;
        return a == null ? Duration.ZERO : Duration.between(a.plusNanos(nanos.getAsLong() - anchorNanos), wall.instant());
    }
}
