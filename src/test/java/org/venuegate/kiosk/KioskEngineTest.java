package org.venuegate.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.core.decide.StopReason;

class KioskEngineTest {
    @Test
    void passIsRecordedAndTheNonceCannotBeUsedAgain() {
        KioskFixture k = new KioskFixture(EntryPolicy.DEFAULT);
        String code = k.issuer.green();
        k.nanos.addAndGet(2_000_000);
        KioskEngine.Outcome first = k.engine.onCode(code, 1_000_000_000L);
        assertThat(first.decision().pass()).isTrue();
        assertThat(first.scanToDecisionMicros()).isEqualTo(2000);
        KioskEngine.Outcome again = k.engine.onCode(code, k.nanos.get());
        assertThat(again.decision().stopReason()).isEqualTo(StopReason.REPLAYED);
        assertThat(k.recorded).hasSize(2);
    }

    @Test
    void aStoppedAuthenticCodeIsSpentToo() {
        KioskFixture k = new KioskFixture(new EntryPolicy(true, java.util.Optional.empty()));
        String noBadge = k.issuer.health(new org.venuegate.core.code.HealthCode(1, "李*", org.venuegate.core.code.Colour.GREEN,
                false, java.util.Optional.empty(), false, TestIssuer.VENUE, TestIssuer.T0, TestIssuer.T0.plusSeconds(600), 5));
        assertThat(k.engine.onCode(noBadge, 0).decision().stopReason()).isEqualTo(StopReason.BADGE_REQUIRED);
        assertThat(k.nonces).containsExactly(5L);
    }

    @Test
    void trustedClockOverridesAWrongWallClock() {
        AtomicLong nanos = new AtomicLong();
        Clock wrongWall = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
        TrustedClock clock = new TrustedClock(wrongWall, nanos::get, Duration.ofMinutes(2));
        assertThat(clock.now()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        clock.anchor(TestIssuer.T0);
        nanos.addAndGet(Duration.ofSeconds(90).toNanos());
        assertThat(clock.wallClockSuspect()).isTrue();
        assertThat(clock.now()).isEqualTo(TestIssuer.T0.plusSeconds(90));
        clock.anchor(TestIssuer.T0.minusSeconds(3600));
        assertThat(clock.now()).as("an older anchor never moves time back").isEqualTo(TestIssuer.T0.plusSeconds(90));

        Clock rightWall = Clock.fixed(TestIssuer.T0.plusSeconds(30), ZoneOffset.UTC);
        TrustedClock ok = new TrustedClock(rightWall, nanos::get, Duration.ofMinutes(2));
        ok.anchor(TestIssuer.T0);
        assertThat(ok.wallClockSuspect()).isFalse();
        assertThat(ok.now()).isEqualTo(TestIssuer.T0.plusSeconds(30));
    }
}
