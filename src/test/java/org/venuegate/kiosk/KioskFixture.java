package org.venuegate.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.decide.Decision;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.core.verify.VerificationPolicy;

/** A kiosk engine over the test issuer at {@link TestIssuer#T0}, recording into memory. */
public final class KioskFixture {
    public final TestIssuer issuer = new TestIssuer();
    public final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    public final Clock wall = Clock.fixed(TestIssuer.T0.plusSeconds(30), ZoneOffset.UTC);
    public final TrustedClock clock = new TrustedClock(wall, nanos::get, Duration.ofMinutes(2));
    public final List<Decision> recorded = new ArrayList<>();
    public final Set<Long> nonces = new HashSet<>();
    public final KioskEngine engine;

    public KioskFixture(EntryPolicy policy) {
        engine = new KioskEngine(issuer::trustList, TestIssuer.VENUE, policy, VerificationPolicy.DEFAULT, clock,
                nonces::contains, (d, venue, at, nonce, micros) -> {
                    recorded.add(d);
                    if (nonce != null) {
                        nonces.add(nonce);
                    }
                }, nanos::get);
    }
}
