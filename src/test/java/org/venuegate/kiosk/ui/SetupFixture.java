package org.venuegate.kiosk.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.kiosk.DeviceFile;
import org.venuegate.kiosk.TrustStore;

/**
 * A kiosk-config folder as pairing leaves it, without a hub: device.json for {@link TestIssuer#VENUE} with the test
 * issuer's root key pinned, and a trust list signed by that root. Nothing listens at the hub address.
 */
final class SetupFixture {
    static final String VENUE_NAME = "天津市和平区滨江道百货大楼";
    static final String OTHER_NAME = "劝业场";

    final TestIssuer issuer = new TestIssuer();
    final Path configDir;

    SetupFixture(Path configDir) throws IOException {
        this.configDir = configDir;
        Files.createDirectories(configDir);
        new DeviceFile("http://127.0.0.1:9", 1, "test-token", Ed25519.encodePublic(issuer.root.getPublic()),
                Ed25519.keyId(issuer.root.getPublic()), TestIssuer.VENUE, VENUE_NAME, "HP-000042",
                poster(), Ed25519.encodePrivate(Ed25519.generate().getPrivate())).save(configDir);
        Files.writeString(configDir.resolve(TrustStore.NAME),
                SignedTrustList.sign(issuer.trustList(), issuer.root.getPrivate(), issuer.root.getPublic()), StandardCharsets.UTF_8);
    }

    /** This kiosk's venue code, as its poster carries it. */
    String poster() {
        return issuer.venue(TestIssuer.venueCode(TestIssuer.VENUE));
    }

    /** A genuine poster of another venue. */
    String otherPoster() {
        return issuer.venue(new VenueCode(TestIssuer.VENUE + 1, "HP-000043", OTHER_NAME, 120101, "MALL", false, TestIssuer.T0));
    }
}
