package org.venuegate.kiosk.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PinGateTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicReference<String> pin = new AtomicReference<>("246810");
    private final PinGate gate = new PinGate(pin::get, nanos::get, 3, Duration.ofSeconds(60));

    @Test
    void rightPinOpensWrongPinSaysHowManyTriesAreLeft() {
        assertThat(gate.required()).isTrue();
        assertThat(gate.check("246810").status()).isEqualTo(PinGate.Status.OPEN);
        assertThat(gate.check(" 246810 ").open()).as("blanks around it are typing noise").isTrue();
        PinGate.Attempt wrong = gate.check("1234");
        assertThat(wrong.status()).isEqualTo(PinGate.Status.WRONG);
        assertThat(wrong.attemptsLeft()).isEqualTo(2);
        assertThat(gate.check(null).attemptsLeft()).isEqualTo(1);
        assertThat(gate.check("246810").open()).isTrue();
        assertThat(gate.check("0000").attemptsLeft()).as("the right PIN resets the count").isEqualTo(2);
    }

    @Test
    void tooManyWrongPinsLockEvenTheRightOneUntilTheLockoutEnds() {
        gate.check("1");
        gate.check("2");
        PinGate.Attempt third = gate.check("3");
        assertThat(third.status()).isEqualTo(PinGate.Status.LOCKED);
        assertThat(third.retryIn()).isEqualTo(Duration.ofSeconds(60));
        nanos.addAndGet(Duration.ofSeconds(45).toNanos());
        PinGate.Attempt locked = gate.check("246810");
        assertThat(locked.status()).isEqualTo(PinGate.Status.LOCKED);
        assertThat(locked.retryIn()).isEqualTo(Duration.ofSeconds(15));
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(gate.check("246810").open()).isTrue();
        assertThat(gate.check("9").attemptsLeft()).isEqualTo(2);
    }

    @Test
    void withoutAConfiguredPinThereIsNothingToAsk() {
        pin.set(null);
        assertThat(gate.required()).isFalse();
        assertThat(gate.check("").open()).isTrue();
        pin.set("1357");
        assertThat(gate.required()).as("a PIN chosen in the settings applies at once").isTrue();
        assertThat(gate.check("246810").open()).isFalse();
        assertThat(gate.check("1357").open()).isTrue();
    }
}
