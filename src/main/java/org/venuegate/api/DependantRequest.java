package org.venuegate.api;

/** An admin links a dependant to a guardian. */
public record DependantRequest(Long subjectId) {
}
