package org.venuegate.api;

/** A venue-code application as the citizen apps send it. */
public record Submission(String placeName, String unitName, String creditCode, String category, Integer district,
                         String address, Boolean mobile, String plateOrShip, String responsibleName,
                         String responsibleIdNumber, String responsiblePhone, SubmitterRole submitterRole,
                         Long replacesId) {
}
