package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.venuegate.api.Checkin;

/** The COPY rows the hub writes by hand: every number as {@link Long#toString} would write it. */
class CopyTextTest {
    @Test
    void everyNumberIsWrittenAsItsDecimalDigits() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 7L, 8L, 9L, -1L, -9L, -10L, Long.MAX_VALUE, -Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (long p = 1; p <= 1_000_000_000_000_000_000L && p > 0; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, -p, 2 * p - 1));
        }
        for (int bits = 0; bits < 63; bits++) {
            values.addAll(List.of(1L << bits, (1L << bits) - 1));
        }
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 2_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        List<Checkin> rows = new ArrayList<>();
        for (long v : values) {
            rows.add(new Checkin("0191a4c2-7e00-7000-8000-000000000001", v, "c".repeat(64), v, "S1", false, "PASS", null,
                    "GREEN", false, Instant.ofEpochMilli(v >> 20), v, null, v));
        }
        String[] lines = new String(CheckinService.copyText(rows, null, 42, 1_700_000_000_000L), StandardCharsets.US_ASCII)
                .split("\n");
        assertThat(lines).hasSize(values.size());
        for (int i = 0; i < lines.length; i++) {
            String v = Long.toString(values.get(i));
            String[] columns = lines[i].split("\t", -1);
            // id, device_id, venue_id, seq, ..., decided_at (11), received_at, nonce (13), prev_chain, scan_micros (15)
            assertThat(new String[] {columns[2], columns[3], columns[13], columns[15]}).as(v).containsOnly(v);
            assertThat(columns[11]).isEqualTo(Long.toString(values.get(i) >> 20));
            assertThat(columns[1]).isEqualTo("42");
        }
    }
}
