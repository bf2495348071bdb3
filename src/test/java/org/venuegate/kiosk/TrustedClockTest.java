package org.venuegate.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.TrustedClock.Source;
import org.venuegate.testing.MutableClock;

/** The clock guard's rules, one condition at a time (the same conditions through a real hub: ClockConditionsTest). */
class TrustedClockTest {
    static final Instant REAL = Instant.parse("2026-11-20T08:00:00Z");
    static final Duration TOLERANCE = Duration.ofMinutes(2);

    final MutableClock wall = new MutableClock(REAL);
    final FakeBootClock boot = new FakeBootClock();
    final TrustedClock clock = new TrustedClock(wall, boot::nanos, TOLERANCE);

    /** Real time passes: the boot clock and (unless a test says otherwise) the wall clock move together. */
    void pass(Duration d) {
        boot.advance(d);
        wall.now = wall.now.plus(d);
    }

    void anchorAt(Instant hubTime, Duration roundTrip) {
        long sent = boot.nanos();
        boot.advance(roundTrip);
        wall.now = wall.now.plus(roundTrip);
        clock.anchor(hubTime.plus(roundTrip.dividedBy(2)), sent, boot.nanos());
    }

    @Test
    void aListSignedLongAgoIsOnlyALowerBoundAndNeverOverrulesACorrectWallClock() {
        for (Duration age : new Duration[] {Duration.ofMinutes(20), Duration.ofHours(1), Duration.ofDays(3), Duration.ofDays(30)}) {
            TrustedClock c = new TrustedClock(wall, boot::nanos, TOLERANCE);
            c.lowerBound(REAL.minus(age));
            assertThat(c.read().source()).as("list signed %s ago", age).isEqualTo(Source.WALL);
            assertThat(c.now()).isEqualTo(wall.instant());
        }
    }

    @Test
    void aWallClockBeforeAKnownPastTimeIsProvablyWrong() {
        clock.lowerBound(REAL.minusSeconds(30));
        wall.now = REAL.minus(Duration.ofHours(1));
        TrustedClock.Reading r = clock.read();
        assertThat(r.source()).isEqualTo(Source.LOWER_BOUND);
        assertThat(r.now()).isEqualTo(REAL.minusSeconds(30));
        assertThat(r.skew()).isNegative();
        // Within the tolerance the wall clock stands.
        wall.now = REAL.minusSeconds(100);
        assertThat(clock.read().source()).isEqualTo(Source.WALL);
    }

    @Test
    void anAnchorCatchesAWallClockAnHourFastOrSlowAndCarriesForwardOffline() {
        for (Duration off : new Duration[] {Duration.ofHours(1), Duration.ofHours(-1)}) {
            MutableClock w = new MutableClock(REAL.plus(off));
            FakeBootClock b = new FakeBootClock();
            TrustedClock c = new TrustedClock(w, b::nanos, TOLERANCE);
            long sent = b.nanos();
            b.advance(Duration.ofMillis(80));
            c.anchor(REAL.plusMillis(40), sent, b.nanos());
            TrustedClock.Reading r = c.read();
            assertThat(r.source()).as("wall %s off", off).isEqualTo(Source.HUB);
            assertThat(Duration.between(REAL.plusMillis(80), r.now()).abs()).isLessThan(Duration.ofMillis(50));
            assertThat(Math.round(r.skew().toMillis() / 60_000.0)).isEqualTo(off.toMinutes());
            // Three days offline: still the hub's time, carried on the boot clock.
            b.advance(Duration.ofDays(3));
            w.now = w.now.plus(Duration.ofDays(3));
            assertThat(c.read().source()).isEqualTo(Source.HUB);
            assertThat(Duration.between(REAL.plus(Duration.ofDays(3)), c.now()).abs()).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aCorrectWallClockStaysInChargeAndTheBandWidensWithTheRoundTripAndDrift() {
        anchorAt(REAL, Duration.ofSeconds(10));
        assertThat(clock.read().source()).isEqualTo(Source.WALL);
        // 2 min 4 s off: outside the tolerance, inside tolerance + half the round trip: not provably wrong.
        wall.now = wall.now.plusSeconds(124);
        assertThat(clock.read().source()).isEqualTo(Source.WALL);
        wall.now = wall.now.plusSeconds(2);
        assertThat(clock.read().source()).isEqualTo(Source.HUB);
        wall.now = wall.now.minusSeconds(126);
        // Ten days offline: drift allowance (100 ppm = 86 s) keeps a clock 3 min off in charge.
        pass(Duration.ofDays(10));
        wall.now = wall.now.plusSeconds(180);
        assertThat(clock.read().source()).isEqualTo(Source.WALL);
    }

    @Test
    void theSameBootKeepsTheAnchorAcrossARestartAndARebootKeepsOnlyTheKnownPast() {
        wall.now = REAL.plus(Duration.ofHours(1));
        anchorAt(REAL, Duration.ofMillis(100));
        TrustedClock.State saved = clock.state(boot.bootId());
        pass(Duration.ofMinutes(5));

        TrustedClock restarted = new TrustedClock(wall, boot::nanos, TOLERANCE);
        restarted.restore(saved, boot.bootId());
        assertThat(restarted.read().source()).isEqualTo(Source.HUB);
        assertThat(Duration.between(REAL.plus(Duration.ofMinutes(5)), restarted.now()).abs()).isLessThan(Duration.ofSeconds(1));

        boot.reboot("boot-2");
        wall.now = REAL.plus(Duration.ofMinutes(6));
        TrustedClock rebooted = new TrustedClock(wall, boot::nanos, TOLERANCE);
        rebooted.restore(saved, boot.bootId());
        assertThat(rebooted.read().source()).as("says it is unchecked").isEqualTo(Source.WALL_UNCHECKED);
        assertThat(rebooted.now()).isEqualTo(wall.instant());
        wall.now = REAL.minus(Duration.ofHours(2));
        assertThat(rebooted.read().source()).isEqualTo(Source.LOWER_BOUND);
        assertThat(rebooted.now()).isAfterOrEqualTo(REAL);
    }

    @Test
    void aStateWithoutBootIdIsTreatedAsAReboot() {
        anchorAt(REAL, Duration.ofMillis(100));
        TrustedClock.State saved = clock.state(Optional.empty());
        TrustedClock next = new TrustedClock(wall, boot::nanos, TOLERANCE);
        next.restore(saved, Optional.empty());
        assertThat(next.anchored()).isFalse();
        assertThat(next.read().source()).isEqualTo(Source.WALL_UNCHECKED);
    }
}
