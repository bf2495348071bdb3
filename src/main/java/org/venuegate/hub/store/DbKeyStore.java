package org.venuegate.hub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.venuegate.core.keys.KeyRing;

/** Keeps the hub's key ring in the database, so every hub node signs with the same keys. */
public final class DbKeyStore implements KeyRing.Store {
    private final Database db;
    private final Clock clock;

    public DbKeyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public byte[] read() {
        return db.read(c -> Sql.one(c, "SELECT document FROM key_ring WHERE id = 1",
                rs -> rs.getString(1).getBytes(StandardCharsets.UTF_8)).orElse(null));
    }

    @Override
    public void write(byte[] document) {
        db.tx(c -> save(c, document));
    }

    /** Only the first node to start on an empty database writes its ring; the others read that one. */
    @Override
    public boolean create(byte[] document) {
        return db.tx(c -> Sql.update(c, "INSERT INTO key_ring(id, document, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
                new String(document, StandardCharsets.UTF_8), clock.millis())) == 1;
    }

    private int save(Connection c, byte[] document) throws SQLException {
        return Sql.update(c, "INSERT INTO key_ring(id, document, updated_at) VALUES (1, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
                new String(document, StandardCharsets.UTF_8), clock.millis());
    }

    /**
     * The ring as the transaction on {@code c} sees it, locked until that transaction ends, with its changes written
     * in it: two nodes changing keys at once then take turns instead of one overwriting the other's key, and what is
     * signed in the transaction matches what it commits. (SQLite's write transactions are serial already.)
     */
    public KeyRing openIn(Connection c) throws SQLException {
        String lock = db.dialect() == Database.Dialect.POSTGRES ? " FOR UPDATE" : "";
        byte[] document = Sql.one(c, "SELECT document FROM key_ring WHERE id = 1" + lock,
                rs -> rs.getString(1).getBytes(StandardCharsets.UTF_8)).orElse(null);
        try {
            return KeyRing.open(new KeyRing.Store() {
                @Override
                public byte[] read() {
                    return document;
                }

                @Override
                public void write(byte[] changed) {
                    try {
                        save(c, changed);
                    } catch (SQLException e) {
                        throw new Database.StoreException(e);
                    }
                }

                @Override
                public String describe() {
                    return DbKeyStore.this.describe();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "the hub database (table key_ring)";
    }
}
