package org.venuegate.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.journal.Journal;
import org.venuegate.kiosk.journal.JournalException;
import org.venuegate.kiosk.journal.Record;

/**
 * Sends the journal's unsynced check-ins to the hub on one background daemon thread. The journal is the only state:
 * a batch cut off by a crash or a lost answer is simply sent again, the hub reports those check-ins as duplicates,
 * and they are acknowledged then. Failures back off exponentially with full jitter (a random wait between zero and
 * min(cap, base * 2^(failures-1))), so a fleet of kiosks coming back online does not hit the hub in step.
 * Acknowledged check-ins older than the retention period are purged after successful syncs.
 */
public final class SyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

    /** Waits between attempts; tests pass one that does not really sleep. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

        void sleep(Duration d) throws InterruptedException;
    }

    /** Receives a status snapshot after every attempt (on the worker thread: hop to the UI thread yourself). */
    @FunctionalInterface
    public interface Listener {
        void onStatus(SyncStatus status);
    }

    /**
     * @param batchSize   check-ins per request (the hub takes up to 5000)
     * @param base        first backoff ceiling
     * @param cap         largest backoff ceiling
     * @param idlePoll    how long the worker waits for {@link #wakeUp} before looking again anyway
     * @param retention   acknowledged check-ins older than this are purged
     * @param purgeEvery  how often at most the purge runs
     */
    public record Settings(int batchSize, Duration base, Duration cap, Duration idlePoll, Duration retention,
                           Duration purgeEvery) {
        public static final Settings DEFAULT = new Settings(500, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofDays(28), Duration.ofHours(1));

        public Settings {
            if (batchSize < 1 || batchSize > 5000) {
                throw new IllegalArgumentException("batchSize must be 1 to 5000");
            }
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(cap, "cap");
            Objects.requireNonNull(idlePoll, "idlePoll");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(purgeEvery, "purgeEvery");
        }

        public Settings withBatchSize(int n) {
            return new Settings(n, base, cap, idlePoll, retention, purgeEvery);
        }

        public Settings withRetention(Duration d) {
            return new Settings(batchSize, base, cap, idlePoll, d, purgeEvery);
        }

        public Settings withIdlePoll(Duration d) {
            return new Settings(batchSize, base, cap, d, retention, purgeEvery);
        }
    }

    private final Journal journal;
    private final HubClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Settings settings;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile SyncStatus status;
    private final Object lifecycle = new Object();
    private Thread thread;
    private int failures;
    private Instant lastPurge;

    /**
     * @param random uniform values in [0, 1) for the jitter
     */
    public SyncWorker(Journal journal, HubClient client, Clock clock, Sleeper sleeper, DoubleSupplier random, Settings settings) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.status = new SyncStatus(false, safePending(), journal.lastSync().orElse(null), null);
    }

    /** Real clock, sleeping and randomness, default settings. */
    public SyncWorker(Journal journal, HubClient client) {
        this(journal, client, Clock.systemUTC(), Sleeper.REAL, Math::random, Settings.DEFAULT);
    }

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l));
        l.onStatus(status);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public SyncStatus status() {
        return status;
    }

    /** Starts the background thread; syncs at once. */
    public void start() {
        synchronized (lifecycle) {
            startThread();
        }
    }

    private void startThread() {
        if (thread != null) {
            throw new IllegalStateException("sync worker already started");
        }
        running = true;
        thread = new Thread(this::loop, "journal-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a sync soon, after an append. Never blocks; during a backoff wait it does not cut the wait short. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (running) {
            boolean ok = syncOnce();
            if (!running) {
                break;
            }
            try {
                if (ok) {
                    failures = 0;
                    wake.tryAcquire(settings.idlePoll().toNanos(), TimeUnit.NANOSECONDS);
                    wake.drainPermits();
                } else {
                    failures++;
                    Duration wait = backoff(failures, settings.base(), settings.cap(), random.getAsDouble());
                    LOG.debug("Sync failed {} time(s) in a row; next attempt in {}", failures, wait);
                    sleeper.sleep(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /**
     * Full-jitter backoff: uniform in [0, min(cap, base * 2^(failures-1))).
     *
     * @param u a uniform random value in [0, 1)
     */
    public static Duration backoff(int failures, Duration base, Duration cap, double u) {
        int exponent = Math.max(0, Math.min(failures - 1, 30));
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << exponent);
        return Duration.ofMillis((long) (Math.min(Math.max(u, 0), 1) * ceiling));
    }

    /**
     * One sync pass on the calling thread: sends every pending check-in in batches and stores the receipts.
     * The background thread uses it; a "sync now" button may too.
     *
     * @return true when the journal was emptied of pending check-ins
     */
    public synchronized boolean syncOnce() {
        try {
            while (true) {
                List<Record> batch = journal.unsynced(settings.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                Receipt receipt = client.postCheckins(batch);
                Set<String> sent = new HashSet<>();
                batch.forEach(r -> sent.add(r.id()));
                List<String> acked = receipt.acknowledged().stream().filter(sent::contains).toList();
                journal.acknowledge(receipt.json(), acked);
                Map<String, String> rejected = new LinkedHashMap<>();
                for (org.venuegate.api.Rejection r : receipt.rejected()) {
                    if (r.id() != null && sent.contains(r.id())) {
                        rejected.put(r.id(), r.error() + ": " + r.message());
                    }
                }
                if (!rejected.isEmpty()) {
                    LOG.warn("The hub refused {} check-in(s); they stay in the journal, marked rejected: {}",
                            rejected.size(), rejected);
                    journal.reject(rejected);
                }
                if (acked.size() + rejected.size() < batch.size()) {
                    // The hub answered without settling every check-in: sending the same batch again at once would spin.
                    fail("the hub settled only " + (acked.size() + rejected.size()) + " of " + batch.size()
                            + " check-ins (receipt " + receipt.receiptId() + ")");
                    return false;
                }
                if (batch.size() < settings.batchSize()) {
                    break;
                }
            }
            purgeIfDue();
            publish(new SyncStatus(true, journal.pendingCount(), journal.lastSync().orElse(null), null));
            return true;
        } catch (HubRejectedException e) {
            LOG.warn("Sync refused by the hub: {}", e.getMessage());
            publish(new SyncStatus(false, safePending(), status.lastSync(), e.getMessage(), SyncStatus.refusesThisKiosk(e)));
        } catch (HubException e) {
            LOG.info("Hub unavailable, check-ins stay in the journal: {}", e.getMessage());
            fail(e.getMessage());
        } catch (JournalException e) {
            LOG.error("Journal failure during sync", e);
            fail(e.getMessage());
        } catch (RuntimeException e) {
            // The worker must outlive any surprise, or check-ins would silently stop leaving the kiosk.
            LOG.error("Unexpected sync failure", e);
            fail("unexpected: " + e);
        }
        return false;
    }

    private void fail(String message) {
        // online means "syncing works": a hub that refuses every batch is not online for the gatekeeper either
        publish(new SyncStatus(false, safePending(), status.lastSync(), message));
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (lastPurge == null || !now.isBefore(lastPurge.plus(settings.purgeEvery()))) {
            lastPurge = now;
            int n = journal.purge(settings.retention());
            if (n > 0) {
                LOG.info("Purged {} acknowledged check-ins older than {} days", n, settings.retention().toDays());
            }
        }
    }

    private long safePending() {
        try {
            return journal.pendingCount();
        } catch (JournalException e) {
            return status == null ? 0 : status.pending();
        }
    }

    private void publish(SyncStatus s) {
        status = s;
        for (Listener l : listeners) {
            try {
                l.onStatus(s);
            } catch (RuntimeException e) {
                LOG.warn("Sync status listener failed", e);
            }
        }
    }

    /** Stops the thread; whatever is unsent stays in the journal for next time. */
    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            running = false;
            t = thread;
        }
        if (t != null) {
            wake.release();
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
