package org.venuegate.kiosk.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.venuegate.core.decide.StopReason;

/**
 * One day's figures for the admin screen.
 *
 * @param perHour         24 counts, index = local hour of day
 * @param medianMicros    scan-to-decision median, 0 when there were no check-ins
 * @param p95Micros       scan-to-decision 95th percentile (nearest rank), 0 when there were no check-ins
 */
public record TodayStats(LocalDate day, long total, long passed, long stopped, long manual,
                         Map<StopReason, Long> byStopReason, List<Long> perHour, long medianMicros, long p95Micros) {
}
