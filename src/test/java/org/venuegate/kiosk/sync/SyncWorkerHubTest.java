package org.venuegate.kiosk.sync;

import org.venuegate.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.api.Pairing;
import org.venuegate.core.code.Colour;
import org.venuegate.core.decide.StopReason;
import org.venuegate.core.decide.Verdict;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.journal.Entry;
import org.venuegate.kiosk.journal.Journal;
import org.venuegate.kiosk.journal.Record;

/** The sync worker against the real hub over HTTP: exactly once, hub down and back, cut batches, purge. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncWorkerHubTest {
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(20)).build();

    HubFixture fixture;
    Path hubDir;

    @TempDir
    Path dir;

    @BeforeAll
    void startHub() throws Exception {
        hubDir = Files.createTempDirectory("sync-hub");
        fixture = new HubFixture(hubDir, HTTP);
    }

    @AfterAll
    void stopHub() {
        fixture.close();
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    /** A paired kiosk: its venue and its client. */
    record Kiosk(long venueId, HubClient client, Pairing pairing) {
    }

    Kiosk kiosk(String name) throws HubException {
        long venueId = fixture.venue(name);
        java.security.KeyPair key = org.venuegate.core.crypto.Ed25519.generate();
        Pairing p = HubClient.pair(HTTP, fixture.baseUrl(), fixture.pairingCode(venueId), "东门", key.getPublic());
        assertThat(p.venue().id()).isEqualTo(venueId);
        return new Kiosk(venueId, new HubClient(HTTP, fixture.baseUrl(), p.token(), p.deviceId(), key.getPrivate()), p);
    }

    static Entry entry(long venueId, int i, Instant at) {
        return i % 5 == 0
                ? new Entry(venueId, null, false, Verdict.STOP, StopReason.FORGED, null, false, null, at, 900)
                : new Entry(venueId, "S" + i, false, Verdict.PASS, null, Colour.GREEN, false, (long) i, at, 1200);
    }

    static void fill(Journal j, long venueId, int n) {
        Instant now = Instant.now().minusSeconds(60);
        for (int i = 1; i <= n; i++) {
            j.append(entry(venueId, i, now));
        }
    }

    /** Records every wait and sleeps only a little for real, so the worker's thread does not spin. */
    static final class RecordingSleeper implements SyncWorker.Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration d) throws InterruptedException {
            waits.add(d);
            Thread.sleep(5);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    SyncWorker worker(Journal j, HubClient client, Clock clock, SyncWorker.Sleeper sleeper) {
        return new SyncWorker(j, client, clock, sleeper, () -> 0.999, SyncWorker.Settings.DEFAULT);
    }

    /**
     * A stolen token without the kiosk's key cannot post, and a kiosk in that state (its key lost, or another key
     * than the one it paired with) says it needs pairing again instead of looking merely offline; nothing is lost.
     */
    @Test
    void withoutItsKeyAKioskPostsNothingAndSaysItMustBePairedAgain() throws Exception {
        Kiosk k = kiosk("无密钥场所");
        HubClient tokenOnly = new HubClient(HTTP, fixture.baseUrl(), k.pairing().token(), k.pairing().deviceId(), null);
        HubClient otherKey = new HubClient(HTTP, fixture.baseUrl(), k.pairing().token(), k.pairing().deviceId(),
                org.venuegate.core.crypto.Ed25519.generate().getPrivate());
        try (Journal j = Journal.open(dir.resolve("nokey.db"), Clock.systemUTC())) {
            fill(j, k.venueId(), 12);
            for (HubClient client : List.of(tokenOnly, otherKey)) {
                SyncWorker w = worker(j, client, Clock.systemUTC(), new RecordingSleeper());
                assertThat(w.syncOnce()).isFalse();
                assertThat(w.status().needsPairing()).isTrue();
                assertThat(w.status().lastError()).contains("BATCH_SIGNATURE_INVALID");
                assertThat(w.status().pending()).isEqualTo(12);
            }
            assertThat(fixture.checkins(k.venueId())).isZero();
            SyncWorker right = worker(j, k.client(), Clock.systemUTC(), new RecordingSleeper());
            assertThat(right.syncOnce()).isTrue();
            assertThat(right.status().needsPairing()).isFalse();
            assertThat(fixture.checkins(k.venueId())).isEqualTo(12);
        }
    }

    @Test
    void syncsEveryRecordExactlyOnceInBatches() throws Exception {
        Kiosk k = kiosk("批量同步场所");
        try (Journal j = Journal.open(dir.resolve("j.db"), Clock.systemUTC())) {
            fill(j, k.venueId(), 1234);
            List<SyncStatus> seen = new CopyOnWriteArrayList<>();
            SyncWorker w = worker(j, k.client(), Clock.systemUTC(), new RecordingSleeper());
            w.addListener(seen::add);
            assertThat(w.status().online()).isFalse();
            assertThat(w.status().pending()).isEqualTo(1234);
            assertThat(w.syncOnce()).isTrue();
            assertThat(fixture.checkins(k.venueId())).isEqualTo(1234);
            assertThat(j.pendingCount()).isZero();
            assertThat(j.lastSync()).isPresent();
            SyncStatus last = seen.get(seen.size() - 1);
            assertThat(last.online()).isTrue();
            assertThat(last.pending()).isZero();
            assertThat(last.lastError()).isNull();
            assertThat(last.lastSync()).isNotNull();
            // nothing left: a second pass sends nothing and stays online
            assertThat(w.syncOnce()).isTrue();
            assertThat(fixture.checkins(k.venueId())).isEqualTo(1234);
            assertThat(j.verify().ok()).isTrue();
        }
    }

    @Test
    void hubDownKeepsRecordsAndBacksOffThenEverythingSyncsOnceWhenItReturns() throws Exception {
        Kiosk k = kiosk("断网场所");
        RecordingSleeper sleeper = new RecordingSleeper();
        try (Journal j = Journal.open(dir.resolve("down.db"), Clock.systemUTC());
             SyncWorker w = worker(j, k.client(), Clock.systemUTC(), sleeper)) {
            fill(j, k.venueId(), 20);
            w.start();
            await("first batch synced", () -> j.pendingCount() == 0);
            // the worker publishes its status after it has stored the receipt: a moment later than the journal shows it
            await("status online", () -> w.status().online());

            fixture.stopServer();
            try {
                Instant now = Instant.now();
                for (int i = 21; i <= 60; i++) {
                    j.append(entry(k.venueId(), i, now));
                    long t0 = System.nanoTime();
                    w.wakeUp();
                    assertThat(System.nanoTime() - t0).as("wakeUp never blocks").isLessThan(Duration.ofMillis(50).toNanos());
                }
                int attemptsSoFar = sleeper.waits.size();
                // the status is a snapshot of the last attempt: wait for attempts made after the last append
                await("ten failed attempts", () -> sleeper.waits.size() >= Math.max(10, attemptsSoFar + 2));
                SyncStatus s = w.status();
                assertThat(s.online()).isFalse();
                assertThat(s.pending()).isEqualTo(40);
                assertThat(s.lastError()).contains("unreachable");
                assertThat(j.pendingCount()).isEqualTo(40);
                // full jitter with u = 0.999: just under 1, 2, 4, 8... seconds, capped at 5 minutes
                List<Duration> waits = List.copyOf(sleeper.waits).subList(0, 10);
                for (int i = 0; i < 10; i++) {
                    long ceiling = Math.min(300_000, 1000L << i);
                    assertThat(waits.get(i).toMillis()).isBetween((long) (ceiling * 0.99), ceiling);
                }
            } finally {
                fixture.restartServer();
            }
            await("everything synced after the hub came back", () -> j.pendingCount() == 0);
            assertThat(fixture.checkins(k.venueId())).isEqualTo(60);
            await("status online again", () -> w.status().online());
            assertThat(w.status().lastError()).isNull();
        }
    }

    @Test
    void aBatchCutBeforeItsReceiptWasStoredIsResentAndCountedOnce() throws Exception {
        Kiosk k = kiosk("中断场所");
        Path file = dir.resolve("cut.db");
        try (Journal j = Journal.open(file, Clock.systemUTC())) {
            fill(j, k.venueId(), 30);
            // The hub stores the first 20; the kiosk dies before it can store the receipt.
            Receipt lost = k.client().postCheckins(j.unsynced(20));
            assertThat(lost.accepted()).hasSize(20);
            assertThat(j.pendingCount()).isEqualTo(30);
        }
        try (Journal j = Journal.open(file, Clock.systemUTC())) {
            SyncWorker w = worker(j, k.client(), Clock.systemUTC(), new RecordingSleeper());
            assertThat(w.syncOnce()).isTrue();
            assertThat(j.pendingCount()).isZero();
            assertThat(fixture.checkins(k.venueId())).isEqualTo(30);
            // and once more with everything already there
            Receipt again = k.client().postCheckins(List.of());
            assertThat(again.accepted()).isEmpty();
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var s = c.createStatement(); var rs = s.executeQuery("SELECT body FROM receipts")) {
            assertThat(rs.next()).isTrue();
            var receipt = Json.mapper().readTree(rs.getString(1));
            assertThat(receipt.get("duplicates")).hasSize(20);
            assertThat(receipt.get("accepted")).hasSize(10);
        }
    }

    @Test
    void refusedRecordsAreSetAsideAndTheRestSync() throws Exception {
        Kiosk k = kiosk("拒收场所");
        try (Journal j = Journal.open(dir.resolve("refused.db"), Clock.systemUTC())) {
            fill(j, k.venueId(), 5);
            j.append(entry(k.venueId() + 1000, 6, Instant.now())); // another venue: the hub says WRONG_VENUE
            fill(j, k.venueId(), 4);
            SyncWorker w = worker(j, k.client(), Clock.systemUTC(), new RecordingSleeper());
            assertThat(w.syncOnce()).isTrue();
            assertThat(j.pendingCount()).isZero();
            assertThat(j.rejectedCount()).isEqualTo(1);
            assertThat(fixture.checkins(k.venueId())).isEqualTo(9);
            assertThat(w.syncOnce()).isTrue(); // the refused one is not sent again
        }
    }

    @Test
    void revokedDeviceStaysOfflineWithTheReasonAndLosesNothing() throws Exception {
        Kiosk k = kiosk("注销场所");
        try (Journal j = Journal.open(dir.resolve("revoked.db"), Clock.systemUTC())) {
            fill(j, k.venueId(), 3);
            fixture.call("POST", "/devices/" + k.pairing().deviceId() + "/revoke", fixture.admin, null, 204);
            SyncWorker w = worker(j, k.client(), Clock.systemUTC(), new RecordingSleeper());
            assertThat(w.syncOnce()).isFalse();
            assertThat(w.status().online()).isFalse();
            assertThat(w.status().lastError()).contains("401").contains("UNAUTHENTICATED");
            assertThat(j.pendingCount()).isEqualTo(3);
        }
    }


    @Test
    void acknowledgedRecordsArePurgedAfterRetentionOnly() throws Exception {
        Kiosk k = kiosk("保留期场所");
        Instant now = Instant.now();
        // A kiosk paired long ago, at a hub that keeps check-ins longer than this kiosk does (the hub refuses
        // decisions from before a kiosk's pairing or older than its own retention period).
        fixture.hub.db().tx(c -> {
            org.venuegate.hub.store.Sql.update(c, "UPDATE devices SET created_at = ? WHERE venue_id = ?",
                    now.minus(Duration.ofDays(40)).toEpochMilli(), k.venueId());
            return org.venuegate.hub.store.Sql.update(c, "INSERT INTO hub_settings(name, value, updated_at, updated_by)"
                    + " VALUES ('retention_days', '60', ?, 'test')", now.toEpochMilli());
        });
        MutableClock clock = new MutableClock(now);
        try (Journal j = Journal.open(dir.resolve("purge.db"), clock)) {
            Instant old = now.minus(Duration.ofDays(30));
            for (int i = 1; i <= 5; i++) {
                j.append(entry(k.venueId(), i, old));
            }
            j.append(entry(k.venueId(), 6, now.minusSeconds(5)));
            SyncWorker w = worker(j, k.client(), clock, new RecordingSleeper());
            assertThat(w.syncOnce()).isTrue();
            assertThat(fixture.checkins(k.venueId())).isEqualTo(6);
            assertThat(j.size()).isEqualTo(1);
            assertThat(j.verify().ok()).isTrue();
            assertThat(j.verify().purged()).isEqualTo(5);
            // once the recent record is past retention too (and the hourly purge is due), it goes as well
            clock.now = now.plus(Duration.ofDays(29));
            assertThat(w.syncOnce()).isTrue();
            assertThat(j.size()).isZero();
        }
    }

    @Test
    void trustListAndVenueComeFromTheHub() throws Exception {
        Kiosk k = kiosk("信任列表场所");
        TrustListFetch first = k.client().fetchTrustList(null);
        assertThat(first.modified()).isTrue();
        assertThat(first.document()).isEqualTo(k.pairing().trustList());
        assertThat(k.client().fetchTrustList(first.etag()).modified()).isFalse();
        assertThat(k.client().venue().id()).isEqualTo(k.venueId());
        assertThat(k.client().venue().name()).isEqualTo("信任列表场所");
        assertThat(k.pairing().rootKeyId()).matches("[0-9a-f]{8}");
    }
}
