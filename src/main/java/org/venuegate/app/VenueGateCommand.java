package org.venuegate.app;

import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The {@code venuegate} command. With no subcommand it runs the demo, the newcomer's first step. */
@Command(name = "venuegate", mixinStandardHelpOptions = true, versionProvider = VenueGateCommand.Version.class,
        description = {"VenueGate: the venue side of a city health-code system.",
                "With no subcommand, runs the demo."},
        subcommands = {
            DemoCommand.class,
            KioskCommand.class,
            ReviewCommand.class,
            HubCommand.class,
            PhoneCommand.class,
            KeysCommand.class,
            CodesCommand.class,
            BenchCommand.class,
        })
public final class VenueGateCommand implements Callable<Integer> {
    /** Exit status for an unexpected failure (sysexits EX_SOFTWARE). */
    static final int INTERNAL_ERROR = 70;

    @Spec
    CommandLine.Model.CommandSpec spec;

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VenueGateCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(java.time.Instant.class, CliConverters::instant);
        cli.registerConverter(java.time.Duration.class, CliConverters::duration);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // A bug, not bad input (commands report those themselves): one clear line, the trace goes to the log.
            LoggerFactory.getLogger(VenueGateCommand.class).error("venuegate {} failed", cmd.getCommandName(), ex);
            cmd.getErr().println("venuegate " + cmd.getCommandName() + ": internal error: " + ex);
            return INTERNAL_ERROR;
        });
        return cli;
    }

    @Override
    public Integer call() {
        return spec.commandLine().execute("demo");
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VenueGateCommand.class.getPackage().getImplementationVersion();
            return new String[] {"VenueGate " + (v == null ? "dev" : v)};
        }
    }
}
