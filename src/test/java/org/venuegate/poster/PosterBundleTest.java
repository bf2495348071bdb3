package org.venuegate.poster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PosterBundleTest {
    /** The keys the file itself defines (a ResourceBundle would also show what English inherits from the base). */
    private static Properties file(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PosterBundleTest.class.getResourceAsStream("/org/venuegate/poster/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties zh = file("poster.properties");
        Properties en = file("poster_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(zh.stringPropertyNames())).isNotEmpty();
        for (String key : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank();
            assertThat(en.getProperty(key)).as(key).isNotBlank();
        }
        assertThat(PosterText.bundle(Locale.ENGLISH).getLocale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void baseIsChineseAndEnglishIsEnglishWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            ResourceBundle.clearCache(PosterText.class.getClassLoader());
            PosterText text = PosterText.load();
            assertThat(text.zh("title")).contains("天津健康码");
            assertThat(text.en("title")).contains("Tianjin Health Code");
            assertThat(text.zh("scan.not")).contains("微信");
            assertThat(text.en("scan.not")).contains("WeChat");
            assertThat(text.label("label.unit")).isEqualTo("单位 Unit：");
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache(PosterText.class.getClassLoader());
        }
    }
}
