package org.venuegate.api;

/** Role, district (null: all districts) and whether the account may log in. */
public record UserUpdate(Role role, Integer district, Boolean active) {
}
