package org.venuegate.kiosk.ui;

import org.venuegate.ui.Lang;

/**
 * Why the camera or scanner is unavailable, in the screen's language. The supervisor reports a reason name
 * ({@code NO_CAMERA}, {@code BUSY}, ...) with an English detail for the log; the gatekeeper sees the bundle's words.
 * Any other text (an unexpected error's message) is shown as it came.
 */
final class InputReasons {
    private InputReasons() {
    }

    static String text(Lang lang, String reason) {
        if (reason == null) {
            return "";
        }
        String key = "kiosk.input.reason." + reason;
        return lang.bundle().containsKey(key) ? lang.get(key) : reason;
    }
}
