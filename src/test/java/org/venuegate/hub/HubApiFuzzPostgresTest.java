package org.venuegate.hub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The API fuzz on a real PostgreSQL server, which refuses some text SQLite stores (NUL, say). */
class HubApiFuzzPostgresTest extends HubApiFuzz {
    private EmbeddedPostgres pg;

    @Override
    HubConfig config(Path dataDir) throws Exception {
        pg = EmbeddedPostgres.builder().start();
        return HubApiPostgresTest.config(pg, dataDir);
    }

    @Override
    String database() {
        return "postgresql";
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
