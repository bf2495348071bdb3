package org.venuegate.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.venuegate.ui.Lang;

/** Every phone string exists in Chinese and in English. */
class PhoneBundleTest {
    /** Read from the files themselves: a bundle's key set would include its parent's keys. */
    private static Set<String> phoneKeys(String file) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(PhoneBundleTest.class.getResourceAsStream("/org/venuegate/ui/i18n/" + file),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("phone.")).forEach(keys::add);
        return keys;
    }

    @Test
    void chineseAndEnglishHaveTheSamePhoneKeys() throws Exception {
        Set<String> zh = phoneKeys("ui.properties");
        Set<String> en = phoneKeys("ui_en.properties");
        assertThat(zh).isNotEmpty().isEqualTo(en);
        assertThat(new Lang(Locale.ENGLISH).get("phone.veil.prompt")).isEqualTo("Please scan the venue code");
        assertThat(new Lang(Locale.SIMPLIFIED_CHINESE).get("phone.veil.prompt")).isEqualTo("请扫描场所码");
    }
}
