package org.venuegate.kiosk.decode;

/**
 * A code read from a frame.
 *
 * @param pass which pass of the chain found it (for benchmarks and tuning)
 */
public record Decoded(String text, String pass) {
}
