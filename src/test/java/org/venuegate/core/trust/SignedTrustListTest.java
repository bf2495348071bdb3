package org.venuegate.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.crypto.Ed25519;

class SignedTrustListTest {
    private final TestIssuer issuer = new TestIssuer();

    private String signed() {
        issuer.revokedVenues.add(7L);
        issuer.revokedKeys.add("deadbeef");
        return SignedTrustList.sign(issuer.trustList(), issuer.root.getPrivate(), issuer.root.getPublic());
    }

    @Test
    void opensWithThePinnedRoot() {
        SignedTrustList.Opened o = SignedTrustList.open(signed(), issuer.root.getPublic());
        assertThat(o.ok()).isTrue();
        assertThat(o.list()).isEqualTo(issuer.trustList());
        assertThat(o.list().venueRevoked(7L)).isTrue();
        assertThat(o.list().keyRevoked("deadbeef")).isTrue();
    }

    @Test
    void refusesAnotherRoot() {
        SignedTrustList.Opened o = SignedTrustList.open(signed(), Ed25519.generate().getPublic());
        assertThat(o.problem()).isEqualTo(SignedTrustList.Problem.WRONG_ROOT);
    }

    @Test
    void refusesAnEditedPayload() {
        String original = signed();
        String doc = original.replace("[7]", "[]");
        assertThat(doc).isNotEqualTo(original);
        assertThat(SignedTrustList.open(doc, issuer.root.getPublic()).problem()).isEqualTo(SignedTrustList.Problem.BAD_SIGNATURE);
    }

    @Test
    void refusesGarbageAndOtherFormats() {
        assertThat(SignedTrustList.open("{", issuer.root.getPublic()).problem()).isEqualTo(SignedTrustList.Problem.MALFORMED);
        assertThat(SignedTrustList.open("null", issuer.root.getPublic()).problem()).isEqualTo(SignedTrustList.Problem.MALFORMED);
        assertThat(SignedTrustList.open("{\"format\":\"x\",\"rootKeyId\":\"a\",\"payload\":\"{}\",\"signature\":\"AA==\"}",
                issuer.root.getPublic()).problem()).isEqualTo(SignedTrustList.Problem.UNSUPPORTED_FORMAT);
        assertThat(SignedTrustList.open("{\"format\":\"venuegate-trust-list/1\",\"extra\":1}", issuer.root.getPublic()).problem())
                .isEqualTo(SignedTrustList.Problem.MALFORMED);
    }
}
