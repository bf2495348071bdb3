package org.venuegate.core.code;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): binary to the QR alphanumeric character set, so a QR encodes our codes in alphanumeric mode
 * (5.5 bits per character) instead of byte mode. Hand-written because it is 60 lines and no well-kept Maven artifact
 * offers it without dragging in a COVID-certificate stack.
 */
public final class Base45 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] DECODE = new int[128];

    static {
        java.util.Arrays.fill(DECODE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DECODE[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length / 2) * 3 + 2);
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int n = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            out.append(ALPHABET.charAt(n % 45));
            n /= 45;
            out.append(ALPHABET.charAt(n % 45));
            out.append(ALPHABET.charAt(n / 45));
        }
        if (i < data.length) {
            int n = data[i] & 0xff;
            out.append(ALPHABET.charAt(n % 45));
            out.append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException with a specific reason when the text is not valid Base45 */
    public static byte[] decode(CharSequence text) {
        int len = text.length();
        if (len % 3 == 1) {
            throw new IllegalArgumentException("Base45 length " + len + " leaves a single dangling character");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len * 2 / 3 + 1);
        int i = 0;
        for (; i + 2 < len; i += 3) {
            int n = value(text, i) + value(text, i + 1) * 45 + value(text, i + 2) * 45 * 45;
            if (n > 0xffff) {
                throw new IllegalArgumentException("Base45 triplet at " + i + " exceeds 65535");
            }
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        if (i < len) {
            int n = value(text, i) + value(text, i + 1) * 45;
            if (n > 0xff) {
                throw new IllegalArgumentException("Base45 final pair at " + i + " exceeds 255");
            }
            out.write(n);
        }
        return out.toByteArray();
    }

    private static int value(CharSequence text, int index) {
        char c = text.charAt(index);
        int v = c < 128 ? DECODE[c] : -1;
        if (v < 0) {
            throw new IllegalArgumentException("Character '" + c + "' at " + index + " is not Base45");
        }
        return v;
    }
}
