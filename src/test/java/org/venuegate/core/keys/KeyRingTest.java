package org.venuegate.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.Reason;
import org.venuegate.core.verify.ReplayGuard;
import org.venuegate.core.verify.VerificationPolicy;

class KeyRingTest {
    private static final Instant T0 = TestIssuer.T0;

    @TempDir
    Path dir;

    @Test
    void initCreatesRootHealthAndVenueKeysPrivately() throws Exception {
        KeyRing ring = KeyRing.init(dir, T0);
        assertThat(ring.keys()).extracting(KeyEntry::role).containsExactly(KeyRole.ROOT, KeyRole.HEALTH, KeyRole.VENUE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyRing.fileIn(dir)))).isEqualTo("rw-------");
        assertThat(KeyRing.load(dir).keys()).isEqualTo(ring.keys());
    }

    @Test
    void refusesToOverwriteAnExistingRing() throws Exception {
        KeyRing.init(dir, T0);
        assertThatThrownBy(() -> KeyRing.init(dir, T0)).hasMessageContaining("refusing to overwrite");
    }

    @Test
    void damagedOrMissingRingGetsAClearMessage() throws Exception {
        assertThatThrownBy(() -> KeyRing.load(dir)).hasMessageContaining("keys init");
        Files.writeString(KeyRing.fileIn(dir), "{\"format\":");
        assertThatThrownBy(() -> KeyRing.load(dir)).hasMessageContaining("damaged");
        Files.writeString(KeyRing.fileIn(dir), "{\"format\":\"other\",\"trustListSequence\":0,\"keys\":[],\"revokedVenueIds\":[]}");
        assertThatThrownBy(() -> KeyRing.load(dir)).hasMessageContaining("not in format");
    }

    @Test
    void rotationOverlapsThenTheNewKeySigns() throws Exception {
        KeyRing ring = KeyRing.init(dir, T0);
        KeyEntry oldHealth = ring.signer(KeyRole.HEALTH, T0);
        Instant rotation = T0.plus(Duration.ofDays(30));
        KeyEntry fresh = ring.rotate(KeyRole.HEALTH, rotation, Duration.ofDays(7));
        assertThat(ring.signer(KeyRole.HEALTH, rotation.plusSeconds(1)).keyId()).isEqualTo(fresh.keyId());
        KeyEntry oldNow = KeyRing.load(dir).keys().stream().filter(k -> k.keyId().equals(oldHealth.keyId())).findFirst().orElseThrow();
        assertThat(oldNow.notAfter()).isEqualTo(rotation.plusSeconds(1).plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> ring.rotate(KeyRole.ROOT, rotation, Duration.ZERO)).hasMessageContaining("pinned");
    }

    @Test
    void trustListSequenceGrowsAndCarriesRevocations() throws Exception {
        KeyRing ring = KeyRing.init(dir, T0);
        TrustList first = ring.nextTrustList(T0, List.of());
        String venueKey = ring.signer(KeyRole.VENUE, T0).keyId();
        ring.revokeKey(venueKey);
        ring.revokeVenue(99L);
        TrustList second = KeyRing.load(dir).nextTrustList(T0.plusSeconds(5), List.of(100L));
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.revokedKeyIds()).containsExactly(venueKey);
        assertThat(second.revokedVenueIds()).containsExactly(99L, 100L);
        assertThatThrownBy(() -> ring.signer(KeyRole.VENUE, T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ring.revokeKey("00000000")).hasMessageContaining("no key");
    }

    @Test
    void issuedCodesVerifyAgainstItsOwnSignedTrustList() throws Exception {
        KeyRing ring = KeyRing.init(dir, T0);
        String signed = ring.signTrustList(ring.nextTrustList(T0, List.of()));
        SignedTrustList.Opened opened = SignedTrustList.open(signed, ring.root().orElseThrow().decodedPublic());
        assertThat(opened.ok()).isTrue();
        String health = ring.issueHealth(TestIssuer.greenAt(5, T0, 1), T0);
        assertThat(new CodeVerifier(opened.list(), VerificationPolicy.DEFAULT).verifyHealth(health, 5, T0.plusSeconds(1), ReplayGuard.NONE).reason())
                .isEqualTo(Reason.VALID);
    }

    @Test
    void aCodeSignedEarlierInTheSecondOfARotationWithoutOverlapStillVerifies() throws Exception {
        KeyRing ring = KeyRing.init(dir, T0);
        Instant second = T0.plus(Duration.ofDays(30));
        // issued 0.2 s into the second (the code says the whole second), the key rotated away 0.5 s later
        String venue = ring.issueVenue(new VenueCode(7, "0101-000007", "Shop", 120101, "MALL",
                false, second), second.plusMillis(200));
        String health = ring.issueHealth(TestIssuer.greenAt(5, second, 7), second.plusMillis(200));
        ring.rotate(KeyRole.VENUE, second.plusMillis(700), Duration.ZERO);
        ring.rotate(KeyRole.HEALTH, second.plusMillis(700), Duration.ZERO);
        TrustList list = ring.nextTrustList(second.plusSeconds(1), List.of());
        CodeVerifier verifier = new CodeVerifier(list, VerificationPolicy.DEFAULT);
        assertThat(verifier.verifyVenue(venue, second.plusSeconds(1)).reason()).isEqualTo(Reason.VALID);
        assertThat(verifier.verifyHealth(health, 5, second.plusSeconds(1), ReplayGuard.NONE).reason()).isEqualTo(Reason.VALID);
        // and what the new key signs from then on verifies as well
        String after = ring.issueVenue(new VenueCode(8, "0101-000008", "Shop", 120101, "MALL",
                false, second), second.plusMillis(900));
        assertThat(verifier.verifyVenue(after, second.plusSeconds(1)).reason()).isEqualTo(Reason.VALID);
    }
}
