package org.venuegate.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import okhttp3.OkHttpClient;
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
        long id = hub.hub.venues().pair(code.toLowerCase(Locale.ROOT), label).deviceId();
        // paired a week ago, so the figures can hold check-ins from the hours before today (the hub refuses decisions
        // from before a kiosk's pairing)
        hub.hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "UPDATE devices SET created_at = ? WHERE id = ?",
                Instant.now().minus(java.time.Duration.ofDays(7)).toEpochMilli(), id));
        return new Principal(Role.DEVICE, id, "device:" + id, null, null, venueId);
    }

    /** One check-in per subject, in seq order, decided {@code minutesAgo} minutes ago. */
    static void checkins(TestHub hub, Principal kiosk, long firstSeq, long minutesAgo, String... subjects) {
        List<CheckinService.Checkin> items = new java.util.ArrayList<>();
        long seq = firstSeq;
        for (String s : subjects) {
            items.add(new CheckinService.Checkin(UUID.randomUUID().toString(), seq, String.format("%064x", seq + 1),
                    kiosk.venueId(), s, s.startsWith("M"), "PASS", null, "GREEN", false,
                    Instant.now().minusSeconds(60 * minutesAgo)));
            seq++;
        }
        var receipt = hub.hub.checkins().ingest(kiosk, new CheckinService.Batch(items));
        if (!receipt.rejected().isEmpty()) {
            throw new AssertionError(receipt.rejected().toString());
        }
    }

    static long audit(TestHub hub, String actionLike) {
        return hub.hub.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE action LIKE ?", actionLike));
    }

    static String lastAuditDetail(TestHub hub, String action) {
        return hub.hub.db().read(c -> Sql.one(c, "SELECT detail FROM audit_log WHERE action = ? ORDER BY id DESC",
                rs -> rs.getString(1), action)).orElse(null);
    }
}
