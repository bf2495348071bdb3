package org.venuegate.api;

import java.util.List;

/**
 * The dashboard over the last {@code days} days (a reviewer sees their district only; check-ins are city-wide).
 * Times to decision are in minutes; null when nothing was decided in the window.
 */
public record Stats(int days, long waiting, List<DayCount> perDay, Long medianMinutes, Long p90Minutes,
                    List<ReviewerCount> perReviewer, List<DistrictCount> perDistrict, List<HourCount> checkinsPerHour) {
}
