package org.venuegate.core.i18n;

import java.util.List;
import java.util.Locale;

/** A message key with its arguments, rendered late so one result can be shown in either language. */
public record LocalizedText(String key, List<Object> args) {
    public LocalizedText {
        args = List.copyOf(args);
    }

    public static LocalizedText of(String key, Object... args) {
        return new LocalizedText(key, List.of(args));
    }

    public String format(Locale locale) {
        return Messages.get(locale, key, args.toArray());
    }
}
