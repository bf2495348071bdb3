package org.venuegate.api;

import java.util.List;

/** Who was at a venue; {@code truncated} when more rows matched than are returned. */
public record VenueTrace(List<VenueVisit> visits, boolean truncated) {
}
