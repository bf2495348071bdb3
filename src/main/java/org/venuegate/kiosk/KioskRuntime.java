package org.venuegate.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.decide.Verdict;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.journal.Entry;
import org.venuegate.kiosk.journal.Journal;
import org.venuegate.kiosk.sync.HubClient;
import org.venuegate.kiosk.sync.HubException;
import org.venuegate.kiosk.sync.SyncWorker;

/**
 * Everything the kiosk runs besides its screen: trusted clock, trust list, journal, sync worker and the engine,
 * wired by constructor. The journal write happens inside {@link KioskEngine#onCode}, before the prompt shows.
 */
public final class KioskRuntime implements AutoCloseable {
    public static final Duration TRUST_REFRESH = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(KioskRuntime.class);

    /** The configuration the kiosk started with; the settings screen may change camera, language and voice since. */
    public final KioskConfig config;
    public final Path configDir;
    public final DeviceFile device;
    public final TrustedClock clock;
    public final TrustStore trust;
    private final ClockGuard clockGuard;
    private final Clock wall;
    public final Journal journal;
    public final HubClient hub;
    public final SyncWorker sync;
    public final KioskEngine engine;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-trust-refresh");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean lastRefreshOk;

    public KioskRuntime(Path configDir, Path dataDir, KioskConfig config, OkHttpClient http) throws IOException {
        this(configDir, dataDir, config, http, Clock.systemUTC(), BootClock.system());
    }

    /**
     * @param wall the PC's clock (tests move it)
     * @param boot elapsed time since boot, including suspend (tests move it)
     */
    public KioskRuntime(Path configDir, Path dataDir, KioskConfig config, OkHttpClient http, Clock wall, BootClock boot)
            throws IOException {
        this.config = config;
        this.configDir = configDir;
        this.device = DeviceFile.load(configDir);
        this.wall = wall;
        this.clock = new TrustedClock(wall, boot::nanos, Duration.ofSeconds(config.clockToleranceSeconds()));
        java.security.PublicKey root = Ed25519.decodePublic(device.rootPublicKey());
        java.nio.file.Files.createDirectories(dataDir);
        this.clockGuard = new ClockGuard(clock, boot, root, dataDir);
        clockGuard.load();
        this.trust = new TrustStore(configDir, root, clock);
        this.journal = Journal.open(dataDir.resolve("journal.db"), wall);
        this.hub = new HubClient(http, device.hubUrl(), device.token(), device.deviceId(), device.signingKey());
        this.sync = new SyncWorker(journal, hub, wall, SyncWorker.Sleeper.REAL, Math::random,
                SyncWorker.Settings.DEFAULT.withRetention(Duration.ofDays(config.retentionDays())));
        this.engine = new KioskEngine(trust::current, device.venueId(), config.policy(), config.verificationPolicy(), clock,
                journal, (decision, venue, at, nonce, micros) -> {
                    journal.append(entry(decision, venue, at, nonce, micros));
                    sync.wakeUp();
                }, System::nanoTime);
    }

    /** Asks the hub for a signed time; false (logged) when it cannot be reached or its answer does not verify. */
    public boolean syncClock() {
        try {
            clockGuard.sync(hub);
            return true;
        } catch (HubException | IOException | RuntimeException e) {
            LOG.warn("Hub time unavailable, keeping the clock as it is: {}", e.getMessage());
            return false;
        }
    }

    /** The journal record of a decision: the pseudonymous subject only, never a name or ID. */
    public static Entry entry(org.venuegate.core.decide.Decision d, long venue, Instant at, Long nonce, long micros) {
        return new Entry(venue, d.healthCode().map(Pseudonyms::of).orElse(null), false, d.verdict(), d.stopReason(),
                d.healthCode().map(h -> h.colour()).orElse(null), d.healthCode().map(h -> h.proxy()).orElse(false),
                nonce, at, micros);
    }

    public void start() {
        sync.start();
        refresher.scheduleWithFixedDelay(() -> {
            syncClock();
            refreshTrust();
            reportHealth();
        }, 0, TRUST_REFRESH.toSeconds(), TimeUnit.SECONDS);
        // "This moment is past" survives a reboot only as fresh as it was last written.
        refresher.scheduleWithFixedDelay(clockGuard::save, 1, 1, TimeUnit.MINUTES);
    }

    void refreshTrust() {
        try {
            trust.refresh(hub);
            lastRefreshOk = true;
        } catch (HubException | IOException | RuntimeException e) {
            lastRefreshOk = false;
            LOG.warn("Trust list refresh failed: {}", e.getMessage());
        }
    }

    /** Reports pending check-ins, trust-list age and this PC's clock to the hub's fleet view; false (logged) on failure. */
    public boolean reportHealth() {
        try {
            org.venuegate.core.trust.TrustList list = trust.current();
            hub.reportHealth(journal.pendingCount(), list == null ? null : list.issuedAt(), wall.instant());
            return true;
        } catch (HubException | RuntimeException e) {
            LOG.info("Could not report this kiosk's state to the hub: {}", e.getMessage());
            return false;
        }
    }

    public boolean lastRefreshOk() {
        return lastRefreshOk;
    }

    /** A visitor registered by hand (FAQ 13), journaled like any decision. */
    public void recordManual(String subject, Instant at) {
        journal.append(new Entry(device.venueId(), subject, true, Verdict.PASS, null, null, false, null, at, 0));
        sync.wakeUp();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        clockGuard.save();
        sync.close();
        journal.close();
    }
}
