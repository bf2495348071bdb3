package org.venuegate.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Pairing;
import org.venuegate.api.SubjectTrace;
import org.venuegate.api.SubjectVisit;
import org.venuegate.api.Verdict;
import org.venuegate.core.code.Colour;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.decide.StopReason;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.sync.HubClient;

/** The kiosk's whole back end against a real hub: pair, scan an unveiled code, journal, sync, trace. */
class KioskRuntimeHubTest {
    @TempDir
    Path dir;

    @Test
    void pairScanJournalSyncAndTrace() throws Exception {
        try (TestHub hub = new TestHub()) {
            long app = hub.submit("端到端场所");
            long venueId = hub.hub.applications().decide(hub.admin, app,
                    new DecisionRequest(Verdict.PASS, null, 1)).application().venueId();
            String code = hub.hub.venues().createPairingCode(hub.admin, venueId).code();
            OkHttpClient http = new OkHttpClient();
            java.security.KeyPair key = Ed25519.generate();
            Pairing p = HubClient.pair(http, hub.url, code, "东门", key.getPublic());
            Path configDir = dir.resolve("kiosk-config");
            DeviceFile.from(hub.url, p, key.getPrivate()).save(configDir);
            new TrustStore(configDir, Ed25519.decodePublic(p.rootPublicKey()),
                    new TrustedClock(java.time.Clock.systemUTC(), System::nanoTime, Duration.ofMinutes(2))).accept(p.trustList(), null, true);

            KioskConfig defaults = KioskConfig.defaults();
            try (KioskRuntime rt = new KioskRuntime(configDir, dir.resolve("data"), defaults, http)) {
                assertThat(rt.trust.current()).isNotNull();
                String venueCode = hub.hub.venues().venue(hub.admin, venueId).codeText();
                String unveiled = hub.hub.citizens().unveil(hub.citizen, hub.citizenSubject, venueCode).code();
                KioskEngine.Outcome pass = rt.engine.onCode(unveiled, System.nanoTime());
                assertThat(pass.decision().pass()).isTrue();
                assertThat(rt.engine.onCode(unveiled, System.nanoTime()).decision().stopReason()).isEqualTo(StopReason.REPLAYED);

                long red = hub.hub.citizens().register(hub.admin, new CitizenInput(null, "王*", Colour.RED,
                        "密接", "居家隔离", true, null, true)).subjectId();
                long redUser = hub.hub.auth().createUser("red-citizen", "password-1", Role.CITIZEN, null, red);
                Principal redCitizen = new Principal(Role.CITIZEN, redUser, "red-citizen", null, red, null);
                String redCode = hub.hub.citizens().unveil(redCitizen, red, venueCode).code();
                assertThat(rt.engine.onCode(redCode, System.nanoTime()).decision().stopReason()).isEqualTo(StopReason.RED_CODE);
                rt.recordManual(Pseudonyms.ofIdNumber("11010519491231002X"), Instant.now());

                assertThat(rt.journal.pendingCount()).isEqualTo(4);
                // The fleet view hears what waits, how old the trust list is and the kiosk's clock.
                assertThat(rt.reportHealth()).isTrue();
                var health = hub.hub.backOffice().fleet().stream().filter(d -> d.deviceId() == p.deviceId()).findFirst().orElseThrow();
                assertThat(health.pending()).isEqualTo(4);
                assertThat(health.trustListSignedAt()).isEqualTo(rt.trust.current().issuedAt());
                assertThat(Math.abs(health.clockSkewMs())).isLessThan(60_000);
                assertThat(rt.sync.syncOnce()).isTrue();
                assertThat(rt.journal.pendingCount()).isZero();
                assertThat(rt.sync.syncOnce()).isTrue();
                assertThat(hub.hub.checkins().count()).isEqualTo(4);

                long tracerId = hub.hub.auth().createUser("tracer", "password-1", Role.TRACER, null, null);
                Principal tracer = new Principal(Role.TRACER, tracerId, "tracer", null, null, null);
                SubjectTrace visits = hub.hub.trace().ofSubject(tracer, "案件-K1",
                        Pseudonyms.of(org.venuegate.core.code.CodeFormat.parse(unveiled).code().health()),
                        Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60));
                // the pass is evidence (the hub unveiled that code for this venue); the replayed showing is not
                assertThat(visits.visits()).hasSize(1);
                assertThat(visits.visits()).allSatisfy(v -> assertThat(v.venueName()).isEqualTo("端到端场所"));
                assertThat(visits.visits().get(0).outcome()).isEqualTo("PASS");
                assertThat(visits.unverified()).extracting(SubjectVisit::evidence).containsExactly("NO_CODE");
                assertThat(hub.hub.backOffice().fleet().stream().filter(d -> d.deviceId() == p.deviceId()).findFirst()
                        .orElseThrow().chain().status()).as("the real journal's chain verifies at the hub").isEqualTo("OK");
                assertThat(rt.journal.verify().ok()).isTrue();
            }
        }
    }
}
