package org.venuegate.hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The hub's database: SQLite (embedded default) or PostgreSQL (production), one schema for both, migrated by
 * Flyway from {@code db/migration}. SQLite runs in WAL mode with synchronous=FULL so every committed transaction
 * survives a power loss, and takes the write lock at BEGIN so concurrent writers wait instead of failing.
 */
public final class Database implements AutoCloseable {
    public enum Dialect { SQLITE, POSTGRES }

    private final HikariDataSource pool;
    private final Dialect dialect;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    /** Connections of this pool the current thread holds. */
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    private final java.util.concurrent.atomic.AtomicLong nestedBorrows = new java.util.concurrent.atomic.AtomicLong();

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    public static Database sqlite(Path file) throws java.io.IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(15_000);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(ds);
        hc.setPoolName("hub-sqlite");
        hc.setMaximumPoolSize(4);
        return new Database(new HikariDataSource(hc), Dialect.SQLITE);
    }

    public static Database postgres(String jdbcUrl, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        hc.setPoolName("hub-postgres");
        hc.setMaximumPoolSize(8);
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new Database(new HikariDataSource(hc), Dialect.POSTGRES);
    }

    /** Chooses by URL: {@code jdbc:postgresql:} is PostgreSQL, anything else is refused with a clear message. */
    public static Database forUrl(String jdbcUrl, String user, String password) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return postgres(jdbcUrl, user, password);
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl + "': use jdbc:postgresql://host/db, "
                + "or leave --db out for the embedded database");
    }

    public Database migrate() {
        String idPk = dialect == Dialect.SQLITE ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
        // db/migration holds what both databases run; db/postgresql what only PostgreSQL does (storage choices
        // SQLite has no counterpart for, such as the uuid type and BRIN indexes).
        String[] locations = dialect == Dialect.POSTGRES
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
        Flyway.configure()
                .dataSource(pool)
                .locations(locations)
                .placeholders(Map.of("id_pk", idPk))
                .load()
                .migrate();
        return this;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T tx(SqlWork<T> work) {
        int[] mine = borrowing();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            mine[0]--;
        }
    }

    /**
     * Counts the connection the current thread is about to take. A thread that takes a second one while holding the
     * first can wait for ever: once every connection is held by such a thread, none is given back until the pool's
     * timeout. That is a bug of the caller (work that needs the database is given the connection it runs on), so it
     * is logged and counted for the tests, not refused.
     */
    private int[] borrowing() {
        int[] mine = held.get();
        if (mine[0] > 0) {
            nestedBorrows.incrementAndGet();
            LOG.warn("A thread holding a database connection takes another; with every connection so held the pool would"
                    + " stall until its timeout", new IllegalStateException("second connection borrowed"));
        }
        mine[0]++;
        return mine;
    }

    /** How many times a thread took a connection while holding one of this pool ({@link #borrowing}); 0 is right. */
    public long nestedBorrows() {
        return nestedBorrows.get();
    }

    /**
     * Read-only work in autocommit mode. On SQLite an explicit transaction would take the write lock (IMMEDIATE
     * mode), so reads would queue behind writes and could never run inside a writer's own call chain.
     */
    public <T> T read(SqlWork<T> work) {
        int[] mine = borrowing();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            mine[0]--;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** A database failure that is not the caller's fault (disk full, server gone): the API answers 503. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
