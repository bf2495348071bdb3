package org.venuegate.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.venuegate.api.Pairing;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.kiosk.sync.HubClient;
import org.venuegate.kiosk.sync.HubException;

/** Pairs this kiosk with the hub: exchanges the one-time code, pins the root key, keeps the first trust list. */
public final class Pairer {
    private Pairer() {
    }

    public static Pairing pair(OkHttpClient http, String hubUrl, String code, String label, Path configDir)
            throws HubException, IOException {
        // the kiosk's own key: the hub keeps the public half and takes only batches signed with the private one
        java.security.KeyPair key = Ed25519.generate();
        Pairing p = HubClient.pair(http, hubUrl, code, label, key.getPublic());
        DeviceFile.from(hubUrl, p, key.getPrivate()).save(configDir);
        new TrustStore(configDir, Ed25519.decodePublic(p.rootPublicKey()),
                new TrustedClock(Clock.systemUTC(), System::nanoTime, Duration.ofMinutes(2))).accept(p.trustList(), null, true);
        return p;
    }
}
