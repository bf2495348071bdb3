package org.venuegate.poster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.VerificationPolicy;

/** Real signed venue codes from a fresh key ring, and the trust list that verifies them. */
final class PosterFixtures {
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    /** Exactly 20 Chinese characters: the longest name the README promises fits QR version 12 at level Q. */
    static final String LONG_NAME = "天津市和平区滨江道国际购物中心北门东入口";
    static final String PLATE = "津B·D12345";

    final KeyRing ring;
    final TrustList trust;
    final PosterContent venue;
    final PosterContent mobile;

    PosterFixtures(Path dir) throws IOException {
        ring = KeyRing.init(dir, NOW);
        String venueText = ring.issueVenue(new VenueCode(42, "HP-000042", LONG_NAME, 120101, "MALL", false, NOW), NOW);
        String mobileText = ring.issueVenue(new VenueCode(107, "MB-000107", PLATE, 120116, "TAXI", true, NOW), NOW);
        trust = ring.nextTrustList(NOW, List.of());
        venue = new PosterContent(venueText, LONG_NAME, "天津滨江道国际商业管理有限公司", 120101, "HP-000042", false);
        mobile = new PosterContent(mobileText, PLATE, "天津市滨海新区出租汽车有限公司", 120116, "MB-000107", true);
    }

    CodeVerifier verifier() {
        return new CodeVerifier(trust, VerificationPolicy.DEFAULT);
    }
}
