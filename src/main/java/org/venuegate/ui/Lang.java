package org.venuegate.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.venuegate.core.i18n.LocalizedText;

/**
 * The screens' text: {@code org/venuegate/ui/i18n/ui*.properties} (Chinese base, English beside it), plus the
 * core's messages for decisions and validation. One instance per window, in the language the user chose.
 */
public final class Lang {
    public static final String BUNDLE = "org.venuegate.ui.i18n.ui";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    public Lang(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Lang.class.getClassLoader(), NO_FALLBACK);
    }

    public static Lang of(String languageTag) {
        return new Lang(languageTag == null || languageTag.isBlank() ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(languageTag));
    }

    /**
     * Makes this language the JVM's default, so JavaFX's own texts (table placeholders, dialog buttons, colour and date
     * pickers) speak it too; Chinese weeks start on Monday in the date pickers, as calendars in China print them.
     */
    public void useAsDefault() {
        Locale.setDefault(locale);
        Locale.setDefault(Locale.Category.FORMAT, locale.getLanguage().equals("zh")
                ? Locale.forLanguageTag(locale.toLanguageTag() + "-u-fw-mon") : locale);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        try {
            String p = bundle.getString(key);
            return args.length == 0 ? p : new MessageFormat(p, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public String text(LocalizedText t) {
        return t.format(locale);
    }
}
