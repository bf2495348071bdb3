package org.venuegate.api;

import java.util.List;

/**
 * An automatic check shown to the reviewer. {@code message} is English for logs and scripts; screens word the
 * check in their own language from {@code messageKey} (a {@code validate.*} key of the core messages, or a
 * {@code check.*} key) and its {@code args}.
 */
public record ApplicationCheck(String name, boolean passed, String message, String messageKey, List<String> args) {
    public ApplicationCheck {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
