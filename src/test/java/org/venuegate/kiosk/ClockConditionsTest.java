package org.venuegate.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Pairing;
import org.venuegate.api.Verdict;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.decide.StopReason;
import org.venuegate.hub.TestHub;
import org.venuegate.kiosk.TrustedClock.Source;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.sync.HubClient;
import org.venuegate.testing.MutableClock;

/**
 * The clock conditions a real gate meets, each through a real hub over HTTP and the kiosk's real runtime (trust
 * store, clock guard, engine, journal): lists signed long before pairing, days offline, a PC clock an hour off
 * online and offline, a reboot while offline. In none may a valid fresh code stop, in none may a stale one pass.
 */
class ClockConditionsTest {
    static final Instant T = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final OkHttpClient HTTP = new OkHttpClient();

    @TempDir
    Path dir;
    final MutableClock hubClock = new MutableClock(T);
    /** The kiosk PC's wall clock: real time plus whatever is wrong with it. */
    final MutableClock wall = new MutableClock(T);
    final FakeBootClock boot = new FakeBootClock();
    TestHub hub;
    long venueId;
    String venueCode;
    Path configDir;
    KioskRuntime rt;

    @BeforeEach
    void startHub() throws Exception {
        // The hub's keys date from the day before, so it can sign codes "six minutes ago".
        hubClock.now = T.minus(Duration.ofDays(1));
        hub = new TestHub(hubClock);
        hubClock.now = T;
        long app = hub.submit("时钟测试场所");
        venueId = hub.hub.applications().decide(hub.admin, app,
                new DecisionRequest(Verdict.PASS, null, 1)).application().venueId();
        venueCode = hub.hub.venues().venue(hub.admin, venueId).codeText();
        configDir = dir.resolve("kiosk-config");
    }

    @AfterEach
    void stop() {
        if (rt != null) {
            rt.close();
        }
        hub.close();
    }

    /** Real time passes for everyone: hub, kiosk wall clock and boot clock. */
    void pass(Duration d) {
        hubClock.now = hubClock.now.plus(d);
        wall.now = wall.now.plus(d);
        boot.advance(d);
    }

    void pair() throws Exception {
        String code = hub.hub.venues().createPairingCode(hub.admin, venueId).code();
        java.security.KeyPair key = org.venuegate.core.crypto.Ed25519.generate();
        Pairing p = HubClient.pair(HTTP, hub.url, code, "东门", key.getPublic());
        DeviceFile.from(hub.url, p, key.getPrivate()).save(configDir);
        Files.writeString(configDir.resolve(TrustStore.NAME), p.trustList(), StandardCharsets.UTF_8);
    }

    KioskRuntime start() throws Exception {
        if (rt != null) {
            rt.close();
        }
        rt = new KioskRuntime(configDir, dir.resolve("data"), KioskConfig.defaults(), HTTP, wall, boot);
        return rt;
    }

    String freshGreen() {
        return hub.hub.citizens().unveil(hub.citizen, hub.citizenSubject, venueCode).code();
    }

    /** A code unveiled six minutes ago: past the five-minute admission age. */
    String staleGreen() {
        hubClock.now = hubClock.now.minus(Duration.ofMinutes(6));
        try {
            return freshGreen();
        } finally {
            hubClock.now = hubClock.now.plus(Duration.ofMinutes(6));
        }
    }

    void assertFreshPassesAndStaleStops() {
        KioskEngine.Outcome fresh = rt.engine.onCode(freshGreen(), System.nanoTime());
        assertThat(fresh.decision().pass()).as("a valid fresh code passes (clock source %s, skew %s)",
                rt.clock.read().source(), rt.clock.read().skew()).isTrue();
        KioskEngine.Outcome stale = rt.engine.onCode(staleGreen(), System.nanoTime());
        assertThat(stale.decision().pass()).as("a stale code never passes").isFalse();
        assertThat(stale.decision().stopReason()).isEqualTo(StopReason.STALE);
    }

    @ParameterizedTest(name = "list signed {0} minutes before pairing")
    @ValueSource(ints = {20, 59})
    void aListSignedWellBeforePairingDoesNotStopAnyone(int minutes) throws Exception {
        hub.hub.trust().publish();
        pass(Duration.ofMinutes(minutes));
        pair();
        start();
        assertThat(rt.trust.current().issuedAt()).isEqualTo(T);
        assertThat(rt.clock.read().source()).isEqualTo(Source.WALL);
        assertFreshPassesAndStaleStops();
        assertThat(rt.syncClock()).isTrue();
        assertThat(rt.clock.read().source()).isEqualTo(Source.WALL);
        assertFreshPassesAndStaleStops();
    }

    @Test
    void aListSignedThreeDaysBeforeTheKioskStartsDoesNotStopAnyone() throws Exception {
        String old = hub.hub.trust().publish().document();
        pass(Duration.ofDays(3));
        pair();
        // The kiosk holds only the three-day-old list (as after a long time offline).
        Files.writeString(configDir.resolve(TrustStore.NAME), old, StandardCharsets.UTF_8);
        start();
        assertThat(rt.trust.current().issuedAt()).isEqualTo(T);
        assertFreshPassesAndStaleStops();
    }

    @Test
    void threeDaysOfflineWithACorrectClock() throws Exception {
        pair();
        start();
        assertThat(rt.syncClock()).isTrue();
        hub.server.close();
        pass(Duration.ofDays(3));
        assertThat(rt.syncClock()).as("offline").isFalse();
        assertThat(rt.clock.read().source()).isEqualTo(Source.WALL);
        assertFreshPassesAndStaleStops();
        // A restart in the same boot while still offline keeps the anchor.
        start();
        assertThat(rt.clock.anchored()).isTrue();
        assertFreshPassesAndStaleStops();
    }

    @ParameterizedTest(name = "PC clock {0} minutes off, online")
    @ValueSource(ints = {60, -60})
    void aPcClockAnHourOffOnline(int minutes) throws Exception {
        wall.now = T.plus(Duration.ofMinutes(minutes));
        pair();
        start();
        assertThat(rt.syncClock()).isTrue();
        TrustedClock.Reading r = rt.clock.read();
        assertThat(r.source()).isEqualTo(Source.HUB);
        assertThat(Math.round(r.skew().toMillis() / 60_000.0)).isEqualTo(minutes);
        assertFreshPassesAndStaleStops();
    }

    @ParameterizedTest(name = "PC clock {0} minutes off, offline for two days")
    @ValueSource(ints = {60, -60})
    void aPcClockAnHourOffOffline(int minutes) throws Exception {
        wall.now = T.plus(Duration.ofMinutes(minutes));
        pair();
        start();
        assertThat(rt.syncClock()).isTrue();
        hub.server.close();
        pass(Duration.ofDays(2));
        start(); // and a restart in the same boot, offline
        assertThat(rt.syncClock()).isFalse();
        assertThat(rt.clock.read().source()).isEqualTo(Source.HUB);
        assertFreshPassesAndStaleStops();
    }

    @Test
    void aRebootWhileOfflineFallsBackToTheWallClockBoundedBelowAndSaysSo() throws Exception {
        pair();
        start();
        assertThat(rt.syncClock()).isTrue();
        pass(Duration.ofHours(5));
        rt.close();
        rt = null;
        hub.server.close();
        boot.reboot("boot-2");
        pass(Duration.ofSeconds(50));
        start();
        assertThat(rt.clock.read().source()).isEqualTo(Source.WALL_UNCHECKED);
        assertThat(rt.clock.read().warn()).isTrue();
        assertFreshPassesAndStaleStops();

        // The PC came back an hour slow: the last known time bounds it below.
        wall.now = wall.now.minus(Duration.ofHours(1));
        assertThat(rt.clock.read().source()).isEqualTo(Source.LOWER_BOUND);
        assertFreshPassesAndStaleStops();
        assertThat(rt.journal.verify().ok()).isTrue();
    }

    @Test
    void aForgedOrReplayedTimeAnswerLeavesTheClockAlone() throws Exception {
        wall.now = T.plus(Duration.ofHours(1));
        pair();
        start();
        var root = Ed25519.decodePublic(rt.device.rootPublicKey());
        String answer = new HubClient(HTTP, hub.url, rt.device.token()).fetchTime("AAAAAAAAAAAAAAAAAAAAAA==");
        assertThat(org.venuegate.core.trust.SignedTime.open(answer, root, "AAAAAAAAAAAAAAAAAAAAAA==").ok()).isTrue();
        assertThat(org.venuegate.core.trust.SignedTime.open(answer, root, "BBBBBBBBBBBBBBBBBBBBBB==").problem())
                .isEqualTo(org.venuegate.core.trust.SignedTime.Problem.WRONG_NONCE);
        String forged = answer.replace(hubClock.now.toString().substring(0, 4), "2031");
        assertThat(org.venuegate.core.trust.SignedTime.open(forged, root, "AAAAAAAAAAAAAAAAAAAAAA==").ok()).isFalse();
        assertThat(rt.clock.anchored()).isFalse();
    }
}
