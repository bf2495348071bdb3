package org.venuegate.hub;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a hub runs.
 *
 * @param dataDir  holds the embedded database (and the first admin password); unused with PostgreSQL
 * @param jdbcUrl  PostgreSQL URL, or null for the embedded SQLite database
 */
public record HubConfig(Path dataDir, String jdbcUrl, String dbUser, String dbPassword, Duration retention,
                        Duration tokenTtl, int passwordIterations) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(28);
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(12);

    public static HubConfig embedded(Path dataDir) {
        return new HubConfig(dataDir, null, null, null, DEFAULT_RETENTION, DEFAULT_TOKEN_TTL,
                org.venuegate.hub.auth.Passwords.DEFAULT_ITERATIONS);
    }

    public HubConfig withPasswordIterations(int n) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, retention, tokenTtl, n);
    }

    public HubConfig withRetention(Duration d) {
        return new HubConfig(dataDir, jdbcUrl, dbUser, dbPassword, d, tokenTtl, passwordIterations);
    }
}
