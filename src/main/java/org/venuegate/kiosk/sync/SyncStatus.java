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
public record SyncStatus(boolean online, long pending, Instant lastSync, String lastError) {
}
