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
}
