package org.venuegate.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.hub.Hub;
import org.venuegate.hub.HubConfig;
import org.venuegate.hub.HubServer;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.kiosk.DeviceFile;
import org.venuegate.kiosk.KioskRuntime;
import org.venuegate.kiosk.Pairer;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.sync.HubException;

/**
 * Everything the demo needs besides windows: a hub in-process on the embedded database under the demo folder,
 * seeded on first run, and a kiosk paired to the demo venue. A second run reuses the folder; reset starts clean.
 */
public final class DemoEnvironment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

    public final Hub hub;
    public final HubServer server;
    public final String hubUrl;
    public final KioskRuntime kiosk;
    public final OkHttpClient http;

    private DemoEnvironment(Hub hub, HubServer server, KioskRuntime kiosk, OkHttpClient http) {
        this.hub = hub;
        this.server = server;
        this.hubUrl = "http://localhost:" + server.port();
        this.kiosk = kiosk;
        this.http = http;
    }

    public static DemoEnvironment start(Path folder, boolean reset, int port, OkHttpClient http) throws IOException, HubException {
        return start(folder, reset, port, http, "zh-CN");
    }

    /** @param lang the kiosk's screen and voice language ("zh-CN" or "en") */
    public static DemoEnvironment start(Path folder, boolean reset, int port, OkHttpClient http, String lang)
            throws IOException, HubException {
        if (reset && Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder);
        Hub hub = new Hub(HubConfig.embedded(folder.resolve("hub")), Clock.systemUTC());
        hub.bootstrapAdmin();
        Path marker = folder.resolve("seeded.txt");
        if (!Files.exists(marker)) {
            DemoSeeder.Seeded s = DemoSeeder.seed(hub);
            Files.writeString(marker, Long.toString(s.kioskVenueId()), StandardCharsets.UTF_8);
            LOG.info("Demo data seeded in {}", folder);
        }
        long venueId = Long.parseLong(Files.readString(marker, StandardCharsets.UTF_8).trim());
        HubServer server = new HubServer(hub).start(port);
        String url = "http://localhost:" + server.port();
        hub.startRetention();

        Path configDir = folder.resolve("kiosk-config");
        KioskConfig cfg = new KioskConfig(url, lang, new KioskConfig.Policy(false, null),
                new KioskConfig.Camera("virtual", null, 640, 480), new KioskConfig.Voice(true, lang), 4, 300, 120, 72, 28, null);
        if (!Files.exists(configDir.resolve(DeviceFile.NAME))) {
            Principal admin = new Principal(Role.ADMIN, 0, "demo", null, null, null);
            String code = hub.venues().createPairingCode(admin, venueId).code();
            Pairer.pair(http, url, code, "demo kiosk", configDir);
        } else {
            // The hub may listen on another port this time: keep the pairing, point it at the current hub.
            DeviceFile d = DeviceFile.load(configDir);
            d.withHubUrl(url).save(configDir);
        }
        KioskRuntime kiosk = new KioskRuntime(configDir, folder.resolve("kiosk-data"), cfg, http);
        return new DemoEnvironment(hub, server, kiosk, http);
    }

    @Override
    public void close() {
        kiosk.close();
        server.close();
        hub.close();
    }
}
