package org.venuegate.api;

/** The account an admin just created. */
public record UserCreated(long id, String username, Role role) {
}
