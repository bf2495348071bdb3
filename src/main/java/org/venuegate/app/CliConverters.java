package org.venuegate.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.TypeConversionException;

/** Lenient-but-exact parsing of times and durations for operators typing at a shell. */
final class CliConverters {
    /** Local times without an offset are Tianjin's (China Standard Time). */
    static final ZoneId LOCAL_ZONE = ZoneId.of("Asia/Shanghai");

    private CliConverters() {
    }

    static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(s).atZone(LOCAL_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + s + "' is not a time; use e.g. 2026-11-24T09:30:00+08:00, "
                    + "2026-11-24T01:30:00Z or 2026-11-24T09:30 (China time)");
        }
    }

    /** Accepts 90s, 10m, 2h, 7d or ISO-8601 (PT10M, P7D). */
    static Duration duration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                String iso = t.toUpperCase(Locale.ROOT);
                if (iso.contains("T")) {
                    return Duration.parse(iso);
                }
                java.time.Period p = java.time.Period.parse(iso);
                if (p.getYears() == 0 && p.getMonths() == 0) {
                    return Duration.ofDays(p.getDays());
                }
            }
            if (t.length() >= 2) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                switch (t.charAt(t.length() - 1)) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    case 'd': return Duration.ofDays(n);
                    default: break;
                }
            }
        } catch (RuntimeException e) {
            // fall through to the message below
        }
        throw new TypeConversionException("'" + s + "' is not a duration; use e.g. 90s, 10m, 2h, 7d or PT10M");
    }
}
