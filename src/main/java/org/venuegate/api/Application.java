package org.venuegate.api;

import java.time.Instant;

/** One application as the API shows it (the responsible person's ID number masked). */
public record Application(long id, ApplicationStatus status, int version, String placeName, String unitName,
                          String creditCode, String category, int district, String address, boolean mobile,
                          String responsibleName, String responsibleIdNumberMasked, String responsiblePhone,
                          Long replacesId, String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
                          String failReason, Long venueId) {
}
