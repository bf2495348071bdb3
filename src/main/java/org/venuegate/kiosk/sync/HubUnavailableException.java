package org.venuegate.kiosk.sync;

/**
 * The hub could not be reached, timed out, failed on its side (5xx) or answered something unreadable. Nothing is
 * wrong with the kiosk's request: retry later.
 */
public final class HubUnavailableException extends HubException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HubUnavailableException(String message, Throwable cause) {
        this(0, message, cause);
    }

    public HubUnavailableException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * The HTTP status the hub answered with (5xx, or 2xx with an unreadable body); 0 when no answer arrived at all
     * (unreachable, refused, timed out). A load balancer in front says 502/503 for a node that went away.
     */
    public int status() {
        return status;
    }
}
