package org.venuegate.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Bearer tokens and pairing codes: random, and stored only as SHA-256 so a database dump grants nothing. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Pairing codes are typed by a gatekeeper: no 0/O, 1/I/L confusion. */
    private static final String PAIRING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private Tokens() {
    }

    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Ten characters in groups of five, e.g. {@code 7KQ4M-XW9PD}: about 49 bits, single use, short-lived. */
    public static String newPairingCode() {
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(PAIRING_ALPHABET.charAt(RANDOM.nextInt(PAIRING_ALPHABET.length())));
        }
        return sb.toString();
    }

    public static String normalizePairingCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT).replace(" ", "").replace("-", "");
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
