package org.venuegate.hub;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.venuegate.api.Checkin;
import org.venuegate.api.CheckinBatch;
import org.venuegate.core.checkin.CheckinChain;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.hub.auth.Principal;

/**
 * Kiosk keys and signed batches for tests that post check-ins without a kiosk's journal. One key serves every test
 * device: what is under test is that a batch must be signed with the key its device registered.
 */
public final class TestDevices {
    public static final KeyPair KEY = Ed25519.generate();

    private TestDevices() {
    }

    public static String publicKey() {
        return Ed25519.encodePublic(KEY.getPublic());
    }

    /** Every device id is known, paired long ago, with {@link #KEY}: for tests of ingestion rules on a bare database. */
    public static final CheckinService.Devices ANY = id -> Optional.of(new CheckinService.Registered(Instant.EPOCH, KEY.getPublic()));

    public static CheckinBatch signed(Principal device, List<Checkin> items) {
        return CheckinBatch.signed(device.id(), items, KEY.getPrivate());
    }

    /** A check-in as an old kiosk sent it: no nonce, no link to the record before, no scan time. */
    public static Checkin unlinked(String id, Long seq, String chain, Long venueId, String subject, Boolean manual, String outcome,
                                   String reason, String colour, Boolean proxy, Instant decidedAt) {
        return new Checkin(id, seq, chain, venueId, subject, manual, outcome, reason, colour, proxy, decidedAt, null, null, null);
    }

    /** A check-in chained after {@code prev} exactly as a kiosk's journal chains it. */
    public static Checkin chained(String prev, String id, long seq, long venueId, String subject, boolean manual, String outcome,
                                  String reason, String colour, Long nonce, Instant decidedAt) {
        long at = decidedAt.toEpochMilli();
        String chain = CheckinChain.next(prev, new CheckinChain.Link(id, seq, venueId, subject, manual, outcome, reason, colour,
                false, nonce, at, 1000));
        return new Checkin(id, seq, chain, venueId, subject, manual, outcome, reason, colour, false, Instant.ofEpochMilli(at),
                nonce, prev, 1000L);
    }
}
