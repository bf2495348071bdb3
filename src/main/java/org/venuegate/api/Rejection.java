package org.venuegate.api;

/** Why the hub did not store one check-in of a batch ({@code index} is its place in the batch). */
public record Rejection(String id, int index, String error, String message) {
}
