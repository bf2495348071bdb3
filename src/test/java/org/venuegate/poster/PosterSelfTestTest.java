package org.venuegate.poster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.Reason;
import org.venuegate.core.verify.VerificationPolicy;

class PosterSelfTestTest {
    @TempDir
    static Path dir;

    static PosterFixtures fixtures;
    static BufferedImage venuePoster;

    @BeforeAll
    static void setUp() throws IOException {
        fixtures = new PosterFixtures(dir.resolve("keys"));
        venuePoster = new PosterRenderer().renderImage(fixtures.venue, PaperSize.A4, ColourMode.COLOUR, 150);
    }

    @Test
    void posterOfOneCodeCheckedAgainstAnotherIsAMismatchNamingWhatItRead() {
        PosterSelfTest.Result r = PosterSelfTest.check(venuePoster, fixtures.mobile.codeText());
        assertThat(r.status()).isEqualTo(PosterSelfTest.Status.MISMATCH);
        assertThat(r.decoded()).isEqualTo(fixtures.venue.codeText());
        assertThat(r.ok()).isFalse();
    }

    @Test
    void blankImageIsNotFound() {
        BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
        g.dispose();
        PosterSelfTest.Result r = PosterSelfTest.check(blank, fixtures.venue.codeText());
        assertThat(r.status()).isEqualTo(PosterSelfTest.Status.NOT_FOUND);
        assertThat(r.decoded()).isNull();

        PosterSelfTest.Verified v = PosterSelfTest.check(blank, fixtures.venue.codeText(), fixtures.verifier(), PosterFixtures.NOW);
        assertThat(v.verification()).isEmpty();
        assertThat(v.passed()).isFalse();
    }

    @Test
    void cameraViewIsTheWidthOfA4AtOneMetre() {
        BufferedImage view = PosterSelfTest.cameraView(venuePoster);
        assertThat(view.getWidth()).isEqualTo(294);
        assertThat(view.getHeight()).isBetween(414, 417); // 297 mm × 1.4 px/mm
        BufferedImage small = new BufferedImage(100, 141, BufferedImage.TYPE_INT_RGB);
        assertThat(PosterSelfTest.cameraView(small).getWidth()).as("never scaled up").isEqualTo(100);
    }

    @Test
    void readableButRevokedVenueFailsVerification() throws IOException {
        PosterFixtures own = new PosterFixtures(dir.resolve("revoking")); // its own ring: the revocation stays here
        BufferedImage poster = new PosterRenderer().renderImage(own.venue, PaperSize.A4, ColourMode.MONO, 150);
        own.ring.revokeVenue(42);
        CodeVerifier revoked = new CodeVerifier(own.ring.nextTrustList(PosterFixtures.NOW, List.of()), VerificationPolicy.DEFAULT);
        PosterSelfTest.Verified v = PosterSelfTest.check(poster, own.venue.codeText(), revoked, PosterFixtures.NOW);
        assertThat(v.scan().ok()).isTrue();
        assertThat(v.verification()).contains(Reason.REVOKED_VENUE);
        assertThat(v.passed()).isFalse();
    }

    @Test
    void codeSignedByAnotherRingIsUnknownKey() throws IOException {
        KeyRing other = KeyRing.init(dir.resolve("other"), PosterFixtures.NOW);
        CodeVerifier stranger = new CodeVerifier(other.nextTrustList(PosterFixtures.NOW, List.of()), VerificationPolicy.DEFAULT);
        PosterSelfTest.Verified v = PosterSelfTest.check(venuePoster, fixtures.venue.codeText(), stranger, PosterFixtures.NOW);
        assertThat(v.verification()).contains(Reason.UNKNOWN_KEY);
        assertThat(v.passed()).isFalse();
    }
}
