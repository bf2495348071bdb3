package org.venuegate.api;

/** An admin changes the retention period. */
public record RetentionRequest(Integer days) {
}
