package org.venuegate.core.checkin;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        MessageDigest sha = sha256();
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
     * future field can be added under a new tag.
     */
    public static byte[] canonical(Link l) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("VGJ1");
            out.writeUTF(l.id());
            out.writeLong(l.seq());
            out.writeLong(l.venueId());
            optional(out, l.subject());
            out.writeBoolean(l.manual());
            out.writeUTF(l.outcome());
            optional(out, l.reason());
            optional(out, l.colour());
            out.writeBoolean(l.proxy());
            out.writeBoolean(l.nonce() != null);
            out.writeLong(l.nonce() == null ? 0 : l.nonce());
            out.writeLong(l.decidedAtMillis());
            out.writeLong(l.scanMicros());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        out.writeUTF(s == null ? "" : s);
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + items.size() * 72);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("VGB1");
            out.writeLong(deviceId);
            out.writeInt(items.size());
            for (Signed s : items) {
                out.writeLong(s.seq());
                out.writeUTF(s.chain() == null ? "" : s.chain());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
