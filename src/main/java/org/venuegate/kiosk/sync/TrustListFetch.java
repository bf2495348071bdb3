package org.venuegate.kiosk.sync;

/**
 * The trust list as fetched with If-None-Match.
 *
 * @param modified false when the hub answered 304: the kiosk's copy is current and {@code document} is null
 * @param document the signed trust-list JSON (check it against the pinned root key before use)
 * @param etag     the ETag to send next time
 */
public record TrustListFetch(boolean modified, String document, String etag) {
}
