package org.venuegate.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        TreeSet<String> zh = new TreeSet<>(Messages.bundle(Locale.SIMPLIFIED_CHINESE).keySet());
        TreeSet<String> en = new TreeSet<>(Messages.bundle(Locale.ENGLISH).keySet());
        assertThat(zh).isNotEmpty();
        assertThat(en).containsExactlyElementsOf(zh);
    }

    @Test
    void defaultIsChineseEvenOnAnEnglishJvm() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            ResourceBundle.clearCache();
            assertThat(Messages.get(Locale.SIMPLIFIED_CHINESE, "decision.pass")).isEqualTo("通行");
            assertThat(Messages.get(Locale.ENGLISH, "decision.pass")).isEqualTo("PASS");
        } finally {
            Locale.setDefault(saved);
            ResourceBundle.clearCache();
        }
    }

    @Test
    void argumentsAreFormatted() {
        assertThat(LocalizedText.of("decision.stop.NEGATIVE_TEST_REQUIRED", 48).format(Locale.SIMPLIFIED_CHINESE)).contains("48");
        assertThat(Messages.get(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }
}
