package org.venuegate.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The nonces the hub draws at unveil (see the migration V4_14_2): the unveil's day, counted in UTC from 2000-01-01,
 * in the top 16 bits and 48 random bits below. On PostgreSQL the unveil log is range-partitioned by nonce, so a day's
 * unveils form one partition, dropped whole by the retention purge, and the lookup of a batch's nonces reads only the
 * partitions their days name. To a kiosk a nonce stays an opaque number: the code carries its own times, and 48 random
 * bits keep nonces of one day apart (a clash draws again).
 */
public final class UnveilLog {
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final long EPOCH_DAY = EPOCH.toEpochDay();
    static final int DAY_SHIFT = 48;
    private static final long RANDOM_BITS = (1L << DAY_SHIFT) - 1;

    private UnveilLog() {
    }

    /** The nonce of an unveil admitted at {@code admitted}, from 64 random bits (of which 48 are kept). */
    public static long nonce(Instant admitted, long random) {
        return day(LocalDate.ofInstant(admitted, ZoneOffset.UTC)) << DAY_SHIFT | random & RANDOM_BITS;
    }

    /** A day's number in the nonces (0 for 2000-01-01; positive until 2089). */
    static long day(LocalDate date) {
        return date.toEpochDay() - EPOCH_DAY;
    }

    /** The day a nonce names in its top bits (any number for a nonce drawn otherwise: only a range to look in). */
    static long dayOf(long nonce) {
        return nonce >> DAY_SHIFT;
    }

    static LocalDate date(long day) {
        return LocalDate.ofEpochDay(day + EPOCH_DAY);
    }

    /** The first nonce of a day; the day's partition holds [first(day), first(day + 1)). */
    static long first(long day) {
        return day << DAY_SHIFT;
    }
}
