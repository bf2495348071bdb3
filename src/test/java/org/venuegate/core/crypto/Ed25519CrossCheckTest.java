package org.venuegate.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle ({@link Ed25519}) against the JDK provider ({@link JdkEd25519}) over thousands of random keys and
 * messages: the same signature bytes, each verifying the other's, and the same "no" to every damaged signature,
 * message, key and length. Size from -Dvenuegate.ed25519.count (default 3000).
 */
class Ed25519CrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    private static final String X509_PREFIX = "302a300506032b6570032100";
    /** The group order L of Ed25519's base point. */
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private final SplittableRandom random = new SplittableRandom(20261201L);

    @Test
    void sameSignaturesAndVerdictsOverRandomKeysAndMessages() {
        int count = Integer.getInteger("venuegate.ed25519.count", 2000);
        int damaged = 0;
        for (int i = 0; i < count; i++) {
            KeyPair pair = i % 10 == 0 ? Ed25519.generate() : fromSeed(bytes(32));
            byte[] message = bytes(random.nextInt(0, 400));

            byte[] bc = Ed25519.signBc(pair.getPrivate(), message);
            byte[] jdk = JdkEd25519.sign(pair.getPrivate(), message);
            assertThat(bc).as("signature %d", i).isEqualTo(jdk); // Ed25519 is deterministic
            assertThat(Ed25519.verifyBc(pair.getPublic(), message, jdk)).as("BC verifies the JDK's signature %d", i).isTrue();
            assertThat(JdkEd25519.verify(pair.getPublic(), message, bc)).as("JDK verifies BC's signature %d", i).isTrue();

            byte[] badSig = bc.clone();
            badSig[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            agreeNo(pair.getPublic(), message, badSig, "flipped signature bit", i);
            switch (i % 5) {
                case 0 -> agreeNo(fromSeed(bytes(32)).getPublic(), message, bc, "another key", i);
                case 1 -> agreeNo(pair.getPublic(), message, bytes(64), "random signature", i);
                case 2 -> agreeNo(pair.getPublic(), message, withS(bc, s(bc).add(L)), "S + L (not reduced)", i);
                case 3 -> agreeNo(pair.getPublic(), message, withR(bc, bytes(32)), "random R", i);
                default -> agreeNo(pair.getPublic(), flipOne(message), bc, "changed message", i);
            }
            damaged += 2;
        }
        assertThat(damaged).isEqualTo(2 * count);
    }

    private byte[] flipOne(byte[] message) {
        if (message.length == 0) {
            return new byte[] {0};
        }
        byte[] changed = message.clone();
        changed[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
        return changed;
    }

    @Test
    void keysAndKeyIdsAreTheJdkOnes() {
        for (int i = 0; i < 200; i++) {
            KeyPair jdk = Ed25519.generate();
            byte[] seed = Ed25519.rawPrivate(jdk.getPrivate());
            byte[] derived = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            assertThat(derived).isEqualTo(Ed25519.rawPublic(jdk.getPublic()));
            PublicKey again = Ed25519.decodePublic(Ed25519.encodePublic(jdk.getPublic()));
            assertThat(Ed25519.keyId(again)).isEqualTo(Ed25519.keyId(jdk.getPublic()));
            assertThat(Ed25519.rawPrivate(Ed25519.decodePrivate(Ed25519.encodePrivate(jdk.getPrivate())))).isEqualTo(seed);
        }
    }

    /** RFC 8032, section 7.1, test 2: a fixed key, message and signature, so both sides are also right, not just alike. */
    @Test
    void rfc8032TestVector() {
        KeyPair pair = fromSeed(HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertThat(HEX.formatHex(Ed25519.rawPublic(pair.getPublic())))
                .isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        byte[] message = {0x72};
        String expected = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";
        assertThat(HEX.formatHex(Ed25519.sign(pair.getPrivate(), message))).isEqualTo(expected);
        assertThat(Ed25519.verify(pair.getPublic(), message, HEX.parseHex(expected))).isTrue();
        assertThat(JdkEd25519.verify(pair.getPublic(), message, HEX.parseHex(expected))).isTrue();
    }

    @Test
    void wrongLengthsAndNullsAreNoAndNeverThrow() {
        KeyPair pair = fromSeed(bytes(32));
        byte[] message = bytes(50);
        byte[] sig = Ed25519.sign(pair.getPrivate(), message);
        for (int len : new int[] {0, 1, 31, 32, 63, 65, 128}) {
            byte[] wrong = java.util.Arrays.copyOf(sig, len);
            assertThat(Ed25519.verify(pair.getPublic(), message, wrong)).as("length %d", len).isFalse();
            assertThat(JdkEd25519.verify(pair.getPublic(), message, wrong)).as("length %d", len).isFalse();
        }
        assertThat(Ed25519.verify(pair.getPublic(), message, null)).isFalse();
        assertThat(Ed25519.verify(pair.getPublic(), null, sig)).isFalse();
        assertThat(Ed25519.verify(null, message, sig)).isFalse();
        assertThat(Ed25519.verify(rsaPublicKey(), message, sig)).isFalse();
        assertThat(Ed25519.verify(pair.getPublic(), message, new byte[64])).isFalse();
        assertThatThrownBy(() -> Ed25519.sign(null, message)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Keys not on the curve: BC refuses them in its key constructor, which verify turns into "no". */
    @Test
    void publicKeysOffTheCurveAreNo() {
        byte[] message = bytes(20);
        byte[] sig = Ed25519.sign(fromSeed(bytes(32)).getPrivate(), message);
        int offCurve = 0;
        for (int i = 0; i < 500; i++) {
            PublicKey key = publicFromRaw(bytes(32));
            if (key == null) {
                continue; // the JDK refused the encoding itself
            }
            offCurve++;
            agreeNo(key, message, sig, "random public key", i);
        }
        assertThat(offCurve).isPositive();
    }

    /**
     * The one disagreement found: a public key of small order (here the identity point). The JDK 17 provider accepts a
     * signature (R = B, S = 1) under it for <em>every</em> message; BC refuses the key. Such a key could only reach a
     * kiosk inside a trust list signed by the root, but refusing it is the right answer, and this pins it.
     */
    @Test
    void smallOrderPublicKeyIsRefusedWhereTheJdkAcceptedAnyMessage() {
        byte[] identity = new byte[32];
        identity[0] = 1;
        PublicKey weak = publicFromRaw(identity);
        byte[] anything = "any message at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sig = HEX.parseHex("5866666666666666666666666666666666666666666666666666666666666666"
                + "0100000000000000000000000000000000000000000000000000000000000000");
        assertThat(JdkEd25519.verify(weak, anything, sig)).as("JDK 17 accepts it (documented here, not wanted)").isTrue();
        assertThat(Ed25519.verify(weak, anything, sig)).isFalse();
    }

    /** The build runs every test with the cross-check on; this shows it is live (skipped where it is off, as in an IDE). */
    @Test
    void crossCheckModeComparesEverySignatureOfTheRun() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("venuegate.ed25519.crossCheck"));
        KeyPair pair = fromSeed(bytes(32));
        long before = Ed25519.crossChecked();
        byte[] sig = Ed25519.sign(pair.getPrivate(), new byte[] {1, 2, 3});
        assertThat(Ed25519.verify(pair.getPublic(), new byte[] {1, 2, 3}, sig)).isTrue();
        assertThat(Ed25519.crossChecked()).isGreaterThanOrEqualTo(before + 2);
    }

    private void agreeNo(PublicKey key, byte[] message, byte[] sig, String what, int i) {
        boolean bc = Ed25519.verifyBc(key, message, sig);
        boolean jdk = JdkEd25519.verify(key, message, sig);
        assertThat(bc).as("BC on %s, case %d", what, i).isFalse();
        assertThat(jdk).as("JDK on %s, case %d", what, i).isFalse();
    }

    private KeyPair fromSeed(byte[] seed) {
        PrivateKey priv = Ed25519.decodePrivate(Base64.getEncoder().encodeToString(HEX.parseHex(PKCS8_PREFIX + HEX.formatHex(seed))));
        byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        return new KeyPair(publicFromRaw(pub), priv);
    }

    private static PublicKey publicFromRaw(byte[] raw) {
        try {
            return Ed25519.decodePublic(Base64.getEncoder().encodeToString(HEX.parseHex(X509_PREFIX + HEX.formatHex(raw))));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static BigInteger s(byte[] sig) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = sig[63 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] withS(byte[] sig, BigInteger s) {
        byte[] out = sig.clone();
        byte[] be = s.toByteArray();
        java.util.Arrays.fill(out, 32, 64, (byte) 0);
        for (int i = 0; i < Math.min(32, be.length); i++) {
            out[32 + i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static byte[] withR(byte[] sig, byte[] r) {
        byte[] out = sig.clone();
        System.arraycopy(r, 0, out, 0, 32);
        return out;
    }

    private static PublicKey rsaPublicKey() {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            return g.generateKeyPair().getPublic();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
