package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The nonces the hub draws at unveil: their day on top, 48 random bits below, positive for decades. */
class UnveilLogTest {
    @Test
    void aNonceNamesItsUtcDayAndKeepsFortyEightRandomBits() {
        SplittableRandom random = new SplittableRandom(3);
        for (String at : new String[] {"2000-01-01T00:00:00Z", "2026-12-01T23:59:59Z", "2026-12-02T00:00:00Z", "2089-01-01T12:00:00Z"}) {
            Instant instant = Instant.parse(at);
            LocalDate day = LocalDate.parse(at.substring(0, 10));
            long r = random.nextLong();
            long nonce = UnveilLog.nonce(instant, r);
            assertThat(nonce).as(at).isPositive();
            assertThat(UnveilLog.date(UnveilLog.dayOf(nonce))).as(at).isEqualTo(day);
            assertThat(nonce & ((1L << 48) - 1)).isEqualTo(r & ((1L << 48) - 1));
            long d = UnveilLog.day(day);
            assertThat(nonce).isBetween(UnveilLog.first(d), UnveilLog.first(d + 1) - 1);
        }
        // the day is UTC's, as the partitions' are: half past midnight in Tianjin is still the day before
        assertThat(UnveilLog.date(UnveilLog.dayOf(UnveilLog.nonce(Instant.parse("2026-12-01T16:30:00Z"), 1))))
                .isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(UnveilLog.dayOf(UnveilLog.nonce(Instant.parse("2026-12-01T23:59:59Z"), -1L)))
                .isEqualTo(UnveilLog.dayOf(UnveilLog.nonce(Instant.parse("2026-12-01T00:00:00Z"), 0L)));
        // a nonce drawn before (64 random bits) can be negative: its "day" lies far outside any partition
        assertThat(UnveilLog.dayOf(-5L)).isNegative();
    }
}
