package org.venuegate.api;

import java.time.Instant;

/** The answer of the health check: always {@code ok} with the hub's clock. */
public record Health(String status, Instant time) {
    public static Health ok(Instant now) {
        return new Health("ok", now);
    }
}
