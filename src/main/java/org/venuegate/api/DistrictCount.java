package org.venuegate.api;

/** Per district: decided in the window, and waiting now. */
public record DistrictCount(int district, long decided, long waiting) {
}
