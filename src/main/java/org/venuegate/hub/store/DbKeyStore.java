package org.venuegate.hub.store;

import java.nio.charset.StandardCharsets;
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
        db.tx(c -> Sql.update(c, "INSERT INTO key_ring(id, document, updated_at) VALUES (1, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
                new String(document, StandardCharsets.UTF_8), clock.millis()));
    }

    @Override
    public String describe() {
        return "the hub database (table key_ring)";
    }
}
