package org.venuegate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.venuegate.kiosk.sync.Pairing;
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
