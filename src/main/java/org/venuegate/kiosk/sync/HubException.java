package org.venuegate.kiosk.sync;

/** A call to the hub did not give a usable answer. Checked, so every caller decides what the kiosk does about it. */
public abstract class HubException extends Exception {
    private static final long serialVersionUID = 1L;

    protected HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
