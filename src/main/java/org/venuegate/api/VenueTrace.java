package org.venuegate.api;

import java.util.List;

/**
 * Who was at a venue. {@code visits} are the evidence-backed ones: scanned check-ins whose code the hub unveiled for that
 * subject and venue, decided within the code's window. {@code unverified} holds everything else that names the venue
 * or subject (hand registrations, codes the hub never issued, links that do not verify), kept apart and never mixed
 * into "who was there". {@code truncated} when more rows matched than are returned (either list).
 */
public record VenueTrace(List<VenueVisit> visits, List<VenueVisit> unverified, boolean truncated) {
}
