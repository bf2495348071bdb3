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
