package org.venuegate.api.archviolation;

/** Deliberately leans on the hub (test sources only) to prove the API package rule can fail. */
public record UsesTheHub(org.venuegate.hub.auth.Role role) {
}
