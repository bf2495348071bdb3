package org.venuegate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.api.Pairing;
import org.venuegate.deploy.AppDirs;
import org.venuegate.deploy.Autostart;
import org.venuegate.deploy.FileLogs;
import org.venuegate.deploy.FirstRun;
import org.venuegate.deploy.Installation;
import org.venuegate.kiosk.Pairer;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;
import org.venuegate.kiosk.journal.JournalVerifier;
import org.venuegate.kiosk.sync.HubException;
import org.venuegate.kiosk.ui.KioskApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code venuegate kiosk}: the entrance terminal, its pairing and its journal check. */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = {"The entrance terminal: reads unveiled health codes, decides offline, speaks, records, syncs.",
                "First run: a setup wizard pairs it (one-time code from the administrator), binds it to the venue's poster",
                "and sets camera, language, voice and the admin PIN. --pair CODE pairs from the command line instead."})
final class KioskCommand implements Callable<Integer> {
    /** The line the kiosk prints on stdout once it is ready to scan. */
    static final String READY_MARKER = org.venuegate.kiosk.bench.StartupBench.READY_MARKER;
    private static final Logger LOG = LoggerFactory.getLogger(KioskCommand.class);

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The developer's defaults, relative to the working directory (the repository). */
    static final Path DEV_CONFIG = Path.of("kiosk-config/kiosk.json");
    static final Path DEV_DATA = Path.of("kiosk-data");

    @Option(names = "--config", paramLabel = "FILE",
            description = {"Configuration file; device.json and trust-list.json live beside it. Default: installed, "
                    + "kiosk-config/kiosk.json in the platform's config folder (~/.config/venuegate, %%APPDATA%%\\VenueGate, "
                    + "~/Library/Application Support/VenueGate), created from the example on the first start; "
                    + "from the jar, kiosk-config/kiosk.json in the working directory."})
    Path config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Journal folder. Default: installed, kiosk-data in the platform's data folder; from the jar, kiosk-data.")
    Path data;

    @Option(names = "--autostart", paramLabel = "on|off",
            description = "Start the installed kiosk at this user's login under a supervisor that restarts it after a crash"
                    + " (XDG autostart, Windows Startup folder, macOS launchd), or stop doing so; then exit.")
    String autostart;

    @Option(names = "--pair", paramLabel = "CODE", description = "Pair with the hub using a one-time pairing code, then exit.")
    String pairingCode;

    @Option(names = "--label", description = "A name for this kiosk shown to the administrator (with --pair).")
    String label;

    @Option(names = "--verify-journal", paramLabel = "FILE", description = "Check a journal's hash chain and exit (0 ok, 1 damaged).")
    Path verifyJournal;

    @Option(names = "--windowed", description = "Run in a window instead of full screen (setup, training).")
    boolean windowed;

    @Option(names = "--bind", paramLabel = "VENUE_CODE_TEXT",
            description = {"Bind this paired kiosk to its venue with the text of the venue code on the entrance poster",
                    "(the VGV1: text), with the setup wizard's checks, then exit: 0 bound, 1 refused (the reason is printed)."})
    String bindText;

    @Option(names = "--headless", description = {"Run without a window (turnstiles, scripted roll-outs): the same engine, "
            + "journal, sync, trust-list refresh and clock guard, reading the configured input; one JSON line per decision "
            + "on stdout (verdict, category, reason, venueId, decidedAt), logs on stderr; opens the gate in kiosk.json on a pass."})
    boolean headless;

    @Option(names = "--stdin", description = "With --headless: read one code per line from standard input instead, until its end.")
    boolean stdin;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (verifyJournal != null) {
            return JournalVerifier.verify(verifyJournal, out);
        }
        if (autostart != null) {
            return autostart(out, err);
        }
        boolean installed = Installation.installed();
        AppDirs dirs = installed ? AppDirs.current() : null;
        if (installed) {
            startFileLog(dirs, "kiosk", err);
        }
        if (config == null && installed) {
            config = dirs.kioskConfig().resolve(FirstRun.CONFIG);
            try {
                if (FirstRun.ensureKioskConfig(config.getParent()) == FirstRun.Outcome.CREATED) {
                    LOG.info("First start: created {} from the example; edit hubUrl and adminPin there", config);
                }
            } catch (IOException e) {
                err.println("venuegate kiosk: cannot create the configuration folder " + config.getParent() + ": " + e.getMessage());
                return 1;
            }
        }
        if (data == null) {
            data = installed ? dirs.kioskData() : DEV_DATA;
        }
        KioskConfig cfg;
        try {
            cfg = config == null && !Files.exists(DEV_CONFIG) ? KioskConfig.defaults()
                    : KioskConfigLoader.load(config == null ? DEV_CONFIG : config);
        } catch (KioskConfigLoader.ConfigException e) {
            err.println("venuegate kiosk: " + e.getMessage());
            return 2;
        }
        if (config == null) {
            config = DEV_CONFIG;
        }
        Path configDir = config.toAbsolutePath().getParent();
        if (pairingCode != null) {
            return pair(cfg, configDir, new OkHttpClient(), out, err);
        }
        if (bindText != null) {
            return bind(cfg, configDir, out, err);
        }
        if (stdin && !headless) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stdin needs --headless");
        }
        if (headless) {
            return headless(cfg, configDir, err);
        }
        try {
            // An unpaired or unbound kiosk opens on the setup wizard; a paired and bound one goes straight to scanning.
            // "ready to scan": the window is up and frames are accepted; `bench startup` times launch to this line.
            // The HTTP client (TLS set-up) is built on a helper thread while the window starts.
            KioskApp.launch(config, data, cfg, onceOnly(OkHttpClient::new), windowed, () -> out.println(READY_MARKER));
            return 0;
        } catch (RuntimeException e) {
            err.println("venuegate kiosk: " + e.getMessage());
            return 1;
        }
    }

    private int autostart(PrintWriter out, PrintWriter err) {
        Autostart a = Autostart.current();
        try {
            switch (autostart) {
                case "on": {
                    Path appDir = Installation.appDir().orElseThrow(
                            () -> new IOException("autostart needs the installed application (from its installer)"));
                    out.println("Autostart on: " + a.enable(appDir));
                    return 0;
                }
                case "off":
                    out.println(a.disable().map(p -> "Autostart off: removed " + p).orElse("Autostart was off"));
                    return 0;
                default:
                    throw new CommandLine.ParameterException(spec.commandLine(), "--autostart takes on or off, not '" + autostart + "'");
            }
        } catch (IOException e) {
            err.println("venuegate kiosk --autostart: " + e.getMessage());
            return 1;
        }
    }

    /** A supplier that builds its value on the first call only. */
    static <T> java.util.function.Supplier<T> onceOnly(java.util.function.Supplier<T> make) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    /** An installed application also logs to a rotating file in the platform's log folder. */
    static void startFileLog(AppDirs dirs, String name, PrintWriter err) {
        try {
            FileLogs.start(dirs.logs(), name);
        } catch (IOException | RuntimeException e) {
            err.println("venuegate: cannot write logs to " + dirs.logs() + " (" + e.getMessage() + "); logging to the console only");
        }
    }

    /** {@code --bind}: the wizard's bind step from the command line, in the configured language. */
    private int bind(KioskConfig cfg, Path configDir, PrintWriter out, PrintWriter err) {
        org.venuegate.ui.Lang lang = org.venuegate.ui.Lang.of(cfg.language());
        try {
            if (!Files.exists(configDir.resolve(org.venuegate.kiosk.DeviceFile.NAME))) {
                err.println("venuegate kiosk --bind: this kiosk is not paired yet; run kiosk --pair CODE first");
                return 1;
            }
            org.venuegate.kiosk.setup.BindingContext ctx = org.venuegate.kiosk.setup.BindingContext.load(configDir);
            try {
                // a kiosk paired days ago may not know the key of a freshly printed poster
                ctx.refreshTrust(new OkHttpClient());
            } catch (HubException | IOException offline) {
                LOG.info("Binding with the stored trust list; the hub did not answer: {}", offline.getMessage());
            }
            var r = ctx.binder().bind(bindText, org.venuegate.kiosk.setup.VenueBinding.Via.COMMAND_LINE);
            if (r.bound()) {
                out.println(lang.get("kiosk.bind.outcome.BOUND", r.binding().venueName(), r.binding().venueNumber()));
                return 0;
            }
            if (r.detail() != null) {
                LOG.info("venue binding refused: {}", r.detail());
            }
            err.println(lang.get("kiosk.bind.outcome." + r.outcome().name(), r.scanned() == null ? "" : r.scanned().name(),
                    ctx.device().venueName()));
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("venuegate kiosk --bind: " + e.getMessage());
            return 1;
        }
    }

    /** {@code --headless}: no window; decisions as JSON lines on stdout. */
    private int headless(KioskConfig cfg, Path configDir, PrintWriter err) {
        try {
            if (org.venuegate.kiosk.setup.KioskSetup.next(configDir) != org.venuegate.kiosk.setup.KioskSetup.Step.RUN) {
                err.println("venuegate kiosk --headless: this kiosk is not paired and bound to its venue yet; run "
                        + "kiosk --pair CODE, then kiosk --bind VENUE_CODE_TEXT");
                return 1;
            }
            if (!stdin && "scanner".equals(cfg.camera().source())) {
                err.println("venuegate kiosk --headless: camera.source \"scanner\" is a keyboard-wedge scanner, which types "
                        + "into a window; use --stdin, or a serial scanner (serial:PORT)");
                return 2;
            }
            java.io.PrintStream json = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    java.nio.charset.StandardCharsets.UTF_8);
            OkHttpClient http = new OkHttpClient();
            try (org.venuegate.kiosk.headless.HeadlessKiosk kiosk = new org.venuegate.kiosk.headless.HeadlessKiosk(
                    new org.venuegate.kiosk.KioskRuntime(configDir, data, cfg, http), cfg, json)) {
                Thread hook = new Thread(kiosk::stop, "kiosk-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                if (stdin) {
                    kiosk.runLines(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    kiosk.runInput();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // already stopping: nothing to remove
                }
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("venuegate kiosk --headless: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int pair(KioskConfig cfg, Path configDir, OkHttpClient http, PrintWriter out, PrintWriter err) {
        try {
            Pairing p = Pairer.pair(http, cfg.hubUrl(), pairingCode, label, configDir);
            out.println("Paired as device " + p.deviceId() + " for venue " + p.venue().number() + " " + p.venue().name()
                    + "; root key " + p.rootKeyId() + " pinned.");
            return 0;
        } catch (HubException | IOException e) {
            err.println("venuegate kiosk --pair: " + e.getMessage());
            return 1;
        }
    }
}
