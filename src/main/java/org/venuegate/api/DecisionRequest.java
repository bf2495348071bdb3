package org.venuegate.api;

/** A reviewer's decision; {@code version} is the one the reviewer saw (optimistic concurrency). */
public record DecisionRequest(Verdict decision, String reason, Integer version) {
}
