package org.venuegate.hub.auth;

import io.javalin.security.RouteRole;

/** Who may call a route. ANYONE routes skip authentication (login, pairing, health check). */
public enum Role implements RouteRole {
    ANYONE, CITIZEN, REVIEWER, ADMIN, TRACER, DEVICE
}
