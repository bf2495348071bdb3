package org.venuegate.api;

import java.util.Map;

/** The reviewers' dashboard: what waits, who decided how much today (by username), and how long applications wait. */
public record ApplicationDashboard(long waiting, Map<String, Long> decisionsToday, Double medianHoursToDecision) {
}
