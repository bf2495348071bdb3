package org.venuegate.api;

import java.util.List;

/** Where a subject was; {@code truncated} when more rows matched than are returned. */
public record SubjectTrace(List<SubjectVisit> visits, boolean truncated) {
}
