package org.venuegate.kiosk.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.kiosk.setup.VenueBinder.Outcome;

/** Every way of binding a kiosk to its venue ends in its own outcome, with real signed codes. */
class VenueBinderTest {
    @TempDir
    Path dir;

    private final TestIssuer issuer = new TestIssuer();

    private VenueBinder binder() {
        return new VenueBinder(issuer::trustList, TestIssuer.VENUE, () -> TestIssuer.T0, dir);
    }

    private String poster(long venueId) {
        return issuer.venue(TestIssuer.venueCode(venueId));
    }

    @Test
    void theRightPosterBindsAndIsStored() throws IOException {
        VenueBinder.Result r = binder().bind(poster(TestIssuer.VENUE), VenueBinding.Via.CAMERA);
        assertThat(r.outcome()).isEqualTo(Outcome.BOUND);
        assertThat(r.scanned().name()).isEqualTo("天津市和平区滨江道百货大楼");
        VenueBinding stored = VenueBinding.load(dir).orElseThrow();
        assertThat(stored.venueId()).isEqualTo(TestIssuer.VENUE);
        assertThat(stored.venueName()).isEqualTo("天津市和平区滨江道百货大楼");
        assertThat(stored.codeText()).startsWith("VGV1:");
        assertThat(stored.keyId()).isEqualTo(Ed25519.keyId(issuer.venue.getPublic()));
        assertThat(stored.via()).isEqualTo(VenueBinding.Via.CAMERA);
        assertThat(stored.boundAt()).isEqualTo(TestIssuer.T0);
    }

    @Test
    void aScannersLineEndIsNotPartOfTheCode() throws IOException {
        assertThat(binder().bind("  " + poster(TestIssuer.VENUE) + "\r\n", VenueBinding.Via.TYPED).outcome()).isEqualTo(Outcome.BOUND);
        assertThat(VenueBinding.load(dir).orElseThrow().via()).isEqualTo(VenueBinding.Via.TYPED);
    }

    @Test
    void anotherVenuesPosterIsRefusedAndNamed() throws IOException {
        VenueBinder.Result r = binder().bind(poster(TestIssuer.VENUE + 1), VenueBinding.Via.CAMERA);
        assertThat(r.outcome()).isEqualTo(Outcome.WRONG_VENUE);
        assertThat(r.scanned().venueId()).isEqualTo(TestIssuer.VENUE + 1);
        assertThat(VenueBinding.load(dir)).isEmpty();
        // a revoked code of another venue is first of all the wrong poster
        issuer.revokedVenues.add(TestIssuer.VENUE + 1);
        assertThat(binder().check(poster(TestIssuer.VENUE + 1)).outcome()).isEqualTo(Outcome.WRONG_VENUE);
    }

    @Test
    void aForgedSignatureIsRefusedAndItsContentNotTrusted() throws IOException {
        KeyPair forger = Ed25519.generate();
        // the forger copies the real key id but signs with his own key
        String forged = CodeFormat.encodeVenue(TestIssuer.venueCode(TestIssuer.VENUE), forger.getPrivate(), issuer.venue.getPublic());
        VenueBinder.Result r = binder().bind(forged, VenueBinding.Via.CAMERA);
        assertThat(r.outcome()).isEqualTo(Outcome.FORGED);
        assertThat(r.scanned()).isNull();
        assertThat(VenueBinding.load(dir)).isEmpty();
        String healthKeySigned = CodeFormat.encodeVenue(TestIssuer.venueCode(TestIssuer.VENUE), issuer.health.getPrivate(),
                issuer.health.getPublic());
        assertThat(binder().check(healthKeySigned).outcome()).isEqualTo(Outcome.FORGED);
        String ownKey = CodeFormat.encodeVenue(TestIssuer.venueCode(TestIssuer.VENUE), forger.getPrivate(), forger.getPublic());
        assertThat(binder().check(ownKey).outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
    }

    @Test
    void revokedVenueAndRevokedKeyAreRefused() throws IOException {
        issuer.revokedVenues.add(TestIssuer.VENUE);
        assertThat(binder().bind(poster(TestIssuer.VENUE), VenueBinding.Via.CAMERA).outcome()).isEqualTo(Outcome.REVOKED_VENUE);
        issuer.revokedVenues.clear();
        issuer.revokedKeys.add(Ed25519.keyId(issuer.venue.getPublic()));
        assertThat(binder().bind(poster(TestIssuer.VENUE), VenueBinding.Via.CAMERA).outcome()).isEqualTo(Outcome.REVOKED_KEY);
        assertThat(VenueBinding.load(dir)).isEmpty();
    }

    @Test
    void aHealthCodeIsNotAVenueCode() {
        assertThat(binder().check(issuer.green()).outcome()).isEqualTo(Outcome.HEALTH_CODE);
    }

    @Test
    void otherTextGarbageAndNothing() {
        assertThat(binder().check("https://qr.alipay.com/pay123").outcome()).isEqualTo(Outcome.NOT_A_VENUE_CODE);
        assertThat(binder().check("\u0000\u00ff垃圾").outcome()).isEqualTo(Outcome.NOT_A_VENUE_CODE);
        String good = poster(TestIssuer.VENUE);
        assertThat(binder().check(good.substring(0, 30)).outcome()).isEqualTo(Outcome.DAMAGED);
        assertThat(binder().check("VGV1:!!!!").outcome()).isEqualTo(Outcome.DAMAGED);
        assertThat(binder().check("VGV9:" + good.substring(5)).outcome()).isEqualTo(Outcome.DAMAGED);
        assertThat(binder().check(" \r\n").outcome()).isEqualTo(Outcome.EMPTY);
        assertThat(binder().check(null).outcome()).isEqualTo(Outcome.EMPTY);
    }

    @Test
    void withoutATrustListNothingBinds() {
        VenueBinder none = new VenueBinder(() -> null, TestIssuer.VENUE, () -> TestIssuer.T0, dir);
        assertThat(none.check(poster(TestIssuer.VENUE)).outcome()).isEqualTo(Outcome.NO_TRUST_LIST);
    }

    @Test
    void aBindingThatCannotBeWrittenFailsLoudly() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        VenueBinder b = new VenueBinder(issuer::trustList, TestIssuer.VENUE, () -> TestIssuer.T0, notADir);
        assertThatThrownBy(() -> b.bind(poster(TestIssuer.VENUE), VenueBinding.Via.CAMERA)).isInstanceOf(IOException.class);
    }

    @Test
    void aDamagedBindingFileSaysSo() throws IOException {
        Files.writeString(dir.resolve(VenueBinding.NAME), "{\"venueId\": ");
        assertThatThrownBy(() -> VenueBinding.load(dir)).hasMessageContaining("damaged").hasMessageContaining("bind the venue again");
    }
}
