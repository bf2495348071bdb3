package org.venuegate.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of {@code venuegate.jar}. A plain class, not a JavaFX {@code Application}, so the shaded jar starts
 * on the classpath without the JavaFX launcher checks. The only class allowed to touch System.out/err.
 */
public final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception on thread {}", t.getName(), e));
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI with the given streams; tests call this instead of {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = VenueGateCommand.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
