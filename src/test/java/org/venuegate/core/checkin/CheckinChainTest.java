package org.venuegate.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Kiosks in the field hold journals chained with these bytes and the hub recomputes them: the encoding may never
 * change. Values pinned from the first release, and random records held to {@link DataOutputStream}'s encoding.
 */
class CheckinChainTest {
    private static final CheckinChain.Link STOP = new CheckinChain.Link("0192f3a4-0000-7000-8000-000000000001", 42,
            120101000001L, "S:abc", false, "STOP", "RED_CODE", "RED", true, -5L, 1796083200000L, 2500);
    private static final CheckinChain.Link MANUAL = new CheckinChain.Link("id-é-中", 1, 2, null, true, "PASS", null, null,
            false, null, 3, 4);

    @Test
    void chainValuesAreThoseOfTheFirstRelease() {
        assertThat(CheckinChain.next(CheckinChain.ZERO, STOP)).isEqualTo("6876efd4e359982a8e0364369e4c1b20debeb8a646094c55b190fd5324240386");
        assertThat(CheckinChain.next(CheckinChain.ZERO, MANUAL)).isEqualTo("4a4e33a7f96bbd2dfe64f1f32f728a304282fb1cd113808d27128453410f4770");
    }

    @Test
    void randomRecordsAndBatchesEncodeAsDataOutputStreamWritesThem() throws IOException {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 2_000; i++) {
            CheckinChain.Link l = new CheckinChain.Link(text(random), random.nextLong(), random.nextLong(), maybe(random),
                    random.nextBoolean(), text(random), maybe(random), maybe(random), random.nextBoolean(),
                    random.nextBoolean() ? null : random.nextLong(), random.nextLong(), random.nextLong());
            assertThat(CheckinChain.canonical(l)).isEqualTo(reference(l));
        }
        for (int i = 0; i < 200; i++) {
            List<CheckinChain.Signed> items = new ArrayList<>();
            for (int k = random.nextInt(50); k > 0; k--) {
                items.add(new CheckinChain.Signed(random.nextLong(), random.nextInt(10) == 0 ? null : text(random)));
            }
            long device = random.nextLong();
            assertThat(CheckinChain.batchMessage(device, items)).isEqualTo(reference(device, items));
        }
    }

    @Test
    void asciiTextsTakeTheOnePassEncodingAndStillMatchTheStream() throws IOException {
        // the texts a kiosk really sends are ASCII: the short path must write exactly what the stream writes,
        // up to the longest text the length prefix holds and with an ASCII text ending in one other character
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 2_000; i++) {
            String id = i % 97 == 0 ? ascii(random, 65_535)
                    : ascii(random, random.nextInt(60)) + (i % 7 == 0 ? "é" : i % 11 == 0 ? "\0" : "");
            CheckinChain.Link l = new CheckinChain.Link(id, i, -i, ascii(random, 64), i % 2 == 0, "PASS", null, ascii(random, 6),
                    false, (long) i, i * 3L, i * 5L);
            assertThat(CheckinChain.canonical(l)).isEqualTo(reference(l));
        }
        CheckinChain.Link tooLong = new CheckinChain.Link("a".repeat(65_536), 1, 1, null, false, "PASS", null, null, false, null, 1, 1);
        assertThatThrownBy(() -> CheckinChain.canonical(tooLong)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followsAgreesWithNextOnEveryLinkAndRefusesAnyOtherValue() {
        SplittableRandom random = new SplittableRandom(16);
        String previous = CheckinChain.ZERO;
        for (int i = 0; i < 2_000; i++) {
            CheckinChain.Link l = new CheckinChain.Link(ascii(random, 36), i, 7, random.nextBoolean() ? null : ascii(random, 10),
                    false, "STOP", "RED_CODE", "RED", random.nextBoolean(), random.nextLong(), random.nextLong(), i);
            String next = CheckinChain.next(previous, l);
            assertThat(CheckinChain.follows(previous, l, next)).isTrue();
            // every single digit changed, the upper-case form and a truncated value are other values
            int at = random.nextInt(64);
            char other = next.charAt(at) == '0' ? '1' : '0';
            assertThat(CheckinChain.follows(previous, l, next.substring(0, at) + other + next.substring(at + 1))).isFalse();
            assertThat(CheckinChain.follows(previous, l, next.toUpperCase(java.util.Locale.ROOT))).isEqualTo(next.equals(
                    next.toUpperCase(java.util.Locale.ROOT)));
            assertThat(CheckinChain.follows(previous, l, next.substring(1))).isFalse();
            assertThat(CheckinChain.follows(previous, l, null)).isFalse();
            previous = next;
        }
        // the previous value is read as HexFormat reads it: either case, and nothing else
        assertThat(CheckinChain.next(CheckinChain.ZERO.replace('0', 'A'), STOP))
                .isEqualTo(CheckinChain.next(CheckinChain.ZERO.replace('0', 'a'), STOP));
        assertThatThrownBy(() -> CheckinChain.next("g" + CheckinChain.ZERO.substring(1), STOP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckinChain.next("\uff10" + CheckinChain.ZERO.substring(1), STOP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckinChain.next(CheckinChain.ZERO.substring(2), STOP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChainValueIsSixtyFourLowerCaseHexDigitsAndNothingElse() {
        SplittableRandom random = new SplittableRandom(17);
        // characters whose low seven bits are a hex digit, upper case, full-width and other look-alikes
        char[] wrong = {'g', 'A', 'F', 'G', '-', ' ', '\0', (char) ('a' + 128), (char) ('0' + 128), (char) ('0' + 256), '\uff10',
                '\u0660', '\u0430', '\uffff'};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 64; k++) {
                b.append("0123456789abcdef".charAt(random.nextInt(16)));
            }
            String good = b.toString();
            assertThat(CheckinChain.isChainValue(good)).isTrue();
            int at = random.nextInt(64);
            b.setCharAt(at, wrong[random.nextInt(wrong.length)]);
            assertThat(CheckinChain.isChainValue(b.toString())).as(b.toString()).isFalse();
            assertThat(CheckinChain.isChainValue(good.substring(1))).isFalse();
            assertThat(CheckinChain.isChainValue(good + "0")).isFalse();
        }
        assertThat(CheckinChain.isChainValue(null)).isFalse();
    }

    private static String ascii(SplittableRandom random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) random.nextInt(0x01, 0x80));
        }
        return b.toString();
    }

    @Test
    void aTextTooLongForItsLengthPrefixIsRefused() {
        CheckinChain.Link huge = new CheckinChain.Link("中".repeat(30_000), 1, 1, null, false, "PASS", null, null, false, null, 1, 1);
        assertThatThrownBy(() -> CheckinChain.canonical(huge)).isInstanceOf(IllegalArgumentException.class);
    }

    /** ASCII, the NUL character, two- and three-byte characters and surrogates, as modified UTF-8 treats them. */
    private static String text(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(70); n > 0; n--) {
            int kind = random.nextInt(10);
            b.append(kind < 6 ? (char) random.nextInt(0x20, 0x7F) : kind == 6 ? '\0' : kind == 7 ? (char) random.nextInt(0x80, 0x800)
                    : kind == 8 ? (char) random.nextInt(0x800, 0x10000) : "😀");
        }
        return b.toString();
    }

    private static String maybe(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : text(random);
    }

    private static byte[] reference(CheckinChain.Link l) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
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
        }
        return bytes.toByteArray();
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        out.writeUTF(s == null ? "" : s);
    }

    @Test
    void theDigestSchemeSignsTheHashOfTheItemsAsTheStreamWritesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        // up to thousands of items, so the digest takes its items in several chunks, some of them non-ASCII or missing
        for (int size : new int[] {0, 1, 2, 110, 111, 112, 1000, 5000}) {
            List<CheckinChain.Signed> items = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                String chain = k % 97 == 5 ? null : k % 89 == 3 ? "é中\0" + ascii(random, 20) : ascii(random, 64);
                items.add(new CheckinChain.Signed(random.nextLong(), chain));
            }
            long device = random.nextLong();
            CheckinChain.BatchDigest d = new CheckinChain.BatchDigest(device);
            items.forEach(i -> d.add(i.seq(), i.chain()));
            assertThat(d.bytes()).as("%d items", size).isEqualTo(referenceDigest(device, items));
        }
        // the pinned bytes of a one-item batch: a kiosk's signature in the field must keep verifying
        byte[] one = new CheckinChain.BatchDigest(9).add(7, "ab".repeat(32)).bytes();
        assertThat(java.util.HexFormat.of().formatHex(one)).isEqualTo("000456474232000000000000000900000001"
                + "c590f310a758e284651945babec7eacbd11c9214e28eded6b04f32a529bcca4e");
    }

    /** The digest scheme as its definition reads, written with the JDK's own stream and digest. */
    private static byte[] referenceDigest(long deviceId, List<CheckinChain.Signed> items) throws Exception {
        ByteArrayOutputStream itemBytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(itemBytes)) {
            for (CheckinChain.Signed s : items) {
                out.writeLong(s.seq());
                out.writeUTF(s.chain() == null ? "" : s.chain());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("VGB2");
            out.writeLong(deviceId);
            out.writeInt(items.size());
            out.write(java.security.MessageDigest.getInstance("SHA-256").digest(itemBytes.toByteArray()));
        }
        return bytes.toByteArray();
    }

    private static byte[] reference(long deviceId, List<CheckinChain.Signed> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("VGB1");
            out.writeLong(deviceId);
            out.writeInt(items.size());
            for (CheckinChain.Signed s : items) {
                out.writeLong(s.seq());
                out.writeUTF(s.chain() == null ? "" : s.chain());
            }
        }
        return bytes.toByteArray();
    }
}
