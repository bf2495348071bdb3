package org.venuegate.kiosk.sync;

import java.time.Instant;

/**
 * What the kiosk's status bar shows about syncing.
 *
 * @param online    the last attempt reached the hub and succeeded
 * @param pending   check-ins waiting to be sent
 * @param lastSync  when the hub last acknowledged a batch, null if never
 * @param lastError why the last attempt failed, null after a success
 */
public record SyncStatus(boolean online, long pending, Instant lastSync, String lastError, boolean needsPairing) {
    public SyncStatus(boolean online, long pending, Instant lastSync, String lastError) {
        this(online, pending, lastSync, lastError, false);
    }

    /**
     * The hub refuses this kiosk itself, not one batch: its device was revoked, or it has no signing key the hub
     * knows (paired before kiosks had keys, or a damaged device file). Retrying cannot help; the gatekeeper must get
     * the kiosk paired again, and nothing waiting is lost meanwhile.
     */
    public static boolean refusesThisKiosk(HubRejectedException e) {
        return e.status() == 401 || "DEVICE_KEY_MISSING".equals(e.error());
    }
}
