package org.venuegate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message with placeholders shows each of them once formatted. A lone apostrophe in a MessageFormat pattern
 * quotes what follows, which is how "This PC's clock is {0} s off" once printed a literal {0}.
 */
class BundleFormatTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @ParameterizedTest
    @ValueSource(strings = {"/org/venuegate/ui/i18n/ui.properties", "/org/venuegate/ui/i18n/ui_en.properties"})
    void everyPlaceholderSurvivesFormatting(String file) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(BundleFormatTest.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        List<String> broken = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            String pattern = p.getProperty(key);
            Matcher m = PLACEHOLDER.matcher(pattern);
            int max = -1;
            while (m.find()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
            if (max < 0) {
                continue;
            }
            Object[] args = new Object[max + 1];
            for (int i = 0; i <= max; i++) {
                args[i] = "ARG" + i;
            }
            String out;
            try {
                out = new MessageFormat(pattern, Locale.ROOT).format(args);
            } catch (IllegalArgumentException typed) {
                // a {0,number,...} placeholder: numbers, and only the braces are checked
                for (int i = 0; i <= max; i++) {
                    args[i] = 9;
                }
                out = new MessageFormat(pattern, Locale.ROOT).format(args).replace("9", "ARG0");
            }
            if (out.contains("{") || out.contains("}")) {
                broken.add(key + " -> " + out);
            }
            for (int i = 0; i <= max; i++) {
                if (pattern.contains("{" + i + "}") && !out.contains("ARG" + i)) {
                    broken.add(key + " loses {" + i + "} -> " + out);
                }
            }
        }
        assertThat(broken).isEmpty();
    }
}
