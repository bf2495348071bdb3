package org.venuegate.core.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.json.Json;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.trust.TrustedKey;

/**
 * The issuer's keys in one JSON document: the root key, the code-signing keys with their windows, revocations and
 * the trust-list sequence. The {@code keys} CLI keeps it in {@value #FILE_NAME} (owner-only); the hub in its database.
 */
public final class KeyRing {
    public static final String FILE_NAME = "keyring.json";
    public static final String FORMAT = "venuegate-keyring/1";
    public static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(730);
    public static final Duration DEFAULT_ROTATION_OVERLAP = Duration.ofDays(7);

    /** The on-disk form. */
    record Document(String format, long trustListSequence, List<KeyEntry> keys, List<Long> revokedVenueIds) {
    }

    /** Where the ring lives: a file for the CLI, a database row for the hub (hub nodes keep no local state). */
    public interface Store {
        /** @return the stored document, or null if there is none yet */
        byte[] read() throws IOException;

        void write(byte[] document) throws IOException;

        /**
         * Writes the first document unless there is one already.
         *
         * @return false when another process wrote one first (two hub nodes starting on an empty database)
         */
        default boolean create(byte[] document) throws IOException {
            write(document);
            return true;
        }

        /** Names the place in messages. */
        String describe();
    }

    private final Store store;
    private long trustListSequence;
    private final List<KeyEntry> keys;
    private final TreeSet<Long> revokedVenueIds;

    private KeyRing(Store store, Document doc) {
        this.store = store;
        this.trustListSequence = doc.trustListSequence();
        this.keys = new ArrayList<>(doc.keys());
        this.revokedVenueIds = new TreeSet<>(doc.revokedVenueIds());
    }

    public static Path fileIn(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** Creates a ring with a root key and one health and one venue key. Refuses to overwrite an existing ring. */
    public static KeyRing init(Path dir, Instant now) throws IOException {
        Files.createDirectories(dir);
        return create(new FileStore(fileIn(dir)), now);
    }

    public static KeyRing load(Path dir) throws IOException {
        Path file = fileIn(dir);
        if (!Files.exists(file)) {
            throw new KeyRingException("no key ring at " + file + " (create one with: venuegate keys init " + dir + ")");
        }
        return open(new FileStore(file));
    }

    public static KeyRing create(Store store, Instant now) throws IOException {
        if (store.read() != null) {
            throw new KeyRingException("a key ring already exists at " + store.describe() + "; refusing to overwrite it");
        }
        KeyRing ring = new KeyRing(store, new Document(FORMAT, 0, List.of(), List.of()));
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        ring.keys.add(newEntry(KeyRole.ROOT, start, start.plus(Duration.ofDays(3650))));
        ring.keys.add(newEntry(KeyRole.HEALTH, start, start.plus(DEFAULT_KEY_LIFETIME)));
        ring.keys.add(newEntry(KeyRole.VENUE, start, start.plus(DEFAULT_KEY_LIFETIME)));
        // the first ring written wins: another node's, created at the same moment, is the one every node then uses
        return store.create(ring.document()) ? ring : open(store);
    }

    public static KeyRing open(Store store) throws IOException {
        byte[] bytes = store.read();
        if (bytes == null) {
            throw new KeyRingException("no key ring at " + store.describe());
        }
        Document doc;
        try {
            doc = Json.mapper().readValue(bytes, Document.class);
        } catch (JsonProcessingException e) {
            throw new KeyRingException("key ring " + store.describe() + " is damaged: " + e.getOriginalMessage());
        }
        if (doc == null || !FORMAT.equals(doc.format()) || doc.keys() == null || doc.revokedVenueIds() == null) {
            throw new KeyRingException("key ring " + store.describe() + " is not in format " + FORMAT);
        }
        KeyRing ring = new KeyRing(store, doc);
        if (ring.root().isEmpty()) {
            throw new KeyRingException("key ring " + store.describe() + " has no usable root key");
        }
        return ring;
    }

    public static KeyRing openOrCreate(Store store, Instant now) throws IOException {
        return store.read() == null ? create(store, now) : open(store);
    }

    private static KeyEntry newEntry(KeyRole role, Instant notBefore, Instant notAfter) {
        KeyPair pair = Ed25519.generate();
        return new KeyEntry(Ed25519.keyId(pair.getPublic()), role, Ed25519.encodePublic(pair.getPublic()),
                Ed25519.encodePrivate(pair.getPrivate()), notBefore, notAfter, false);
    }

    public synchronized List<KeyEntry> keys() {
        return List.copyOf(keys);
    }

    public synchronized Optional<KeyEntry> root() {
        return keys.stream().filter(k -> k.role() == KeyRole.ROOT && !k.revoked()).findFirst();
    }

    /**
     * The newest non-revoked key of the role valid at {@code now}: during an overlap the new key signs.
     *
     * @throws IllegalStateException when every key of the role is revoked or expired
     */
    public synchronized KeyEntry signer(KeyRole role, Instant now) {
        KeyEntry best = null;
        for (KeyEntry k : keys) {
            // ">=": of two keys starting the same second, the one rotated in later wins
            if (k.role() == role && k.usableAt(now) && (best == null || !k.notBefore().isBefore(best.notBefore()))) {
                best = k;
            }
        }
        return Optional.ofNullable(best)
                .orElseThrow(() -> new IllegalStateException("no usable " + role + " key at " + now
                        + " (rotate one in with: venuegate keys rotate --role " + role.name().toLowerCase() + ")"));
    }

    /**
     * Adds a new key for the role, valid from now; the previous keys stay valid for {@code overlap} so codes
     * already printed or unveiled keep verifying while kiosks pick up the new trust list.
     */
    public synchronized KeyEntry rotate(KeyRole role, Instant now, Duration overlap) throws IOException {
        if (role == KeyRole.ROOT) {
            throw new KeyRingException("the root key is pinned by every kiosk; re-pair kiosks to change it");
        }
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        // Codes carry whole seconds: one issued by the old key earlier in this very second says "start", so the old
        // window must reach past it, or an overlap of 0 would void codes signed a moment before the rotation.
        Instant oldEnd = start.plusSeconds(1).plus(overlap);
        for (int i = 0; i < keys.size(); i++) {
            KeyEntry k = keys.get(i);
            if (k.role() == role && !k.revoked() && k.notAfter().isAfter(oldEnd)) {
                keys.set(i, k.withNotAfter(oldEnd));
            }
        }
        KeyEntry fresh = newEntry(role, start, start.plus(DEFAULT_KEY_LIFETIME));
        keys.add(fresh);
        save();
        return fresh;
    }

    public synchronized void revokeKey(String keyId) throws IOException {
        for (int i = 0; i < keys.size(); i++) {
            KeyEntry k = keys.get(i);
            if (k.keyId().equals(keyId)) {
                if (k.role() == KeyRole.ROOT) {
                    throw new KeyRingException("the root key cannot be revoked from the trust list it signs");
                }
                keys.set(i, k.asRevoked());
                save();
                return;
            }
        }
        throw new KeyRingException("no key " + keyId + " in " + store.describe());
    }

    public synchronized void revokeVenue(long venueId) throws IOException {
        if (revokedVenueIds.add(venueId)) {
            save();
        }
    }

    public synchronized List<Long> revokedVenueIds() {
        return List.copyOf(revokedVenueIds);
    }

    /** The trust list as of now; each call takes the next sequence number of this ring. */
    public synchronized TrustList nextTrustList(Instant now, List<Long> extraRevokedVenues) throws IOException {
        trustListSequence++;
        save();
        TreeSet<Long> venues = new TreeSet<>(revokedVenueIds);
        venues.addAll(extraRevokedVenues);
        return trustList(trustListSequence, now, venues);
    }

    /**
     * A trust list with a sequence number the caller allocates (the hub takes it from its database so that
     * several hub nodes never hand out the same number).
     */
    public synchronized TrustList trustList(long sequence, Instant now, java.util.Collection<Long> revokedVenues) {
        List<TrustedKey> trusted = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        for (KeyEntry k : keys) {
            if (k.role() == KeyRole.ROOT) {
                continue;
            }
            trusted.add(new TrustedKey(k.keyId(), k.role().purpose(), k.publicKey(), k.notBefore(), k.notAfter()));
            if (k.revoked()) {
                revoked.add(k.keyId());
            }
        }
        return new TrustList(sequence, now.truncatedTo(ChronoUnit.SECONDS), trusted, revoked, List.copyOf(new TreeSet<>(revokedVenues)));
    }

    public String signTrustList(TrustList list) {
        KeyEntry r = root().orElseThrow();
        return SignedTrustList.sign(list, r.decodedPrivate(), r.decodedPublic());
    }

    public String issueVenue(VenueCode code, Instant now) {
        KeyEntry k = signer(KeyRole.VENUE, now);
        return CodeFormat.encodeVenue(code, k.decodedPrivate(), k.decodedPublic());
    }

    public String issueHealth(HealthCode code, Instant now) {
        KeyEntry k = signer(KeyRole.HEALTH, now);
        return CodeFormat.encodeHealth(code, k.decodedPrivate(), k.decodedPublic());
    }

    private void save() throws IOException {
        store.write(document());
    }

    private byte[] document() throws IOException {
        return Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new Document(FORMAT, trustListSequence, keys, List.copyOf(revokedVenueIds)));
    }

    /**
     * The ring as an owner-only file. Each change goes to a temporary file that is synced and renamed over the old
     * one, so a crash never leaves half a ring.
     */
    public static final class FileStore implements Store {
        private final Path file;

        public FileStore(Path file) {
            this.file = file;
        }

        @Override
        public byte[] read() throws IOException {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        }

        @Override
        public void write(byte[] document) throws IOException {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not POSIX (Windows): the folder's ACL has to protect it
            }
            Files.write(tmp, document);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public String describe() {
            return file.toString();
        }
    }

    /** A key-ring problem with a message fit for an operator. */
    public static final class KeyRingException extends IOException {
        private static final long serialVersionUID = 1L;

        public KeyRingException(String message) {
            super(message);
        }
    }
}
