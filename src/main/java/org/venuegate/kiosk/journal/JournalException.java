package org.venuegate.kiosk.journal;

/** The journal file cannot be read or written; the message says which file and what happened. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
