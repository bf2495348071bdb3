package org.venuegate.core.validate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.venuegate.core.i18n.LocalizedText;
import org.venuegate.core.i18n.Messages;

/**
 * Outcome of checking one identifier typed by a person. The message is kept as a key with arguments and
 * rendered late, so the same result can be shown on a Chinese kiosk and in an English log.
 */
public record ValidationResult(boolean valid, LocalizedText message) {
    static final String OK_KEY = "validate.ok";

    public ValidationResult {
        Objects.requireNonNull(message, "message");
    }

    public static ValidationResult ok() {
        return new ValidationResult(true, LocalizedText.of(OK_KEY));
    }

    public static ValidationResult error(String key, Object... args) {
        // LocalizedText copies into List.of, which rejects nulls; a validator must never throw, so blank them.
        Object[] safe = args == null ? new Object[0] : Arrays.stream(args).map(a -> a == null ? "" : a).toArray();
        return new ValidationResult(false, LocalizedText.of(Objects.requireNonNull(key, "key"), safe));
    }

    /** The message in the given language; {@code null} means the product default (Simplified Chinese). */
    public String message(Locale locale) {
        return message.format(locale == null ? Messages.DEFAULT_LOCALE : locale);
    }
}
