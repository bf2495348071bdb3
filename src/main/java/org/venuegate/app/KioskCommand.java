package org.venuegate.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
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
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", defaultValue = "kiosk-config/kiosk.json", paramLabel = "FILE",
            description = "Configuration file (default: ${DEFAULT-VALUE}); device.json and trust-list.json live beside it.")
    Path config;

    @Option(names = "--data", defaultValue = "kiosk-data", paramLabel = "DIR", description = "Journal folder (default: ${DEFAULT-VALUE}).")
    Path data;

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
        KioskConfig cfg;
        try {
            cfg = Files.exists(config) || !config.equals(Path.of("kiosk-config/kiosk.json"))
                    ? KioskConfigLoader.load(config) : KioskConfig.defaults();
        } catch (KioskConfigLoader.ConfigException e) {
            err.println("venuegate kiosk: " + e.getMessage());
            return 2;
        }
        Path configDir = config.toAbsolutePath().getParent();
        OkHttpClient http = new OkHttpClient();
        if (pairingCode != null) {
            return pair(cfg, configDir, http, out, err);
        }
        try {
            // An unpaired or unbound kiosk opens on the setup wizard; a paired and bound one goes straight to scanning.
            KioskApp.launch(config, data, cfg, http, windowed);
            return 0;
        } catch (RuntimeException e) {
            err.println("venuegate kiosk: " + e.getMessage());
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
