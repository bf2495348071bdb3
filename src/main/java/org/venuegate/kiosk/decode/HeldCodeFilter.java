package org.venuegate.kiosk.decode;

import java.time.Duration;

/**
 * A code held in front of the reader counts once: the same text is a repeat until it has been out of sight for
 * {@code repeatWindow}. Both the camera's scan loop (a code on many frames) and a serial scanner in continuous mode
 * (the same line sent again while the phone stays under it) go through this, so a held code is not decided twice and
 * stopped as "already used". Not thread-safe: one thread calls it.
 */
public final class HeldCodeFilter {
    /** The kiosk's window: frames the decoder misses while a code is held, and a scanner's re-send interval, are shorter. */
    public static final Duration KIOSK_WINDOW = Duration.ofSeconds(3);

    private final long repeatWindowNanos;
    private String lastText;
    private long lastSeenNanos;

    public HeldCodeFilter(Duration repeatWindow) {
        this.repeatWindowNanos = repeatWindow.toNanos();
    }

    /** @return true when {@code text} seen at {@code atNanos} is new, false when it is the held code seen again */
    public boolean isNew(String text, long atNanos) {
        boolean repeat = text.equals(lastText) && atNanos - lastSeenNanos < repeatWindowNanos;
        lastText = text;
        lastSeenNanos = atNanos;
        return !repeat;
    }
}
