package org.venuegate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of {@code venuegate.jar}. A plain class, not a JavaFX {@code Application}, so that the commands without
 * windows start without JavaFX. The windowed commands need JavaFX as named modules (see {@link JavaFxModules}): the
 * installers' runtime has them linked in; started as {@code java -jar venuegate.jar}, this reruns the JVM with the
 * {@code javafx} folder beside the jar on the module path. The only class allowed to touch System.out/err.
 */
public final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception on thread {}", t.getName(), e));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Optional<Path> javafx = JavaFxModules.relaunchFolder(args);
        if (javafx.isPresent()) {
            System.exit(relaunch(JavaFxModules.relaunchCommand(javafx.get(), args), err));
        }
        if (JavaFxModules.opensWindows(args) && !JavaFxModules.present()) {
            err.println("venuegate: JavaFX not found. The windowed commands need its modules: in the folder '"
                    + JavaFxModules.FOLDER + "' beside venuegate.jar (mvn package puts them there), or given as"
                    + " java --module-path DIR --add-modules " + JavaFxModules.ADD_MODULES + " -jar venuegate.jar");
            System.exit(1);
        }
        System.exit(run(args, out, err));
    }

    /** Runs the CLI with the given streams; tests call this instead of {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = VenueGateCommand.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** Runs the command in a child JVM on this terminal and returns its exit status. */
    private static int relaunch(List<String> command, PrintWriter err) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            err.println("venuegate: cannot start " + command.get(0) + ": " + e.getMessage());
            return 1;
        }
        // Stopped by a signal, this JVM stops the child too and gives it time to close its journal and windows.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "javafx-child-stop"));
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
