package org.venuegate.kiosk.capture;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a scanner's byte stream into lines. A line ends at CR, LF or CRLF (scanners differ, and a CRLF may arrive
 * split across two reads); empty lines are skipped, which also swallows the LF of a CRLF. Bytes are kept until their
 * line ends, so a code split over any number of reads comes out whole. A run longer than {@code maxLineBytes} without
 * a line end is noise (wrong baud rate, a scanner in another mode): it is dropped up to the next line end, with a log
 * line, so memory stays bounded. Control characters inside a line (STX/ETX framing, stray NULs) are dropped, as the
 * keyboard-wedge path drops them. Not thread-safe: one reader feeds it.
 */
public final class LineFramer {
    private static final Logger LOG = LoggerFactory.getLogger(LineFramer.class);

    private final String name;
    private final int maxLineBytes;
    private final byte[] line;
    private int length;
    private boolean discarding;
    private long discardingBytes;
    private long discardedRuns;

    /** @param name the device, for log lines */
    public LineFramer(String name, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.name = name;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[maxLineBytes];
    }

    /** Takes {@code count} bytes from {@code bytes[offset..]}; each line they complete goes to {@code out}, in order. */
    public void feed(byte[] bytes, int offset, int count, Consumer<String> out) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                endLine(out);
            } else if (discarding) {
                discardingBytes++;
            } else if (length == maxLineBytes) {
                discarding = true;
                discardingBytes = length + 1L;
                length = 0;
                LOG.warn("{}: more than {} bytes without a line end; discarding them up to the next line end "
                        + "(is the baud rate right and the scanner set to end each code with CR or LF?)", name, maxLineBytes);
            } else {
                line[length++] = b;
            }
        }
    }

    private void endLine(Consumer<String> out) {
        if (discarding) {
            discarding = false;
            discardedRuns++;
            LOG.warn("{}: discarded {} bytes of over-long input", name, discardingBytes);
            discardingBytes = 0;
            return;
        }
        if (length == 0) {
            return;
        }
        String text = withoutControls(new String(line, 0, length, StandardCharsets.UTF_8));
        length = 0;
        if (!text.isEmpty()) {
            out.accept(text);
        }
    }

    private static String withoutControls(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f;
            if (control && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!control && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Forgets a partial line, e.g. after the device was reopened: its start is gone. */
    public void reset() {
        length = 0;
        discarding = false;
        discardingBytes = 0;
    }

    /** How many over-long runs were dropped so far. */
    public long discardedRuns() {
        return discardedRuns;
    }

    /** Bytes of the current line (or of the run being discarded) waiting for a line end. */
    public boolean midLine() {
        return length > 0 || discarding;
    }
}
