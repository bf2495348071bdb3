package org.venuegate.api;

/**
 * Who a caller is, as the API names it. {@code ANYONE} marks routes without authentication; {@code DEVICE} is a
 * paired kiosk. The hub's route roles ({@code org.venuegate.hub.auth.Role}) carry the same constants.
 */
public enum Role {
    ANYONE, CITIZEN, REVIEWER, ADMIN, TRACER, DEVICE
}
