package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.setup.PinGate;
import org.venuegate.ui.Lang;

class PinViewModelTest {
    private final AtomicLong nanos = new AtomicLong();
    private final PinGate gate = new PinGate(() -> "246810", nanos::get, 5, Duration.ofSeconds(60));
    private final AtomicInteger opened = new AtomicInteger();
    private final Lang en = new Lang(Locale.ENGLISH);

    @Test
    void theRightPinOpensOnce() {
        PinViewModel vm = new PinViewModel(gate, en, PinViewModel.Purpose.SETTINGS, opened::incrementAndGet);
        assertThat(vm.promptProperty().get()).isEqualTo("Enter the admin PIN to open the settings");
        vm.pinProperty().set("246810");
        vm.submit();
        assertThat(opened).hasValue(1);
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.pinProperty().get()).isEmpty();
        vm.pinProperty().set("246810");
        vm.submit();
        assertThat(opened).hasValue(1);
    }

    @Test
    void wrongPinsCountDownThenLockAcrossPrompts() {
        PinViewModel exit = new PinViewModel(gate, en, PinViewModel.Purpose.EXIT, opened::incrementAndGet);
        exit.pinProperty().set("111111");
        exit.submit();
        assertThat(exit.messageProperty().get()).isEqualTo("Wrong PIN. 4 more tries before a pause.");
        assertThat(exit.pinProperty().get()).as("a wrong PIN is cleared too").isEmpty();
        assertThat(exit.doneProperty().get()).isFalse();
        for (int i = 0; i < 3; i++) {
            exit.submit();
        }
        assertThat(exit.messageProperty().get()).isEqualTo("Wrong PIN. 1 more tries before a pause.");
        // another key's prompt shares the count
        PinViewModel settings = new PinViewModel(gate, en, PinViewModel.Purpose.SETTINGS, opened::incrementAndGet);
        settings.submit();
        assertThat(settings.messageProperty().get()).isEqualTo("Too many wrong PINs. Try again in 60 s.");
        nanos.addAndGet(Duration.ofMillis(30_500).toNanos());
        settings.pinProperty().set("246810");
        settings.submit();
        assertThat(settings.messageProperty().get()).isEqualTo("Too many wrong PINs. Try again in 30 s.");
        assertThat(opened).hasValue(0);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        settings.pinProperty().set("246810");
        settings.submit();
        assertThat(opened).hasValue(1);
        assertThat(new PinViewModel(gate, new Lang(Locale.SIMPLIFIED_CHINESE), PinViewModel.Purpose.TODAY, () -> { })
                .promptProperty().get()).isEqualTo("请输入管理员 PIN 以查看今日统计");
    }
}
