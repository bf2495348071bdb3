package org.venuegate.poster;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The poster's wording in both languages at once. The base bundle is Chinese; the no-fallback control keeps the JVM's
 * default locale out of it, so a hub running with an English locale still prints Chinese first.
 */
final class PosterText {
    static final String BUNDLE = "org.venuegate.poster.poster";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle zh;
    private final ResourceBundle en;

    private PosterText(ResourceBundle zh, ResourceBundle en) {
        this.zh = zh;
        this.en = en;
    }

    static PosterText load() {
        return new PosterText(bundle(Locale.ROOT), bundle(Locale.ENGLISH));
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, PosterText.class.getClassLoader(), NO_FALLBACK);
    }

    String zh(String key) {
        return zh.getString(key);
    }

    String en(String key) {
        return en.getString(key);
    }

    /** "单位 Unit：" — both labels, then the Chinese separator, which reads right before a Chinese value. */
    String label(String key) {
        return zh(key) + " " + en(key) + zh("label.separator");
    }
}
