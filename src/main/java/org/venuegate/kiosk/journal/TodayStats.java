package org.venuegate.kiosk.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.venuegate.core.decide.Category;
import org.venuegate.core.decide.StopReason;

/**
 * One day's figures for the admin screen.
 *
 * @param perHour         24 counts, index = local hour of day
 * @param medianMicros    scan-to-decision median, 0 when there were no check-ins
 * @param p95Micros       scan-to-decision 95th percentile (nearest rank), 0 when there were no check-ins
 * @param perHourByCategory for each decision category, 24 counts by local hour (manual registrations count as passes)
 */
public record TodayStats(LocalDate day, long total, long passed, long stopped, long manual,
                         Map<StopReason, Long> byStopReason, List<Long> perHour, long medianMicros, long p95Micros,
                         Map<Category, List<Long>> perHourByCategory) {
    public TodayStats(LocalDate day, long total, long passed, long stopped, long manual,
                      Map<StopReason, Long> byStopReason, List<Long> perHour, long medianMicros, long p95Micros) {
        this(day, total, passed, stopped, manual, byStopReason, perHour, medianMicros, p95Micros, Map.of());
    }

    /** The category's 24 hourly counts (zeros when there were none). */
    public List<Long> hours(Category c) {
        return perHourByCategory.getOrDefault(c, java.util.Collections.nCopies(24, 0L));
    }

    /** How many decisions of the category today. */
    public long count(Category c) {
        return hours(c).stream().mapToLong(Long::longValue).sum();
    }
}
