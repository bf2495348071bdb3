package org.venuegate.api;

/** The phone unveils its code for a scanned venue code. */
public record UnveilRequest(String venueCode) {
}
