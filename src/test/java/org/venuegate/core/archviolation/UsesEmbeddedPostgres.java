package org.venuegate.core.archviolation;

/** Deliberately uses a test library (test sources only) to prove the "test libraries never ship" rule can fail. */
public final class UsesEmbeddedPostgres {
    public io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder() {
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
    }
}
