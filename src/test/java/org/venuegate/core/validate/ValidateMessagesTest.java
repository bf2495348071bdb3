package org.venuegate.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.venuegate.core.i18n.Messages;

/** Every validate.* key used in the code is in both bundles, the bundles agree, and every pattern renders. */
class ValidateMessagesTest {
    private static final String PREFIX = "validate.";
    private static final Path SOURCES = Path.of("src/main/java/org/venuegate/core/validate");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(validate\\.[A-Za-z0-9_.]+)\"");

    @Test
    void bundlesHaveTheSameValidateKeys() throws IOException {
        assertThat(validateKeys("messages_en.properties")).isEqualTo(validateKeys("messages.properties")).isNotEmpty();
    }

    @Test
    void everyKeyUsedInTheCodeIsInBothBundlesAndNoneIsLeftOver() throws IOException {
        Set<String> used = keysUsedInSources();
        assertThat(used).contains("validate.ok", "validate.creditCode.checkMismatch", "validate.ship.imoCheckMismatch");
        assertThat(validateKeys("messages.properties")).isEqualTo(used);
        assertThat(validateKeys("messages_en.properties")).isEqualTo(used);
    }

    @Test
    void everyPatternRendersEveryArgumentInBothLanguages() throws IOException {
        Object[] args = {"ARG0", "ARG1", "ARG2", "ARG3"};
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties bundle = load(file);
            Locale locale = file.contains("_en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            for (String key : validateKeys(file)) {
                String pattern = bundle.getProperty(key);
                String rendered = Messages.get(locale, key, args);
                assertThat(rendered).as("%s in %s", key, file).isNotEqualTo(key).doesNotContain("{");
                for (int i = 0; i < args.length; i++) {
                    if (pattern.contains("{" + i)) {
                        // An unpaired apostrophe in a MessageFormat pattern quotes the placeholder away.
                        assertThat(rendered).as("%s in %s", key, file).contains("ARG" + i);
                    }
                }
                // What the app shows (through ResourceBundle) is what this test read from the file.
                assertThat(new MessageFormat(pattern, locale).format(args)).isEqualTo(rendered);
            }
        }
    }

    @Test
    void englishHasNoChineseAndChineseIsChinese() throws IOException {
        Properties en = load("messages_en.properties");
        Properties zh = load("messages.properties");
        for (String key : validateKeys("messages.properties")) {
            assertThat(en.getProperty(key).codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                    .as(key).isTrue();
            assertThat(zh.getProperty(key).codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                    .as(key).isTrue();
        }
    }

    private static Set<String> keysUsedInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> validateKeys(String file) throws IOException {
        return load(file).stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String file) throws IOException {
        String resource = "/" + Messages.BUNDLE.replace('.', '/').replace("/messages", "/") + file;
        Properties p = new Properties();
        try (InputStream in = ValidateMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
