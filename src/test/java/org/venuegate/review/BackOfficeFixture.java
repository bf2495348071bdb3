package org.venuegate.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.venuegate.api.Checkin;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Verdict;
import org.venuegate.hub.CheckinService;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.store.Sql;

/** Venues, kiosks and check-ins on a {@link TestHub} for the back-office screen tests. */
final class BackOfficeFixture {
    static final OkHttpClient HTTP = new OkHttpClient();

    private BackOfficeFixture() {
    }

    static ReviewHubClient client(TestHub hub, String user) throws Exception {
        ReviewHubClient client = new ReviewHubClient(HTTP, hub.url);
        client.login(user, "password-1");
        return client;
    }

    static long passedVenue(TestHub hub, String name) {
        long app = hub.submit(name);
        return hub.hub.applications().decide(hub.admin, app, new DecisionRequest(Verdict.PASS, null, 1))
                .application().venueId();
    }

    static Principal pairKiosk(TestHub hub, long venueId, String label) {
        String code = hub.hub.venues().createPairingCode(hub.admin, venueId).code();
        long id = hub.hub.venues().pair(code.toLowerCase(Locale.ROOT), label, org.venuegate.hub.TestDevices.publicKey()).deviceId();
        // paired a week ago, so the figures can hold check-ins from the hours before today (the hub refuses decisions
        // from before a kiosk's pairing)
        hub.hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "UPDATE devices SET created_at = ? WHERE id = ?",
                Instant.now().minus(java.time.Duration.ofDays(7)).toEpochMilli(), id));
        return new Principal(Role.DEVICE, id, "device:" + id, null, null, venueId);
    }

    /** The last chain value each test kiosk sent, so the next batch links to it as a kiosk's journal would. */
    private static final java.util.Map<Long, String> HEADS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One check-in per subject, in seq order, decided {@code minutesAgo} minutes ago. A scanned subject ({@code S<id>})
     * comes with the unveil the hub would have recorded for it, so its check-in is evidence of presence; a hand
     * registration ({@code M...}) is not.
     */
    static void checkins(TestHub hub, Principal kiosk, long firstSeq, long minutesAgo, String... subjects) {
        List<Checkin> items = new java.util.ArrayList<>();
        long seq = firstSeq;
        Instant at = Instant.now().minusSeconds(60 * minutesAgo).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String prev = HEADS.getOrDefault(kiosk.id(), org.venuegate.core.checkin.CheckinChain.ZERO);
        for (String s : subjects) {
            boolean manual = s.startsWith("M");
            Long nonce = manual ? null : unveiled(hub, s, kiosk.venueId(), at);
            Checkin c = org.venuegate.hub.TestDevices.chained(prev, UUID.randomUUID().toString(), seq,
                    kiosk.venueId(), s, manual, "PASS", null, manual ? null : "GREEN", nonce, at);
            items.add(c);
            prev = c.chain();
            seq++;
        }
        HEADS.put(kiosk.id(), prev);
        var receipt = hub.hub.checkins().ingest(kiosk, org.venuegate.hub.TestDevices.signed(kiosk, items));
        if (!receipt.rejected().isEmpty()) {
            throw new AssertionError(receipt.rejected().toString());
        }
    }

    /** The unveil record the hub keeps when a citizen shows a code for the venue, a minute before the scan. */
    private static long unveiled(TestHub hub, String subject, long venueId, Instant scannedAt) {
        long nonce = new java.security.SecureRandom().nextLong();
        hub.hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "INSERT INTO unveils(nonce, subject, venue_id, admitted_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?)", nonce, subject, venueId, scannedAt.minusSeconds(60).toEpochMilli(),
                scannedAt.plusSeconds(540).toEpochMilli()));
        return nonce;
    }

    static long audit(TestHub hub, String actionLike) {
        return hub.hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE action LIKE ?", actionLike));
    }

    static String lastAuditDetail(TestHub hub, String action) {
        return hub.hub.db().read(c -> Sql.one(c, "SELECT detail FROM audit_log WHERE action = ? ORDER BY id DESC",
                rs -> rs.getString(1), action)).orElse(null);
    }
}
