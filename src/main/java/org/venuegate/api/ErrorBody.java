package org.venuegate.api;

/** The body of every error answer: a machine-readable code and a message for people. */
public record ErrorBody(String error, String message) {
}
