package org.venuegate.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;
import org.venuegate.kiosk.sync.HubClient;
import org.venuegate.kiosk.sync.HubException;
import org.venuegate.kiosk.sync.TrustListFetch;

/**
 * The kiosk's offline trust list: kept in {@code trust-list.json}, accepted only when signed by the pinned root key
 * and never replaced by a list with a lower sequence (no rollback to a list without the latest revocations).
 */
public final class TrustStore {
    public static final String NAME = "trust-list.json";
    private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);

    private final Path file;
    private final PublicKey root;
    private final TrustedClock clock;
    private volatile TrustList current;
    private volatile String etag;

    public TrustStore(Path configDir, PublicKey root, TrustedClock clock) {
        this.file = configDir.resolve(NAME);
        this.root = root;
        this.clock = clock;
        if (Files.exists(file)) {
            try {
                accept(Files.readString(file, StandardCharsets.UTF_8), null, false);
            } catch (IOException e) {
                LOG.error("Stored trust list {} is unusable ({}); waiting for the hub", file, e.getMessage());
            }
        }
    }

    /** May be null: then the kiosk decides "kiosk not ready" for every code, never a pass. */
    public TrustList current() {
        return current;
    }

    /**
     * Takes a signed document (from pairing or the hub).
     *
     * @throws IOException when it does not verify or would roll back
     */
    public synchronized void accept(String document, String newEtag, boolean save) throws IOException {
        SignedTrustList.Opened o = SignedTrustList.open(document, root);
        if (!o.ok()) {
            throw new IOException("trust list refused: " + o.problem() + " (" + o.detail() + ")");
        }
        TrustList held = current;
        if (held != null && o.list().sequence() < held.sequence()) {
            throw new IOException("trust list " + o.list().sequence() + " is older than the one held (" + held.sequence() + ")");
        }
        current = o.list();
        etag = newEtag;
        // The list may have been signed hours ago and re-sent since: its time only says "now is later than this".
        clock.lowerBound(o.list().issuedAt());
        if (save) {
            Path tmp = file.resolveSibling(NAME + ".tmp");
            Files.writeString(tmp, document, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Asks the hub for a newer list; false when unchanged. */
    public boolean refresh(HubClient hub) throws HubException, IOException {
        TrustListFetch f = hub.fetchTrustList(etag);
        if (!f.modified()) {
            return false;
        }
        accept(f.document(), f.etag(), true);
        return true;
    }
}
