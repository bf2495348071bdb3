package org.venuegate.poster;

/**
 * No usable CJK font: the poster cannot print Chinese. The message names the files tried and the fix, because the
 * person who sees it (an operator reading a hub log, a reviewer) has to act on it.
 */
public final class CjkFontNotFoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CjkFontNotFoundException(String message) {
        super(message);
    }

    public CjkFontNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
