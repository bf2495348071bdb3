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
        spec.commandLine().getErr().println("venuegate " + spec.name() + ": not yet available in this build.");
        return NOT_AVAILABLE;
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Benchmarks that print figures (ingest, decode, pipeline, soak).")
    static final class Bench extends PendingCommand {
    }
}
