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
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    /**
     * One digest and its buffers per thread (digest() resets the digest): the hub recomputes a link for every
     * check-in it receives, so nothing is allocated per link.
     */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private static final class Hasher {
        final MessageDigest sha = sha256();
        final byte[] previous = new byte[32];
        final byte[] digest = new byte[32];
        final Out out = new Out(160);

        /** SHA-256(previous chain bytes || canonical bytes of the record) into {@link #digest}. */
        byte[] link(String previousHex, Link link) {
            decodeChain(previousHex, previous);
            out.n = 0;
            encode(link, out);
            sha.update(previous);
            sha.update(out.buf, 0, out.n);
            try {
                sha.digest(digest, 0, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("SHA-256 gives 32 bytes", e);
            }
            return digest;
        }
    }

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
        return HEX.formatHex(HASHER.get().link(previousHex, link));
    }

    /**
     * True when {@code chainHex} is {@link #next next(previousHex, link)}: the hub's check of every link it receives,
     * without making the hex text of the value it compares.
     *
     * @throws IllegalArgumentException when {@code previousHex} is not 64 hex digits
     */
    public static boolean follows(String previousHex, Link link, String chainHex) {
        if (chainHex == null || chainHex.length() != 64) {
            return false;
        }
        byte[] d = HASHER.get().link(previousHex, link);
        for (int i = 0; i < 32; i++) {
            if (chainHex.charAt(2 * i) != DIGITS[d[i] >> 4 & 0xF] || chainHex.charAt(2 * i + 1) != DIGITS[d[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    /** 64 hex digits of either case into 32 bytes, as {@link HexFormat#parseHex} reads them; looked up as in isChainValue. */
    private static void decodeChain(String hex, byte[] into) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a chain value has 64 hex digits, not " + hex.length());
        }
        int bad = 0;
        for (int i = 0; i < 32; i++) {
            char hi = hex.charAt(2 * i);
            char lo = hex.charAt(2 * i + 1);
            int h = HEX_VALUE[hi & 0x7F] | -(hi >>> 7); // negative for a character that is not a hex digit
            int l = HEX_VALUE[lo & 0x7F] | -(lo >>> 7);
            bad |= h | l;
            into[i] = (byte) (h << 4 | l);
        }
        if (bad < 0) {
            throw new IllegalArgumentException("a chain value has hex digits only: " + hex);
        }
    }

    /** True for 64 lower-case hex digits, the only form a chain value has. */
    public static boolean isChainValue(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        // Every character looked up and the verdict taken once at the end, no branch per character: digits and letters
        // in random order made a branch per character mispredict about a third of the time, several times the work.
        int bad = 0;
        for (int i = 0; i < 64; i++) {
            char ch = s.charAt(i);
            bad |= ch >>> 7 | NOT_LOWER_HEX[ch & 0x7F];
        }
        return bad == 0;
    }

    /** 1 for every ASCII character that is not a lower-case hex digit. */
    private static final byte[] NOT_LOWER_HEX = new byte[128];
    /** The value of every ASCII hex digit of either case, -1 for other characters. */
    private static final byte[] HEX_VALUE = new byte[128];

    static {
        Arrays.fill(NOT_LOWER_HEX, (byte) 1);
        Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            NOT_LOWER_HEX[DIGITS[i]] = 0;
            HEX_VALUE[DIGITS[i]] = (byte) i;
            HEX_VALUE[Character.toUpperCase(DIGITS[i])] = (byte) i;
        }
    }

    /**
     * Length-prefixed fields in a fixed order with a version tag, so no two different records share bytes and a
     * future field can be added under a new tag. The layout is that of {@link java.io.DataOutputStream}
     * ({@code writeUTF}, big-endian longs, one byte per boolean), written by hand because the hub computes it for
     * every check-in it receives; {@code CheckinChainTest} holds it to the stream's bytes.
     */
    public static byte[] canonical(Link l) {
        Out out = new Out(96 + l.id().length());
        encode(l, out);
        return out.bytes();
    }

    private static void encode(Link l, Out out) {
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
        BatchMessage m = new BatchMessage(deviceId, items.size());
        for (Signed s : items) {
            m.add(s.seq(), s.chain());
        }
        return m.bytes();
    }

    /**
     * {@link #batchMessage} item by item, so the hub writes it in the same pass over a batch as its other checks
     * (and no list of {@link Signed} is made).
     */
    /** The bytes a device signs for a batch, item by item, under one scheme. */
    public interface SignedItems {
        /** The next item: its sequence number and chain value (null signs as the empty text). */
        SignedItems add(long seq, String chain);

        byte[] bytes();
    }

    public static final class BatchMessage implements SignedItems {
        private final Out out;
        private int count;

        /** @param expected the items expected, for the buffer's size: exact when every chain value is 64 digits */
        public BatchMessage(long deviceId, int expected) {
            out = new Out(18 + Math.max(0, expected) * 74);
            out.utf(LEGACY_SCHEME);
            out.longValue(deviceId);
            out.intValue(0); // the count, written at the end
        }

        @Override
        public BatchMessage add(long seq, String chain) {
            out.longValue(seq);
            out.utf(chain == null ? "" : chain);
            count++;
            return this;
        }

        @Override
        public byte[] bytes() {
            for (int i = 0, shift = 24; shift >= 0; i++, shift -= 8) {
                out.buf[14 + i] = (byte) (count >>> shift);
            }
            return out.bytes();
        }
    }

    /** The batch signature scheme kiosks signed with before {@link #SCHEME}: {@link #batchMessage} itself is signed. */
    public static final String LEGACY_SCHEME = "VGB1";
    /**
     * The batch signature scheme kiosks sign with: the item bytes of {@link #batchMessage} hashed with SHA-256, and
     * the short {@link BatchDigest} signed. Ed25519 hashes what it signs with SHA-512, which took most of a batch's
     * signature check over 74 kB for a thousand items; SHA-256, with the processor's instructions for it, hashes
     * the same bytes in a fifth of the time, and its collision resistance is what the chain already relies on.
     */
    public static final String SCHEME = "VGB2";

    /**
     * The bytes a device signs for a batch under {@link #SCHEME}: the modified-UTF-8 string {@code VGB2}, the device
     * id, the item count, then SHA-256 of every item's sequence number and chain value as {@link #batchMessage}
     * writes them. Items are hashed as they are added, so no buffer of the whole batch is made.
     */
    public static final class BatchDigest implements SignedItems {
        /** Item bytes gathered before they are hashed: large enough that the digest works on whole runs of blocks. */
        private static final int CHUNK = 8192;
        private final MessageDigest sha = sha256();
        private final Out out = new Out(CHUNK + 128);
        private final long deviceId;
        private int count;

        public BatchDigest(long deviceId) {
            this.deviceId = deviceId;
        }

        @Override
        public BatchDigest add(long seq, String chain) {
            out.longValue(seq);
            out.utf(chain == null ? "" : chain);
            count++;
            if (out.n >= CHUNK) {
                sha.update(out.buf, 0, out.n);
                out.n = 0;
            }
            return this;
        }

        @Override
        public byte[] bytes() {
            sha.update(out.buf, 0, out.n);
            out.n = 0;
            Out m = new Out(6 + 8 + 4 + 32);
            m.utf(SCHEME);
            m.longValue(deviceId);
            m.intValue(count);
            m.raw(sha.digest());
            return m.bytes();
        }
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

        void raw(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }

        void optional(String s) {
            bool(s != null);
            utf(s == null ? "" : s);
        }

        /** Modified UTF-8 with an unsigned 16-bit length, as {@code DataOutputStream.writeUTF} writes it. */
        void utf(String s) {
            // nearly every text here is ASCII (ids, hex, enum names): one pass that writes as it checks
            int length = s.length();
            if (length <= 65535) {
                room(2 + length);
                int at = n + 2;
                // no branch per character, the verdict taken once at the end: negative for a NUL or anything past
                // ASCII, which take more than one byte each
                int bad = 0;
                for (int i = 0; i < length; i++) {
                    char c = s.charAt(i);
                    bad |= (c - 1) | (0x7F - c);
                    buf[at + i] = (byte) c;
                }
                if (bad >= 0) {
                    buf[n] = (byte) (length >>> 8);
                    buf[n + 1] = (byte) length;
                    n = at + length;
                    return;
                }
            }
            utfAny(s);
        }

        private void utfAny(String s) {
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
