package org.venuegate.api;

/** A new password set by an admin. */
public record PasswordReset(String password) {
}
