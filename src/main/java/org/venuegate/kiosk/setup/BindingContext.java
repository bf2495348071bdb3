package org.venuegate.kiosk.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.kiosk.DeviceFile;
import org.venuegate.kiosk.TrustStore;
import org.venuegate.kiosk.TrustedClock;
import org.venuegate.kiosk.sync.HubClient;
import org.venuegate.kiosk.sync.HubException;

/**
 * What the setup wizard's bind step needs before the kiosk runs: the pairing (which venue), the stored trust list
 * under the pinned root key, and a binder over both.
 */
public record BindingContext(DeviceFile device, TrustStore trust, VenueBinder binder) {

    /** Reads device.json and trust-list.json; disk only, call it off the FX thread. */
    public static BindingContext load(Path configDir) throws IOException {
        DeviceFile device = DeviceFile.load(configDir);
        TrustedClock clock = new TrustedClock(Clock.systemUTC(), System::nanoTime, Duration.ofMinutes(2));
        TrustStore trust = new TrustStore(configDir, Ed25519.decodePublic(device.rootPublicKey()), clock);
        return new BindingContext(device, trust, new VenueBinder(trust::current, device.venueId(), clock::now, configDir));
    }

    /**
     * Fetches a newer trust list when the hub is reachable: a kiosk paired days ago may not know the key that signed a
     * freshly printed poster. Network; call it off the FX thread. Failing is normal offline.
     */
    public void refreshTrust(OkHttpClient http) throws HubException, IOException {
        trust.refresh(new HubClient(http, device.hubUrl(), device.token()));
    }
}
