package org.venuegate.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** Modes that later milestones fill in. They say so plainly instead of pretending. */
abstract class PendingCommand implements Callable<Integer> {
    /** Exit status of a mode that is not built yet: distinct from success (0), invalid (1) and usage (2). */
    static final int NOT_AVAILABLE = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(hidden = true, arity = "0..*")
    java.util.List<String> ignored;

    @Override
    public Integer call() {
        // The qualified name, so a nested mode reads "venuegate bench decode", not just "decode".
        spec.commandLine().getErr().println(spec.qualifiedName() + ": not yet available in this build.");
        return NOT_AVAILABLE;
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Starts the hub on demo data and opens the phone, kiosk and review windows (the default).")
    static final class Demo extends PendingCommand {
    }

    @Command(name = "kiosk", mixinStandardHelpOptions = true,
            description = "The entrance terminal: reads unveiled health codes by camera, decides, speaks, records, syncs.")
    static final class Kiosk extends PendingCommand {
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "The district reviewer's workstation: the venue-code application queue and posters.")
    static final class Review extends PendingCommand {
    }

    @Command(name = "phone", mixinStandardHelpOptions = true,
            description = "A simulated citizen phone showing the veiled and unveiled health code.")
    static final class Phone extends PendingCommand {
    }
}
