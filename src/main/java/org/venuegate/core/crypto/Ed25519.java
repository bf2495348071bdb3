package org.venuegate.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signing and verification, plus the key-id derivation every code and trust list uses.
 *
 * <p>Keys stay JDK {@link PublicKey}/{@link PrivateKey} objects with their standard encodings (X.509 and PKCS#8, stored
 * as Base64), so key rings, trust lists, device files and codes are unchanged. Signing and verifying go through Bouncy
 * Castle's low-level Ed25519, called as its {@link Ed25519Signer} calls it, on the raw 32-byte keys taken from those
 * encodings (no JCA provider is registered): several times faster than the JDK 17 provider, with the same signatures (Ed25519 is deterministic) —
 * {@code Ed25519CrossCheckTest} holds the two to that against {@link JdkEd25519}.
 */
public final class Ed25519 {
    public static final int SIGNATURE_LENGTH = 64;
    /** Key ids are the first bytes of SHA-256 over the X.509 public key: a lookup hint, the signature is the proof. */
    public static final int KEY_ID_LENGTH = 4;
    /** Raw public key and private seed length (RFC 8032). */
    public static final int RAW_KEY_LENGTH = 32;

    /** DER of SubjectPublicKeyInfo { AlgorithmIdentifier { id-Ed25519 }, BIT STRING (32 bytes) } up to the key bytes. */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112"); // RFC 8410
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * Signing needs the public key, which BC derives from the seed (as long as a signature takes) and caches in its
     * parameter object. Callers decode their private key anew for each signature, so the parameter objects of the last
     * few keys are kept here, by encoding; they hold nothing the caller's key does not.
     */
    private static final int SIGNING_KEYS_CACHED = 16;
    private static final Map<ByteBuffer, Ed25519PrivateKeyParameters> SIGNING_KEYS = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Ed25519PrivateKeyParameters> eldest) {
            return size() > SIGNING_KEYS_CACHED;
        }
    };

    /**
     * Set by the test build ({@code -Dvenuegate.ed25519.crossCheck=true}): every signature made and checked is made and
     * checked by the JDK provider too, and a difference is an {@link AssertionError}, so a whole test run compares the
     * two on every signature it touches. Off in the product.
     */
    private static final boolean CROSS_CHECK = Boolean.getBoolean("venuegate.ed25519.crossCheck");
    private static final java.util.concurrent.atomic.AtomicLong CROSS_CHECKED = new java.util.concurrent.atomic.AtomicLong();

    private Ed25519() {
    }

    /** How many signs and verifies the cross-check mode has compared with the JDK in this JVM (0 when it is off). */
    public static long crossChecked() {
        return CROSS_CHECKED.get();
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without Ed25519", e);
        }
    }

    /** @throws IllegalArgumentException if the key is not an Ed25519 private key */
    public static byte[] sign(PrivateKey key, byte[] message) {
        byte[] signature = signBc(key, message);
        if (CROSS_CHECK) {
            CROSS_CHECKED.incrementAndGet();
            if (!Arrays.equals(signature, JdkEd25519.sign(key, message))) {
                throw new AssertionError("Bouncy Castle and the JDK made different Ed25519 signatures");
            }
        }
        return signature;
    }

    /** Never throws for bad input: a malformed signature, key or message is simply not valid. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519PublicKeyParameters params = bcKey(key);
        boolean valid = params != null && verify(params, message, signature);
        if (CROSS_CHECK) {
            CROSS_CHECKED.incrementAndGet();
            boolean jdk = JdkEd25519.verify(key, message, signature);
            // the one allowed difference: BC refuses a key of small order, under which the JDK accepts forgeries
            if (jdk != valid && !(params == null && jdk)) {
                throw new AssertionError("Bouncy Castle says " + valid + ", the JDK " + jdk + " for one Ed25519 signature");
            }
        }
        return valid;
    }

    /** {@link #sign} without the cross-check, for the test that compares the two itself. */
    static byte[] signBc(PrivateKey key, byte[] message) {
        // what Ed25519Signer does, without first copying the whole message into its growing buffer
        byte[] signature = new byte[SIGNATURE_LENGTH];
        signingKey(key).sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length,
                signature, 0);
        return signature;
    }

    /** {@link #verify} without the cross-check, for the test that compares the two itself. */
    static boolean verifyBc(PublicKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519PublicKeyParameters params = bcKey(key);
        return params != null && verify(params, message, signature);
    }

    /**
     * Decoded verifying keys by their raw bytes: decoding one (decompressing its point) costs about a tenth of a
     * verification, and the hub checks every batch of a kiosk against the same key. Bounded: a city's fleet fits, a
     * stream of made-up keys does not grow it for ever.
     */
    private static final Map<ByteBuffer, Ed25519PublicKeyParameters> VERIFYING_KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int VERIFYING_KEYS_CACHED = 100_000;

    /** BC's parameters for the key, or null when it is not an Ed25519 key, its point is not on the curve or is of small order. */
    private static Ed25519PublicKeyParameters bcKey(PublicKey key) {
        try {
            byte[] raw = rawPublic(key);
            if (raw == null) {
                return null;
            }
            ByteBuffer id = ByteBuffer.wrap(raw);
            Ed25519PublicKeyParameters known = VERIFYING_KEYS.get(id);
            if (known != null) {
                return known;
            }
            Ed25519PublicKeyParameters params = new Ed25519PublicKeyParameters(raw, 0);
            if (VERIFYING_KEYS.size() >= VERIFYING_KEYS_CACHED) {
                VERIFYING_KEYS.clear();
            }
            VERIFYING_KEYS.put(id, params);
            return params;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        try {
            // what Ed25519Signer does, without first copying the whole message into its growing buffer
            return key.verify(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length,
                    signature, 0);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The 32 key bytes of an X.509-encoded Ed25519 public key, or null when the key is not one. */
    public static byte[] rawPublic(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != X509_PREFIX.length + RAW_KEY_LENGTH
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            return null; // DER is unique: every Ed25519 public key encodes to exactly this prefix and 32 bytes
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** @throws IllegalArgumentException if the key is not an Ed25519 private key */
    public static byte[] rawPrivate(PrivateKey key) {
        if (key instanceof EdECPrivateKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            byte[] seed = ed.getBytes().orElseThrow(() -> new IllegalArgumentException("Ed25519 private key without its bytes"));
            if (seed.length == RAW_KEY_LENGTH) {
                return seed;
            }
        }
        byte[] der = key == null ? null : key.getEncoded();
        if (der == null) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            if (!ID_ED25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                throw new IllegalArgumentException("not an Ed25519 private key: " + info.getPrivateKeyAlgorithm().getAlgorithm());
            }
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != RAW_KEY_LENGTH) {
                throw new IllegalArgumentException("Ed25519 private key of " + seed.length + " bytes");
            }
            return seed;
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key", e);
        }
    }

    private static Ed25519PrivateKeyParameters signingKey(PrivateKey key) {
        byte[] der = key == null ? null : key.getEncoded();
        ByteBuffer id = der == null ? null : ByteBuffer.wrap(der);
        if (id != null) {
            synchronized (SIGNING_KEYS) {
                Ed25519PrivateKeyParameters cached = SIGNING_KEYS.get(id);
                if (cached != null) {
                    return cached;
                }
            }
        }
        Ed25519PrivateKeyParameters params = new Ed25519PrivateKeyParameters(rawPrivate(key), 0);
        if (id != null) {
            synchronized (SIGNING_KEYS) {
                SIGNING_KEYS.put(id, params);
            }
        }
        return params;
    }

    public static byte[] keyIdBytes(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Arrays.copyOf(digest, KEY_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(keyIdBytes(key));
    }

    public static String encodePublic(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encodePrivate(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @throws IllegalArgumentException if the text is not a Base64 X.509 Ed25519 public key */
    public static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Base64 X.509 Ed25519 public key", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a Base64 PKCS#8 Ed25519 private key */
    public static PrivateKey decodePrivate(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Base64 PKCS#8 Ed25519 private key", e);
        }
    }
}
