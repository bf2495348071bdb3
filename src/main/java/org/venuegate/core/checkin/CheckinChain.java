package org.venuegate.core.checkin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain a kiosk keeps over its check-ins, and what a batch signature covers. The kiosk's journal writes it;
 * the hub recomputes it from what a batch says, so both sides must hash exactly the same bytes: this class is the one
 * definition of them.
 */
public final class CheckinChain {
    /** The chain value before the first record. */
    public static final String ZERO = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread (digest() resets it): the hub recomputes a link for every check-in it receives. */
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(CheckinChain::sha256);

    private CheckinChain() {
    }

    /**
     * One record's content as the chain covers it, in the text form both sides have (enum names as strings).
     *
     * @param outcome PASS or STOP
     */
    public record Link(String id, long seq, long venueId, String subject, boolean manual, String outcome, String reason,
                       String colour, boolean proxy, Long nonce, long decidedAtMillis, long scanMicros) {
    }

    /** chain = SHA-256(previous chain bytes || canonical bytes of this record), hex. */
    public static String next(String previousHex, Link link) {
        MessageDigest sha = SHA.get();
        sha.update(HEX.parseHex(previousHex));
        sha.update(canonical(link));
        return HEX.formatHex(sha.digest());
    }

    /** True for 64 lower-case hex digits, the only form a chain value has. */
    public static boolean isChainValue(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Length-prefixed fields in a fixed order with a version tag, so no two different records share bytes and a
     * future field can be added under a new tag. The layout is that of {@link java.io.DataOutputStream}
     * ({@code writeUTF}, big-endian longs, one byte per boolean), written by hand because the hub computes it for
     * every check-in it receives; {@code CheckinChainTest} holds it to the stream's bytes.
     */
    public static byte[] canonical(Link l) {
        Out out = new Out(96 + l.id().length());
        out.utf("VGJ1");
        out.utf(l.id());
        out.longValue(l.seq());
        out.longValue(l.venueId());
        out.optional(l.subject());
        out.bool(l.manual());
        out.utf(l.outcome());
        out.optional(l.reason());
        out.optional(l.colour());
        out.bool(l.proxy());
        out.bool(l.nonce() != null);
        out.longValue(l.nonce() == null ? 0 : l.nonce());
        out.longValue(l.decidedAtMillis());
        out.longValue(l.scanMicros());
        return out.bytes();
    }

    /** One item of a batch as its signature covers it. */
    public record Signed(long seq, String chain) {
    }

    /**
     * The bytes a device signs for a batch: its device id and every item's sequence number and chain value, in the
     * order sent. Each chain value commits to its record's content and to the chain before it, so the signature over
     * them covers the whole batch, its head included; the device id keeps one device's batch from passing as another's.
     */
    public static byte[] batchMessage(long deviceId, List<Signed> items) {
        Out out = new Out(18 + items.size() * 74);
        out.utf("VGB1");
        out.longValue(deviceId);
        out.intValue(items.size());
        for (Signed s : items) {
            out.longValue(s.seq());
            out.utf(s.chain() == null ? "" : s.chain());
        }
        return out.bytes();
    }

    /** A growing byte buffer with {@link java.io.DataOutputStream}'s encodings. */
    private static final class Out {
        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void bool(boolean v) {
            room(1);
            buf[n++] = (byte) (v ? 1 : 0);
        }

        void intValue(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buf[n++] = (byte) (v >>> shift);
            }
        }

        void longValue(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[n++] = (byte) (v >>> shift);
            }
        }

        void optional(String s) {
            bool(s != null);
            utf(s == null ? "" : s);
        }

        /** Modified UTF-8 with an unsigned 16-bit length, as {@code DataOutputStream.writeUTF} writes it. */
        void utf(String s) {
            int length = s.length();
            int encoded = 0;
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                encoded += c >= 0x0001 && c <= 0x007F ? 1 : c > 0x07FF ? 3 : 2;
            }
            if (encoded > 65535) {
                throw new IllegalArgumentException("a text of " + encoded + " bytes is longer than a chain field may be");
            }
            room(2 + encoded);
            buf[n++] = (byte) (encoded >>> 8);
            buf[n++] = (byte) encoded;
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c >= 0x0001 && c <= 0x007F) {
                    buf[n++] = (byte) c;
                } else if (c > 0x07FF) {
                    buf[n++] = (byte) (0xE0 | c >> 12 & 0x0F);
                    buf[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[n++] = (byte) (0x80 | c & 0x3F);
                } else {
                    buf[n++] = (byte) (0xC0 | c >> 6 & 0x1F);
                    buf[n++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        byte[] bytes() {
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
