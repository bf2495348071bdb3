package org.venuegate.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Looks up user-visible text of the core layer. The base bundle is Chinese (zh-CN is the product default);
 * English lives in {@code messages_en}. No-fallback control: asking for zh_CN on an English JVM must not
 * silently fall back to the JVM's default locale.
 */
public final class Messages {
    public static final String BUNDLE = "org.venuegate.core.i18n.messages";
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug caught by MessagesCompletenessTest; show the key rather than crash a kiosk.
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
