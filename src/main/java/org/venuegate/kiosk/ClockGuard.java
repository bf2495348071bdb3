package org.venuegate.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.core.json.Json;
import org.venuegate.core.trust.SignedTime;
import org.venuegate.kiosk.sync.HubClient;
import org.venuegate.kiosk.sync.HubException;

/**
 * Keeps the {@link TrustedClock} honest: asks the hub for a signed time with a fresh nonce, measures the round trip
 * on the boot clock, and stores the anchor in {@code clock.json} so a restart in the same boot keeps it (and a
 * reboot keeps at least "this moment is past").
 */
public final class ClockGuard {
    public static final String FILE = "clock.json";
    private static final Logger LOG = LoggerFactory.getLogger(ClockGuard.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrustedClock clock;
    private final BootClock boot;
    private final PublicKey root;
    private final Path file;

    public ClockGuard(TrustedClock clock, BootClock boot, PublicKey root, Path dataDir) {
        this.clock = Objects.requireNonNull(clock);
        this.boot = Objects.requireNonNull(boot);
        this.root = Objects.requireNonNull(root);
        this.file = dataDir.resolve(FILE);
    }

    /** Reads {@code clock.json} if there is one; a broken file is logged and ignored (the hub will answer again). */
    public void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            TrustedClock.State s = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), TrustedClock.State.class);
            if (s != null) {
                clock.restore(s, boot.bootId());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Stored clock anchor {} is unreadable ({}); deciding on the wall clock until the hub answers",
                    file, e.getMessage());
        }
    }

    /**
     * One signed-time exchange.
     *
     * @throws HubException when the hub cannot be asked
     * @throws IOException  when its answer does not verify (then the clock is left as it was)
     */
    public Instant sync(HubClient hub) throws HubException, IOException {
        byte[] bytes = new byte[SignedTime.NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        long sent = boot.nanos();
        String answer = hub.fetchTime(nonce);
        long received = boot.nanos();
        SignedTime.Opened o = SignedTime.open(answer, root, nonce);
        if (!o.ok()) {
            throw new IOException("hub time refused: " + o.problem() + " (" + o.detail() + ")");
        }
        clock.anchor(o.time(), sent, received);
        save();
        return o.time();
    }

    /** Writes the clock's state atomically; called after each anchor and periodically while running. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, Json.mapper().writeValueAsString(clock.state(boot.bootId())), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            LOG.warn("Cannot store the clock anchor in {}: {}", file, e.getMessage());
        }
    }
}
