package org.venuegate.kiosk.sync;

/**
 * The hub could not be reached, timed out, failed on its side (5xx) or answered something unreadable. Nothing is
 * wrong with the kiosk's request: retry later.
 */
public final class HubUnavailableException extends HubException {
    private static final long serialVersionUID = 1L;

    public HubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
