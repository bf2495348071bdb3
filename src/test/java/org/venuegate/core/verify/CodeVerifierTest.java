package org.venuegate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venuegate.core.TestIssuer.T0;
import static org.venuegate.core.TestIssuer.VENUE;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.CodeKind;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.trust.KeyPurpose;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.trust.TrustedKey;

class CodeVerifierTest {
    private final TestIssuer issuer = new TestIssuer();
    private final Instant now = T0.plusSeconds(20);

    private VerificationResult kiosk(String text) {
        return new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT).verifyHealth(text, VENUE, now, ReplayGuard.NONE);
    }

    @Test
    void validHealthCodeCarriesItsContent() {
        VerificationResult r = kiosk(issuer.green());
        assertThat(r.reason()).isEqualTo(Reason.VALID);
        assertThat(r.valid()).isTrue();
        assertThat(r.authentic()).isTrue();
        assertThat(r.kind()).isEqualTo(CodeKind.HEALTH);
        assertThat(r.health().maskedName()).isEqualTo("张*明");
        assertThat(r.keyId()).isEqualTo(Ed25519.keyId(issuer.health.getPublic()));
    }

    @Test
    void validVenueCode() {
        VerificationResult r = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT)
                .verifyVenue(issuer.venue(TestIssuer.venueCode(VENUE)), now);
        assertThat(r.reason()).isEqualTo(Reason.VALID);
        assertThat(r.venue().venueId()).isEqualTo(VENUE);
    }

    @Test
    void notAVenueGateCode() {
        assertThat(kiosk("https://weixin.qq.com/pay/123").reason()).isEqualTo(Reason.NOT_VENUEGATE);
        assertThat(kiosk("").reason()).isEqualTo(Reason.NOT_VENUEGATE);
    }

    @Test
    void malformedTooLargeAndUnsupportedVersion() {
        String good = issuer.green();
        assertThat(kiosk(good.substring(0, 40)).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(kiosk("VGH1:" + "0".repeat(700)).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(kiosk("VGH7:" + good.substring(5)).reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void withoutTrustListNothingIsValid() {
        VerificationResult r = new CodeVerifier(null, VerificationPolicy.DEFAULT).verifyHealth(issuer.green(), VENUE, now, ReplayGuard.NONE);
        assertThat(r.reason()).isEqualTo(Reason.NO_TRUST_LIST);
        assertThat(r.authentic()).isFalse();
    }

    @Test
    void unknownKey() {
        KeyPair stranger = Ed25519.generate();
        String text = CodeFormat.encodeHealth(TestIssuer.greenAt(VENUE, T0, 1), stranger.getPrivate(), stranger.getPublic());
        assertThat(kiosk(text).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void venueKeyCannotSignHealthCodes() {
        String text = CodeFormat.encodeHealth(TestIssuer.greenAt(VENUE, T0, 1), issuer.venue.getPrivate(), issuer.venue.getPublic());
        assertThat(kiosk(text).reason()).isEqualTo(Reason.WRONG_KEY_PURPOSE);
    }

    @Test
    void revokedKey() {
        issuer.revokedKeys.add(Ed25519.keyId(issuer.health.getPublic()));
        assertThat(kiosk(issuer.green()).reason()).isEqualTo(Reason.REVOKED_KEY);
    }

    @Test
    void forgedSignatureWhereKeyIdIsCopied() {
        // A forger who copies a real key id but signs with his own key.
        KeyPair forger = Ed25519.generate();
        String forged = CodeFormat.encodeHealth(TestIssuer.greenAt(VENUE, T0, 1), forger.getPrivate(), issuer.health.getPublic());
        VerificationResult r = kiosk(forged);
        assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(r.authentic()).isFalse();
    }

    @Test
    void alteredContentBreaksTheSignature() {
        String good = issuer.green();
        byte[] body = org.venuegate.core.code.Base45.decode(good.substring(5));
        body[12] ^= 0x01; // inside the masked name
        String altered = "VGH1:" + org.venuegate.core.code.Base45.encode(body);
        assertThat(kiosk(altered).reason()).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
    }

    @Test
    void codeIssuedOutsideTheKeyWindow() {
        String text = issuer.health(TestIssuer.greenAt(VENUE, T0.minus(Duration.ofDays(400)), 5));
        VerificationResult r = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT)
                .verifyHealth(text, VENUE, T0.minus(Duration.ofDays(400)).plusSeconds(5), ReplayGuard.NONE);
        assertThat(r.reason()).isEqualTo(Reason.KEY_NOT_VALID);
    }

    @Test
    void expiredNotYetValidAndStale() {
        String text = issuer.health(TestIssuer.greenAt(VENUE, T0, 9));
        CodeVerifier v = new CodeVerifier(issuer.trustList(), new VerificationPolicy(Duration.ofMinutes(3), Duration.ofMinutes(2)));
        assertThat(v.verifyHealth(text, VENUE, T0.plusSeconds(601), ReplayGuard.NONE).reason()).isEqualTo(Reason.EXPIRED);
        assertThat(v.verifyHealth(text, VENUE, T0.minusSeconds(121), ReplayGuard.NONE).reason()).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(v.verifyHealth(text, VENUE, T0.minusSeconds(119), ReplayGuard.NONE).reason()).isEqualTo(Reason.VALID);
        assertThat(v.verifyHealth(text, VENUE, T0.plusSeconds(181), ReplayGuard.NONE).reason()).isEqualTo(Reason.STALE_ADMISSION);
        assertThat(v.verifyHealth(text, VENUE, T0.plusSeconds(179), ReplayGuard.NONE).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void unveiledForAnotherVenue() {
        VerificationResult r = kiosk(issuer.health(TestIssuer.greenAt(VENUE + 1, T0, 3)));
        assertThat(r.reason()).isEqualTo(Reason.OTHER_VENUE);
        assertThat(r.authentic()).isTrue();
    }

    @Test
    void replayedNonce() {
        CodeVerifier v = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT);
        Set<Long> used = Set.of(77L);
        assertThat(v.verifyHealth(issuer.green(), VENUE, now, used::contains).reason()).isEqualTo(Reason.REPLAYED_NONCE);
    }

    @Test
    void revokedVenueForBothKinds() {
        issuer.revokedVenues.add(VENUE);
        assertThat(kiosk(issuer.green()).reason()).isEqualTo(Reason.REVOKED_VENUE);
        VerificationResult venue = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT)
                .verifyVenue(issuer.venue(TestIssuer.venueCode(VENUE)), now);
        assertThat(venue.reason()).isEqualTo(Reason.REVOKED_VENUE);
    }

    @Test
    void wrongKindEitherWay() {
        CodeVerifier v = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT);
        assertThat(v.verifyHealth(issuer.venue(TestIssuer.venueCode(VENUE)), VENUE, now, ReplayGuard.NONE).reason())
                .isEqualTo(Reason.VENUE_CODE_NOT_HEALTH);
        assertThat(v.verifyVenue(issuer.green(), now).reason()).isEqualTo(Reason.HEALTH_CODE_NOT_VENUE);
    }

    @Test
    void relabelledKindNeverVerifies() {
        String health = issuer.green();
        VerificationResult r = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT)
                .verifyVenue("VGV1:" + health.substring(5), now);
        assertThat(r.valid()).isFalse();
    }

    @Test
    void rotationKeepsOldCodesValidDuringOverlapAndRevocationEndsThem() {
        KeyPair next = Ed25519.generate();
        Instant rotatedAt = T0.plusSeconds(60);
        TrustedKey old = TrustedKey.of(issuer.health.getPublic(), KeyPurpose.HEALTH, T0.minus(Duration.ofDays(30)), rotatedAt.plus(Duration.ofDays(7)));
        TrustedKey fresh = TrustedKey.of(next.getPublic(), KeyPurpose.HEALTH, rotatedAt, rotatedAt.plus(Duration.ofDays(730)));
        TrustList rotated = new TrustList(2, rotatedAt, List.of(old, fresh), List.of(), List.of());
        CodeVerifier v = new CodeVerifier(rotated, VerificationPolicy.DEFAULT);

        Instant inOverlap = rotatedAt.plus(Duration.ofDays(3));
        String byOld = issuer.health(TestIssuer.greenAt(VENUE, inOverlap, 1));
        String byNew = CodeFormat.encodeHealth(TestIssuer.greenAt(VENUE, inOverlap, 2), next.getPrivate(), next.getPublic());
        assertThat(v.verifyHealth(byOld, VENUE, inOverlap.plusSeconds(5), ReplayGuard.NONE).reason()).isEqualTo(Reason.VALID);
        assertThat(v.verifyHealth(byNew, VENUE, inOverlap.plusSeconds(5), ReplayGuard.NONE).reason()).isEqualTo(Reason.VALID);

        Instant afterOverlap = rotatedAt.plus(Duration.ofDays(8));
        String lateOld = issuer.health(TestIssuer.greenAt(VENUE, afterOverlap, 3));
        assertThat(v.verifyHealth(lateOld, VENUE, afterOverlap.plusSeconds(5), ReplayGuard.NONE).reason()).isEqualTo(Reason.KEY_NOT_VALID);

        TrustList revoked = new TrustList(3, rotatedAt, List.of(old, fresh), List.of(old.keyId()), List.of());
        assertThat(new CodeVerifier(revoked, VerificationPolicy.DEFAULT)
                .verifyHealth(byOld, VENUE, inOverlap.plusSeconds(5), ReplayGuard.NONE).reason()).isEqualTo(Reason.REVOKED_KEY);
    }

    @Test
    void inspectAcceptsEitherKindWithoutAVenue() {
        CodeVerifier v = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT);
        assertThat(v.verify(issuer.health(TestIssuer.greenAt(1, T0, 1)), Optional.empty(), OptionalLong.empty(), now, ReplayGuard.NONE).reason())
                .isEqualTo(Reason.VALID);
        assertThat(v.verify(issuer.venue(TestIssuer.venueCode(3)), Optional.empty(), OptionalLong.empty(), now, ReplayGuard.NONE).reason())
                .isEqualTo(Reason.VALID);
    }
}
