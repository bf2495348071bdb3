package org.venuegate.api;

/** An admin creates a user. */
public record UserRequest(String username, String password, Role role, Integer district, Long subjectId) {
}
