package org.venuegate.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.venuegate.api.AuditMessage;
import org.venuegate.core.keys.KeyEntry;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.core.trust.SignedTime;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.DbKeyStore;
import org.venuegate.hub.store.Sql;

/**
 * The hub's keys and the signed trust list kiosks fetch. A new list is signed whenever keys or revocations change,
 * and at least every {@link #REFRESH} so a kiosk's trusted time anchor never grows old while it is online.
 */
public final class TrustService {
    public static final Duration REFRESH = Duration.ofHours(1);

    /** A signed trust list as stored. */
    public record Published(long sequence, String document, Instant createdAt, TrustList list) {
        public String etag() {
            return "\"tl-" + sequence + "\"";
        }
    }

    private final Database db;
    private final Clock clock;
    private final DbKeyStore store;
    private volatile Published cached;

    public TrustService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.store = new DbKeyStore(db, clock);
        try {
            KeyRing.openOrCreate(store, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reloaded on each use: another hub node may have rotated a key. */
    public KeyRing ring() {
        try {
            return KeyRing.open(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KeyEntry root() {
        return ring().root().orElseThrow();
    }

    /** The newest list, signing a fresh one when there is none or it is older than {@link #REFRESH}. */
    public Published current() {
        Published p = cached;
        Instant now = clock.instant();
        if (p != null && p.createdAt().plus(REFRESH).isAfter(now)) {
            Optional<Long> latest = db.read(c -> Sql.one(c, "SELECT MAX(sequence) FROM trust_lists", rs -> rs.getLong(1)));
            if (latest.isPresent() && latest.get() == p.sequence()) {
                return p;
            }
        }
        Optional<Published> stored = db.read(TrustService::latest);
        if (stored.isPresent() && stored.get().createdAt().plus(REFRESH).isAfter(now)) {
            cached = stored.get();
            return cached;
        }
        return publish(true);
    }

    /** Signs and stores a new list with the next sequence number. */
    public Published publish() {
        return publish(false);
    }

    /**
     * Every node's request threads find a stale list at the same moment (first start, then each hour) and so do
     * key changes on two nodes: whoever loses the race for the next sequence number tries again instead of failing
     * with a duplicate key, and a refresh takes the fresh list the winner stored instead of signing one more.
     * The key ring is read in the same transaction, so the newest list never lacks a key rotated just before it.
     */
    private Published publish(boolean unlessFresh) {
        while (true) {
            Optional<Published> p = db.tx(c -> {
                Instant now = clock.instant();
                // one statement for both: the list a refresh may take and the number after it
                Optional<Published> latest = latest(c);
                if (unlessFresh && latest.isPresent() && latest.get().createdAt().plus(REFRESH).isAfter(now)) {
                    return latest;
                }
                KeyRing ring = store.openIn(c);
                long seq = latest.map(Published::sequence).orElse(0L) + 1;
                List<Long> revokedVenues = Sql.list(c, "SELECT id FROM venues WHERE revoked_at IS NOT NULL ORDER BY id", rs -> rs.getLong(1));
                TrustList list = ring.trustList(seq, now, revokedVenues);
                String doc = ring.signTrustList(list);
                int stored = Sql.update(c, "INSERT INTO trust_lists(sequence, document, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (sequence) DO NOTHING", seq, doc, now.toEpochMilli());
                return stored == 1 ? Optional.of(new Published(seq, doc, now, list)) : Optional.<Published>empty();
            });
            if (p.isPresent()) {
                cached = p.get();
                return cached;
            }
        }
    }

    private static Optional<Published> latest(Connection c) throws SQLException {
        return Sql.one(c, "SELECT sequence, document, created_at FROM trust_lists ORDER BY sequence DESC LIMIT 1",
                rs -> new Published(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), null));
    }

    /** The verified content of the current list (the hub checks codes the same way a kiosk does). */
    public TrustList currentList() {
        Published p = current();
        if (p.list() != null) {
            return p.list();
        }
        SignedTrustList.Opened o = SignedTrustList.open(p.document(), root().decodedPublic());
        if (!o.ok()) {
            throw new IllegalStateException("stored trust list " + p.sequence() + " does not verify: " + o.problem());
        }
        cached = new Published(p.sequence(), p.document(), p.createdAt(), o.list());
        return o.list();
    }

    /** The hub's clock now, signed with the root key for a kiosk's nonce (the kiosks' clock guard). */
    public String signTime(String nonce) {
        KeyEntry root = root();
        return SignedTime.sign(clock.instant(), nonce, root.decodedPrivate(), root.decodedPublic());
    }

    public KeyEntry rotate(KeyRole role, Duration overlap, String actor) {
        KeyEntry k = db.tx(c -> {
            KeyEntry added;
            try {
                added = store.openIn(c).rotate(role, clock.instant(), overlap);
            } catch (IOException e) {
                throw ApiException.badRequest("KEY_ROTATION_REFUSED", e.getMessage());
            }
            AuditLog.record(c, clock.instant(), actor, "KEY_ROTATE", added.keyId(),
                    AuditLog.Detail.of(role + " key rotated, overlap " + overlap, AuditMessage.KEY_ROTATED, role, overlap));
            return added;
        });
        publish();
        return k;
    }

    public void revokeKey(String keyId, String actor) {
        if (root().keyId().equals(keyId)) {
            throw ApiException.badRequest("ROOT_KEY", "the root key is pinned by every kiosk and cannot be revoked here;"
                    + " set up a new key ring and re-pair the kiosks");
        }
        KeyRing ring = ring();
        Instant now = clock.instant();
        // Without a usable key of its role the hub can issue no venue code or unveil no health code: every PASS or
        // unveil would fail (it was HTTP 500). A leaked key is replaced first, then revoked.
        for (KeyEntry k : ring.keys()) {
            if (k.keyId().equals(keyId) && k.usableAt(now) && ring.keys().stream()
                    .noneMatch(o -> o.role() == k.role() && !o.keyId().equals(keyId) && o.usableAt(now))) {
                throw ApiException.conflict("LAST_SIGNING_KEY", "key " + keyId + " is the only usable " + k.role()
                        + " key; rotate one in first (POST /api/v1/keys/rotate), then revoke this one");
            }
        }
        db.tx(c -> {
            try {
                store.openIn(c).revokeKey(keyId);
            } catch (IOException e) {
                throw new ApiException(404, "NOT_FOUND", e.getMessage());
            }
            AuditLog.record(c, clock.instant(), actor, "KEY_REVOKE", keyId);
            return null;
        });
        publish();
    }
}
