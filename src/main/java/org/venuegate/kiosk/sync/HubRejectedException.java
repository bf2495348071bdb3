package org.venuegate.kiosk.sync;

/**
 * The hub refused the request (4xx) and said why in its {error, message} body; repeating the same request will not
 * help (for example 401: the device token was revoked, pair again).
 */
public final class HubRejectedException extends HubException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String hubMessage;

    public HubRejectedException(int status, String error, String hubMessage, String message) {
        super(message, null);
        this.status = status;
        this.error = error;
        this.hubMessage = hubMessage;
    }

    /** HTTP status, 400-499. */
    public int status() {
        return status;
    }

    /** The hub's error code, such as UNAUTHENTICATED or INVALID_FIELD. */
    public String error() {
        return error;
    }

    /** The hub's own explanation. */
    public String hubMessage() {
        return hubMessage;
    }

    /** 401: the device token is unknown or revoked. */
    public boolean unauthenticated() {
        return status == 401;
    }
}
