package org.venuegate.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The kiosk's idea of the time. Decisions use the PC's wall clock unless it is provably wrong; then the hub's
 * signed time carried forward on the boot clock.
 *
 * <p>Two kinds of evidence, never confused:
 * <ul>
 *   <li>an <em>anchor</em>: a time the hub signed for this kiosk's own nonce, measured at the midpoint of the round
 *       trip, so its error is at most half the round trip (plus the boot clock's drift since);</li>
 *   <li>a <em>lower bound</em>: a time the present can never be before, such as a trust list's signing time. A list
 *       is re-sent unchanged for up to an hour and kept for weeks offline, so its signing time says nothing about
 *       "now" except that now is later.</li>
 * </ul>
 * The wall clock is provably wrong only when it lies outside the anchor's band (tolerance plus uncertainty), or
 * before the lower bound by more than the tolerance.
 */
public final class TrustedClock {
    /** Boot clocks drift; quartz is typically within 50 ppm, allow twice that before calling the wall clock wrong. */
    static final long DRIFT_PPM = 100;

    /** Where the time a decision uses comes from. */
    public enum Source {
        /** The wall clock agrees with the hub's signed time (or nothing contradicts it yet in this boot). */
        WALL,
        /** The wall clock is provably off; deciding on the hub's signed time carried forward. */
        HUB,
        /** Restarted after a reboot and no hub time since: the wall clock, never earlier than the last known time. */
        WALL_UNCHECKED,
        /** The wall clock is before a time already known to be past: deciding on that time, carried forward. */
        LOWER_BOUND
    }

    /**
     * One reading.
     *
     * @param now  the time decisions use
     * @param skew how far the wall clock is from the best trusted estimate (positive: wall clock ahead); zero when
     *             nothing to compare with
     */
    public record Reading(Instant now, Source source, Duration skew) {
        /** True when the gatekeeper should see a warning about the PC's clock. */
        public boolean warn() {
            return source != Source.WALL;
        }
    }

    /** What survives a restart: see {@link #state()} and {@link #restore}. */
    public record State(String bootId, Instant anchorTime, long anchorNanos, long uncertaintyNanos, Instant knownPast) {
    }

    private final Clock wall;
    private final LongSupplier nanos;
    private final Duration tolerance;
    private Instant anchorTime;
    private long anchorNanos;
    private long uncertaintyNanos;
    private Instant lowerBound;
    private long lowerBoundNanos;
    private boolean unchecked;

    /**
     * @param nanos the boot clock: elapsed time that keeps counting while the process is stopped or the PC sleeps
     *              (see {@link BootClock}); tests pass a fake
     */
    public TrustedClock(Clock wall, LongSupplier nanos, Duration tolerance) {
        this.wall = Objects.requireNonNull(wall);
        this.nanos = Objects.requireNonNull(nanos);
        this.tolerance = Objects.requireNonNull(tolerance);
    }

    /**
     * A time the hub signed for this kiosk's nonce.
     *
     * @param sentNanos     boot-clock reading when the request left
     * @param receivedNanos boot-clock reading when the answer arrived
     */
    public synchronized void anchor(Instant hubTime, long sentNanos, long receivedNanos) {
        if (receivedNanos < sentNanos) {
            throw new IllegalArgumentException("answer received before it was sent");
        }
        long half = (receivedNanos - sentNanos) / 2;
        long mid = sentNanos + half;
        // A fresher measurement is better unless the old one, carried forward, is still much tighter.
        if (anchorTime == null || half <= currentUncertainty(receivedNanos) + 1_000_000_000L) {
            anchorTime = hubTime;
            anchorNanos = mid;
            uncertaintyNanos = half;
        }
        raiseLowerBound(hubTime.minusNanos(half), mid);
        unchecked = false;
    }

    /** A time the present is known to be after (a verified trust list's signing time, say). */
    public synchronized void lowerBound(Instant past) {
        raiseLowerBound(past, nanos.getAsLong());
    }

    private void raiseLowerBound(Instant past, long atNanos) {
        long n = nanos.getAsLong();
        Instant carried = past.plusNanos(Math.max(0, n - atNanos));
        if (lowerBound == null || carried.isAfter(lowerBoundNow(n))) {
            lowerBound = past;
            lowerBoundNanos = atNanos;
        }
    }

    private Instant lowerBoundNow(long n) {
        return lowerBound == null ? null : lowerBound.plusNanos(Math.max(0, n - lowerBoundNanos));
    }

    private long currentUncertainty(long n) {
        return uncertaintyNanos + Math.max(0, n - anchorNanos) / 1_000_000 * DRIFT_PPM;
    }

    /** The time decisions use. */
    public Instant now() {
        return read().now();
    }

    public synchronized Reading read() {
        Instant w = wall.instant();
        long n = nanos.getAsLong();
        Instant floor = lowerBoundNow(n);
        if (anchorTime != null) {
            Instant trusted = anchorTime.plusNanos(n - anchorNanos);
            if (floor != null && trusted.isBefore(floor)) {
                trusted = floor;
            }
            Duration skew = Duration.between(trusted, w);
            Duration band = tolerance.plusNanos(currentUncertainty(n));
            if (skew.abs().compareTo(band) > 0) {
                return new Reading(trusted, Source.HUB, skew);
            }
            return new Reading(w, Source.WALL, skew);
        }
        if (floor != null && w.isBefore(floor.minus(tolerance))) {
            return new Reading(floor, Source.LOWER_BOUND, Duration.between(floor, w));
        }
        return new Reading(w, unchecked ? Source.WALL_UNCHECKED : Source.WALL, Duration.ZERO);
    }

    /** True when the wall clock is not used as it is, or not checked since a reboot: the status bar warns. */
    public boolean wallClockSuspect() {
        return read().warn();
    }

    /** How far the wall clock is from the trusted time (positive: wall clock ahead). */
    public Duration skew() {
        return read().skew();
    }

    /** This clock as a {@link Clock} (UTC), for code that measures ages against the time decisions use. */
    public Clock asClock() {
        TrustedClock self = this;
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return Clock.fixed(self.now(), zone);
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }

    /** True once a hub-signed time has been measured in this boot (restored or fresh). */
    public synchronized boolean anchored() {
        return anchorTime != null;
    }

    /** For {@code clock.json}: the anchor (if any) and the latest time known to be past. */
    public synchronized State state(Optional<String> bootId) {
        long n = nanos.getAsLong();
        Instant past = lowerBoundNow(n);
        if (anchorTime != null) {
            Instant low = anchorTime.plusNanos(n - anchorNanos).minusNanos(currentUncertainty(n));
            past = past == null || low.isAfter(past) ? low : past;
        }
        return new State(bootId.orElse(null), anchorTime, anchorNanos, uncertaintyNanos, past);
    }

    /**
     * Takes back a stored state. In the same boot the anchor still holds (the boot clock kept counting); after a
     * reboot only "this moment is past" survives, and the clock says it is unchecked until the hub answers.
     */
    public synchronized void restore(State s, Optional<String> bootId) {
        long n = nanos.getAsLong();
        boolean sameBoot = s.bootId() != null && bootId.isPresent() && s.bootId().equals(bootId.get())
                && s.anchorTime() != null && n >= s.anchorNanos();
        if (sameBoot && anchorTime == null) {
            anchorTime = s.anchorTime();
            anchorNanos = s.anchorNanos();
            uncertaintyNanos = Math.max(0, s.uncertaintyNanos());
        } else if (!sameBoot && anchorTime == null) {
            unchecked = true;
        }
        if (s.knownPast() != null) {
            raiseLowerBound(s.knownPast(), n);
        }
    }
}
