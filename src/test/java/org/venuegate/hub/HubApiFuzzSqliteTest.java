package org.venuegate.hub;

import java.nio.file.Path;

/** The API fuzz on the embedded default database. */
class HubApiFuzzSqliteTest extends HubApiFuzz {
    @Override
    HubConfig config(Path dataDir) {
        return HubConfig.embedded(dataDir);
    }

    @Override
    String database() {
        return "sqlite";
    }
}
