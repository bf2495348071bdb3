package org.venuegate.api;

/** A login. */
public record LoginRequest(String username, String password) {
}
