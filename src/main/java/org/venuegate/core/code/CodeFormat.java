package org.venuegate.core.code;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.venuegate.core.crypto.Ed25519;

/**
 * The compact binary layout of both codes (format version 1), Base45-encoded after a kind prefix.
 *
 * <pre>
 * venue : u64 venueId | str venueNumber | str name | u32 district | str category | u8 flags(bit0 mobile)
 *         | u32 issuedAt | key id (4) | signature (64)
 * health: u64 subject | str maskedName | u8 flags(bits0-1 colour, bit2 badge, bit3 proxy, bit4 has test)
 *         | [u32 lastNegativeTest] | u64 venueId | u32 admittedAt | u16 valid seconds | u64 nonce
 *         | key id (4) | signature (64)
 * str   : u8 length in bytes, then UTF-8
 * </pre>
 * The signature covers the ASCII prefix and every body byte before it, so a body can never be relabelled
 * as the other kind. No JSON in the QR: the unveiled health code must stay within QR version 7-M.
 */
public final class CodeFormat {
    public static final int CURRENT_VERSION = 1;
    /** Longest text we even try to parse; well above both size budgets, far below anything abusive. */
    public static final int MAX_TEXT_LENGTH = 600;
    public static final int MAX_VENUE_NAME_BYTES = 90;
    public static final int MAX_SHORT_ASCII = 16;
    public static final int MAX_MASKED_NAME_BYTES = 40;
    public static final Duration MAX_HEALTH_VALIDITY = Duration.ofSeconds(0xffff);

    private static final int FLAG_MOBILE = 1;
    private static final int FLAG_BADGE = 1 << 2;
    private static final int FLAG_PROXY = 1 << 3;
    private static final int FLAG_TEST = 1 << 4;
    private static final int TRAILER = Ed25519.KEY_ID_LENGTH + Ed25519.SIGNATURE_LENGTH;

    private CodeFormat() {
    }

    public static String encodeVenue(VenueCode v, PrivateKey key, PublicKey publicKey) {
        Writer w = new Writer();
        w.u64(v.venueId());
        w.ascii(v.venueNumber(), "venueNumber");
        w.utf8(v.name(), MAX_VENUE_NAME_BYTES, "name");
        w.u32(v.districtCode());
        w.ascii(v.category(), "category");
        w.u8(v.mobile() ? FLAG_MOBILE : 0);
        w.u32(seconds(v.issuedAt()));
        return seal(CodeKind.VENUE, w, key, publicKey);
    }

    public static String encodeHealth(HealthCode h, PrivateKey key, PublicKey publicKey) {
        Writer w = new Writer();
        w.u64(h.subjectId());
        w.utf8(h.maskedName(), MAX_MASKED_NAME_BYTES, "maskedName");
        int flags = h.colour().wire
                | (h.badge() ? FLAG_BADGE : 0)
                | (h.proxy() ? FLAG_PROXY : 0)
                | (h.lastNegativeTest().isPresent() ? FLAG_TEST : 0);
        w.u8(flags);
        h.lastNegativeTest().ifPresent(t -> w.u32(seconds(t)));
        w.u64(h.venueId());
        w.u32(seconds(h.admittedAt()));
        long validFor = Duration.between(h.admittedAt(), h.expiresAt()).getSeconds();
        if (validFor < 0 || validFor > 0xffff) {
            throw new IllegalArgumentException("expiry must be 0.." + 0xffff + " s after admission, was " + validFor);
        }
        w.u16((int) validFor);
        w.u64(h.nonce());
        return seal(CodeKind.HEALTH, w, key, publicKey);
    }

    private static String seal(CodeKind kind, Writer body, PrivateKey key, PublicKey publicKey) {
        body.bytes(Ed25519.keyIdBytes(publicKey));
        byte[] unsigned = body.toByteArray();
        byte[] signature = Ed25519.sign(key, signedMessage(kind.prefix(), unsigned));
        byte[] all = Arrays.copyOf(unsigned, unsigned.length + signature.length);
        System.arraycopy(signature, 0, all, unsigned.length, signature.length);
        return kind.prefix() + Base45.encode(all);
    }

    static byte[] signedMessage(String prefix, byte[] unsignedBody) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] m = Arrays.copyOf(p, p.length + unsignedBody.length);
        System.arraycopy(unsignedBody, 0, m, p.length, unsignedBody.length);
        return m;
    }

    /** Cheap check used by decoders to tell our codes from any other QR without a full parse. */
    public static boolean looksLikeVenueGate(String text) {
        return text != null && text.startsWith("VG");
    }

    /** Parses any text. Never throws; every way it can be wrong comes back as a {@link ParseResult.Problem}. */
    public static ParseResult parse(String raw) {
        if (raw == null) {
            return ParseResult.fail(ParseResult.Problem.NOT_VENUEGATE, "empty");
        }
        String text = stripScannerNoise(raw);
        if (text.length() > MAX_TEXT_LENGTH) {
            return text.startsWith("VG")
                    ? ParseResult.fail(ParseResult.Problem.TOO_LARGE, text.length() + " characters, limit " + MAX_TEXT_LENGTH)
                    : ParseResult.fail(ParseResult.Problem.NOT_VENUEGATE, "not a VenueGate prefix");
        }
        int colon = text.indexOf(':');
        if (!text.startsWith("VG") || colon < 4 || colon > 8) {
            return ParseResult.fail(ParseResult.Problem.NOT_VENUEGATE, "not a VenueGate prefix");
        }
        CodeKind kind = CodeKind.fromLetter(text.charAt(2));
        String versionText = text.substring(3, colon);
        if (kind == null || !versionText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return ParseResult.fail(ParseResult.Problem.NOT_VENUEGATE, "not a VenueGate prefix");
        }
        int version = Integer.parseInt(versionText);
        if (version != CURRENT_VERSION) {
            return ParseResult.fail(ParseResult.Problem.UNSUPPORTED_VERSION, "format version " + version);
        }
        byte[] body;
        try {
            body = Base45.decode(text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return ParseResult.fail(ParseResult.Problem.MALFORMED, e.getMessage());
        }
        if (body.length <= TRAILER) {
            return ParseResult.fail(ParseResult.Problem.MALFORMED, "body of " + body.length + " bytes is too short");
        }
        try {
            Reader r = new Reader(body, body.length - TRAILER);
            VenueCode venue = null;
            HealthCode health = null;
            if (kind == CodeKind.VENUE) {
                venue = readVenue(r);
            } else {
                health = readHealth(r);
            }
            r.expectEnd();
            byte[] kidBytes = Arrays.copyOfRange(body, body.length - TRAILER, body.length - Ed25519.SIGNATURE_LENGTH);
            byte[] signature = Arrays.copyOfRange(body, body.length - Ed25519.SIGNATURE_LENGTH, body.length);
            byte[] signed = signedMessage(kind.prefix(version), Arrays.copyOf(body, body.length - Ed25519.SIGNATURE_LENGTH));
            return ParseResult.ok(new ParsedCode(kind, version, HexFormat.of().formatHex(kidBytes), signed, signature, venue, health));
        } catch (FormatException e) {
            return ParseResult.fail(ParseResult.Problem.MALFORMED, e.getMessage());
        }
    }

    private static VenueCode readVenue(Reader r) throws FormatException {
        long id = r.u64();
        String number = r.ascii("venueNumber");
        String name = r.utf8(MAX_VENUE_NAME_BYTES, "name");
        int district = (int) r.u32();
        String category = r.ascii("category");
        int flags = r.u8();
        if ((flags & ~FLAG_MOBILE) != 0) {
            throw new FormatException("unknown venue flags " + flags);
        }
        Instant issued = Instant.ofEpochSecond(r.u32());
        return new VenueCode(id, number, name, district, category, (flags & FLAG_MOBILE) != 0, issued);
    }

    private static HealthCode readHealth(Reader r) throws FormatException {
        long subject = r.u64();
        String name = r.utf8(MAX_MASKED_NAME_BYTES, "maskedName");
        int flags = r.u8();
        if ((flags & ~(3 | FLAG_BADGE | FLAG_PROXY | FLAG_TEST)) != 0) {
            throw new FormatException("unknown health flags " + flags);
        }
        Colour colour = Colour.fromWire(flags & 3);
        if (colour == null) {
            throw new FormatException("unknown colour value " + (flags & 3));
        }
        Optional<Instant> test = (flags & FLAG_TEST) != 0 ? Optional.of(Instant.ofEpochSecond(r.u32())) : Optional.empty();
        long venueId = r.u64();
        Instant admitted = Instant.ofEpochSecond(r.u32());
        Instant expires = admitted.plusSeconds(r.u16());
        long nonce = r.u64();
        return new HealthCode(subject, name, colour, (flags & FLAG_BADGE) != 0, test, (flags & FLAG_PROXY) != 0,
                venueId, admitted, expires, nonce);
    }

    /** Keyboard-wedge and serial scanners append CR/LF or a tab; a space is Base45 and must stay. */
    static String stripScannerNoise(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isNoise(s.charAt(start))) {
            start++;
        }
        while (end > start && isNoise(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isNoise(char c) {
        return c == '\r' || c == '\n' || c == '\t' || c == '\0' || c == '\uFEFF';
    }

    private static long seconds(Instant t) {
        long s = t.getEpochSecond();
        if (s < 0 || s > 0xffffffffL) {
            throw new IllegalArgumentException("time out of range for the code format: " + t);
        }
        return s;
    }

    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        void u8(int v) {
            out.write(v);
        }

        void u16(int v) {
            out.write(v >>> 8);
            out.write(v);
        }

        void u32(long v) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (v >>> shift));
            }
        }

        void u64(long v) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (v >>> shift));
            }
        }

        void bytes(byte[] b) {
            out.writeBytes(b);
        }

        void ascii(String s, String field) {
            if (s.length() > MAX_SHORT_ASCII || !s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(field + " must be printable ASCII of at most " + MAX_SHORT_ASCII + " characters");
            }
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            u8(b.length);
            bytes(b);
        }

        void utf8(String s, int maxBytes, String field) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > maxBytes) {
                throw new IllegalArgumentException(field + " is " + b.length + " bytes in UTF-8, limit " + maxBytes);
            }
            u8(b.length);
            bytes(b);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    private static final class Reader {
        private final byte[] data;
        private final int limit;
        private int pos;

        Reader(byte[] data, int limit) {
            this.data = data;
            this.limit = limit;
        }

        private void need(int n) throws FormatException {
            if (pos + n > limit) {
                throw new FormatException("truncated at byte " + pos + " (needed " + n + " more)");
            }
        }

        int u8() throws FormatException {
            need(1);
            return data[pos++] & 0xff;
        }

        int u16() throws FormatException {
            return (u8() << 8) | u8();
        }

        long u32() throws FormatException {
            return ((long) u16() << 16) | u16();
        }

        long u64() throws FormatException {
            return (u32() << 32) | u32();
        }

        String ascii(String field) throws FormatException {
            int len = u8();
            if (len > MAX_SHORT_ASCII) {
                throw new FormatException(field + " length " + len + " over " + MAX_SHORT_ASCII);
            }
            need(len);
            for (int i = pos; i < pos + len; i++) {
                if (data[i] < 0x20 || data[i] >= 0x7f) {
                    throw new FormatException(field + " is not printable ASCII");
                }
            }
            String s = new String(data, pos, len, StandardCharsets.US_ASCII);
            pos += len;
            return s;
        }

        String utf8(int maxBytes, String field) throws FormatException {
            int len = u8();
            if (len > maxBytes) {
                throw new FormatException(field + " length " + len + " over " + maxBytes);
            }
            need(len);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer chars = decoder.decode(ByteBuffer.wrap(data, pos, len));
                pos += len;
                String s = chars.toString();
                if (s.chars().anyMatch(Character::isISOControl)) {
                    throw new FormatException(field + " contains control characters");
                }
                return s;
            } catch (CharacterCodingException e) {
                throw new FormatException(field + " is not valid UTF-8");
            }
        }

        void expectEnd() throws FormatException {
            if (pos != limit) {
                throw new FormatException((limit - pos) + " unexpected bytes before the key id");
            }
        }
    }
}
