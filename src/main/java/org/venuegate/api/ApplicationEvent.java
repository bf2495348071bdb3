package org.venuegate.api;

import java.time.Instant;

/** An entry of an application's history. */
public record ApplicationEvent(Instant at, String actor, String action, String detail) {
}
