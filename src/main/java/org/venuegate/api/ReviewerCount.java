package org.venuegate.api;

/** Decisions by one reviewer (or admin) in the window. */
public record ReviewerCount(String username, long decided) {
}
