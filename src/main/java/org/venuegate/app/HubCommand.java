package org.venuegate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import org.venuegate.deploy.AppDirs;
import org.venuegate.deploy.Installation;
import org.venuegate.hub.Hub;
import org.venuegate.hub.HubConfig;
import org.venuegate.hub.HubServer;
import org.venuegate.hub.auth.Passwords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code venuegate hub}: runs the city-side HTTP service until stopped. */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = {"The city-side HTTP service kiosks sync to and reviewers work against (API under /api/v1).",
                "Embedded database under --data by default; --db jdbc:postgresql://... for PostgreSQL."})
final class HubCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8470", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = {"Data folder: the embedded database and the first admin password (admin-password.txt).",
                    "Default: under systemd its StateDirectory ($STATE_DIRECTORY; the system service uses"
                            + " /var/lib/venuegate-hub); installed, or with --db, hub-data in the platform's data folder"
                            + " (Linux: ~/.local/share/venuegate/hub-data); else hub-data in the working directory."})
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "PostgreSQL instead of the embedded database.")
    String jdbcUrl;

    @Option(names = "--db-user", description = "PostgreSQL user.")
    String dbUser;

    @Option(names = "--db-password-env", defaultValue = "VENUEGATE_DB_PASSWORD",
            description = "Environment variable holding the PostgreSQL password (default: ${DEFAULT-VALUE}).")
    String dbPasswordEnv;

    @Option(names = "--retention-days", defaultValue = "28", description = "Days check-ins are kept (default: ${DEFAULT-VALUE}).")
    int retentionDays;

    /**
     * The data folder without --data. Under systemd, the folder it made for the service (StateDirectory=, passed as
     * $STATE_DIRECTORY; its first entry when there are several). Installed, or with PostgreSQL, hub-data in the
     * platform's data folder: with PostgreSQL the folder holds only the first admin password, which must not land in
     * whatever the working directory happens to be. Else hub-data in the working directory, beside the developer's
     * other folders. Always absolute.
     */
    static Path defaultData(boolean postgres, boolean installed, Function<String, String> env, Supplier<AppDirs> dirs) {
        String state = env.apply("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            return Path.of(state.split(":")[0]).toAbsolutePath();
        }
        return (installed || postgres ? dirs.get().hubData() : Path.of("hub-data")).toAbsolutePath();
    }

    @Override
    public Integer call() {
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--retention-days must be 1..3650");
        }
        boolean installed = Installation.installed();
        if (installed && !Installation.underJournal()) { // under systemd the journal keeps (and rotates) the log
            KioskCommand.startFileLog(AppDirs.current(), "hub", spec.commandLine().getErr());
        }
        // absolute, so that what is printed below says where the files are
        data = data != null ? data.toAbsolutePath() : defaultData(jdbcUrl != null, installed, System::getenv, AppDirs::current);
        HubConfig config = new HubConfig(data, jdbcUrl, dbUser, jdbcUrl == null ? null : System.getenv(dbPasswordEnv),
                Duration.ofDays(retentionDays), HubConfig.DEFAULT_TOKEN_TTL, Passwords.DEFAULT_ITERATIONS);
        Hub hub;
        try {
            hub = new Hub(config, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("venuegate hub: cannot open the database: " + e.getMessage());
            return 1;
        }
        try {
            hub.bootstrapAdmin().ifPresent(pw -> spec.commandLine().getOut().println(
                    "First start: created user 'admin' with password " + pw + " (also in " + data.resolve(Hub.ADMIN_PASSWORD_FILE) + ")"));
            HubServer server = new HubServer(hub).start(port);
            hub.startRetention();
            spec.commandLine().getOut().println("VenueGate hub listening on http://localhost:" + server.port() + HubServer.PREFIX
                    + (jdbcUrl == null ? " (embedded database " + data.resolve("hub.db") + ")" : " (PostgreSQL)"));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                hub.close();
                stopped.countDown();
            }, "hub-shutdown"));
            stopped.await();
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("venuegate hub: " + e.getMessage());
            hub.close();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
