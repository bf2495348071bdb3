package org.venuegate.hub.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. ANYONE routes skip authentication (login, pairing, health check). Javalin needs route roles
 * to implement its {@link RouteRole}, which the shared API package must not see; so this mirrors
 * {@link org.venuegate.api.Role} constant for constant (OpenApiContractTest holds both to the spec).
 */
public enum Role implements RouteRole {
    ANYONE, CITIZEN, REVIEWER, ADMIN, TRACER, DEVICE;

    /** This role as the API's bodies carry it. */
    public org.venuegate.api.Role api() {
        return org.venuegate.api.Role.valueOf(name());
    }

    /** The route role of a role read from a body. */
    public static Role of(org.venuegate.api.Role role) {
        return valueOf(role.name());
    }
}
