package org.venuegate.hub;

import java.nio.file.Path;

/** The hub API on the embedded default database. */
class HubApiSqliteTest extends HubApiContract {
    @Override
    HubConfig config(Path dataDir) {
        return HubConfig.embedded(dataDir);
    }
}
