package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.ui.Lang;

class StatusViewModelTest {
    private static StatusViewModel status(String language) {
        return new StatusViewModel(Lang.of(language), Clock.fixed(TestIssuer.T0, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"),
                Duration.ofHours(72));
    }

    @Test
    void aKioskTheHubRefusesSaysItMustBePairedAgainNotMerelyOffline() {
        StatusViewModel zh = status("zh-CN");
        zh.updateSync(false, 7, null, true);
        assertThat(zh.networkProperty().get()).isEqualTo("平台拒绝本终端上传：请管理员重新配对（记录都保留着）");
        assertThat(zh.syncProperty().get()).startsWith("待同步 7 条");
        zh.updateSync(false, 7, null, false);
        assertThat(zh.networkProperty().get()).isEqualTo("离线");
        StatusViewModel en = status("en");
        en.updateSync(false, 7, null, true);
        assertThat(en.networkProperty().get()).startsWith("The hub refuses this kiosk");
    }

    @Test
    void aCameraIsCalledACamera() {
        StatusViewModel s = status("zh-CN");
        s.updateCamera("UNAVAILABLE", "NO_CAMERA");
        assertThat(s.cameraProperty().get()).isEqualTo("摄像头不可用：没有找到摄像头，正在重试");
        assertThat(s.cameraOkProperty().get()).isFalse();
        // an unexpected error's own message has no words in the bundle: shown as it came
        s.updateCamera("UNAVAILABLE", "decoder crashed");
        assertThat(s.cameraProperty().get()).isEqualTo("摄像头不可用：decoder crashed，正在重试");
    }

    @Test
    void aScannerIsCalledAScannerInBothLanguages() {
        StatusViewModel zh = status("zh-CN");
        zh.inputIsScanner(true);
        zh.updateCamera("UNAVAILABLE", "NOT_FOUND");
        assertThat(zh.cameraProperty().get()).isEqualTo("扫码器不可用：所选设备未连接，正在重试");
        zh.updateCamera("RUNNING", "serial /dev/ttyACM0 9600 baud");
        assertThat(zh.cameraProperty().get()).isEqualTo("扫码器正常");
        assertThat(zh.cameraOkProperty().get()).isTrue();

        StatusViewModel en = status("en");
        en.inputIsScanner(true);
        en.updateCamera("OPENING", null);
        assertThat(en.cameraProperty().get()).isEqualTo("Scanner connecting");
        en.updateCamera("UNAVAILABLE", "UNPLUGGED");
        assertThat(en.cameraProperty().get()).isEqualTo("Scanner unavailable: the device was disconnected; retrying");
    }

    @Test
    void theClockWarningSaysHowFarOffAndWhichWayInBothLanguages() {
        StatusViewModel zh = status("zh-CN");
        StatusViewModel en = status("en");
        var fast = new org.venuegate.kiosk.TrustedClock.Reading(TestIssuer.T0, org.venuegate.kiosk.TrustedClock.Source.HUB,
                Duration.ofMinutes(65));
        zh.updateClock(fast);
        en.updateClock(fast);
        assertThat(zh.clockWarningProperty().get()).isEqualTo("本机时钟快了 1 小时 5 分，已按平台签名时间核验");
        assertThat(en.clockWarningProperty().get()).isEqualTo("This PC's clock is 1 h 5 min fast; deciding on the hub's signed time");
        var slow = new org.venuegate.kiosk.TrustedClock.Reading(TestIssuer.T0, org.venuegate.kiosk.TrustedClock.Source.HUB,
                Duration.ofSeconds(-3 * 86_400 - 7200));
        en.updateClock(slow);
        assertThat(en.clockWarningProperty().get()).startsWith("This PC's clock is 3 d 2 h slow");
        en.updateClock(new org.venuegate.kiosk.TrustedClock.Reading(TestIssuer.T0, org.venuegate.kiosk.TrustedClock.Source.WALL,
                Duration.ofSeconds(30)));
        assertThat(en.clockWarningProperty().get()).isEmpty();
        zh.updateClock(new org.venuegate.kiosk.TrustedClock.Reading(TestIssuer.T0,
                org.venuegate.kiosk.TrustedClock.Source.WALL_UNCHECKED, Duration.ZERO));
        assertThat(zh.clockWarningProperty().get()).contains("重启后尚未与平台校时");
    }
}
