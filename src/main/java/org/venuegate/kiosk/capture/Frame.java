package org.venuegate.kiosk.capture;

import java.util.Objects;

/**
 * One camera frame as 8-bit luminance, row-major, {@code width * height} bytes. Sources convert to grey once so the
 * decoders never pay for colour again. The array is owned by the frame: nobody writes to it after construction.
 *
 * @param capturedNanos {@link System#nanoTime()} when the source received the frame, for latency figures
 */
public record Frame(int width, int height, byte[] luma, long capturedNanos) {
    public Frame {
        Objects.requireNonNull(luma, "luma");
        if (width <= 0 || height <= 0 || luma.length < width * height) {
            throw new IllegalArgumentException("frame " + width + "x" + height + " needs " + (long) width * height
                    + " luma bytes, got " + luma.length);
        }
    }

    /** Luminance 0..255 at (x, y). */
    public int lumaAt(int x, int y) {
        return luma[y * width + x] & 0xff;
    }

    @Override
    public String toString() {
        return "Frame[" + width + "x" + height + ", capturedNanos=" + capturedNanos + "]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o; // frames are values in time, not in content: identity is what the loop cares about
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
