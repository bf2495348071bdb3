package org.venuegate.kiosk.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.venuegate.core.code.Colour;
import org.venuegate.core.decide.Verdict;

/**
 * Child JVM for {@link JournalCrashTest}: appends forever and prints each sequence number only after
 * {@link Journal#append} returned, i.e. after the prompt would have shown. The parent kills it with SIGKILL.
 */
public final class JournalCrashChild {
    private JournalCrashChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (Journal j = Journal.open(Path.of(args[0]), Clock.systemUTC())) {
            out.println("READY");
            out.flush();
            for (long i = 1; ; i++) {
                Record r = j.append(new Entry(42, Long.toString(i), false, Verdict.PASS, null, Colour.GREEN, false, i,
                        Instant.now(), 1000));
                out.println(r.seq());
                out.flush();
            }
        }
    }
}
