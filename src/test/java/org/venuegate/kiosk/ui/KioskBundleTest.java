package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.capture.CameraUnavailableException;
import org.venuegate.kiosk.setup.VenueBinder;

/** Every kiosk string exists in Chinese and in English, and every binding outcome, PIN purpose and input failure reason has its words. */
class KioskBundleTest {
    /** Read from the files themselves: a bundle's key set would include its parent's keys. */
    private static Set<String> kioskKeys(String file) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(KioskBundleTest.class.getResourceAsStream("/org/venuegate/ui/i18n/" + file),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("kiosk.")).forEach(keys::add);
        return keys;
    }

    @Test
    void chineseAndEnglishHaveTheSameKioskKeys() throws Exception {
        Set<String> zh = kioskKeys("ui.properties");
        assertThat(zh).isNotEmpty().isEqualTo(kioskKeys("ui_en.properties"));
        for (VenueBinder.Outcome o : VenueBinder.Outcome.values()) {
            assertThat(zh).contains("kiosk.bind.outcome." + o.name());
        }
        for (PinViewModel.Purpose p : PinViewModel.Purpose.values()) {
            assertThat(zh).contains("kiosk.pin.prompt." + p.name());
        }
        for (CameraUnavailableException.Reason r : CameraUnavailableException.Reason.values()) {
            assertThat(zh).contains("kiosk.input.reason." + r.name());
        }
        for (String tag : SettingsViewModel.LANGUAGES) {
            assertThat(zh).contains("kiosk.settings.language." + tag);
        }
    }
}
