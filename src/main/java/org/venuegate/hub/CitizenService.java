package org.venuegate.hub;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.Citizen;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.ColourChange;
import org.venuegate.api.Me;
import org.venuegate.api.Unveiled;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.i18n.Messages;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.core.verify.VerificationResult;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.api.Requests;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * The city's health-code side, simulated: the citizen registry (colour with its reason and follow-up, vaccination,
 * last negative test, guardians of dependants) and the "unveil" that turns a scanned venue code into a freshly
 * signed health code bound to that venue.
 */
public final class CitizenService {
    /** How long an unveiled code stays valid; kiosks also refuse admissions older than their own limit. */
    public static final Duration UNVEILED_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;
    private final TrustService trust;

    public CitizenService(Database db, Clock clock, TrustService trust) {
        this.db = db;
        this.clock = clock;
        this.trust = trust;
    }

    public Citizen register(Principal who, CitizenInput in) {
        String name = Requests.text(in.maskedName(), "maskedName", 12);
        // what the health code can carry, checked now: a name or date it cannot carry would break every later unveil
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > org.venuegate.core.code.CodeFormat.MAX_MASKED_NAME_BYTES) {
            throw ApiException.invalidField("maskedName", "at most " + org.venuegate.core.code.CodeFormat.MAX_MASKED_NAME_BYTES
                    + " bytes in UTF-8 (about 13 Chinese characters)");
        }
        if (in.lastNegativeTest() != null && (in.lastNegativeTest().isAfter(clock.instant().plusSeconds(300))
                || in.lastNegativeTest().getEpochSecond() < 0)) {
            throw ApiException.invalidField("lastNegativeTest", "must lie between 1970 and now");
        }
        if (!name.contains("*")) {
            throw ApiException.invalidField("maskedName", "must be masked (e.g. 张*明); the hub never stores full names");
        }
        Colour colour = Requests.required(in.colour(), "colour");
        String reason = Requests.optionalText(in.colourReason(), "colourReason", 500);
        String followUp = Requests.optionalText(in.colourFollowUp(), "colourFollowUp", 500);
        if (colour != Colour.GREEN && (reason == null || followUp == null)) {
            throw ApiException.invalidField("colourReason", "an abnormal colour needs its reason and follow-up (FAQ 4)");
        }
        long subject = in.subjectId() != null ? in.subjectId() : (RANDOM.nextLong() >>> 11) | 1L;
        Instant now = clock.instant();
        db.tx(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM citizens WHERE subject_id = ?", subject) > 0) {
                throw ApiException.conflict("SUBJECT_EXISTS", "subject " + subject + " already exists");
            }
            Sql.update(c, "INSERT INTO citizens(subject_id, masked_name, colour, colour_reason, colour_follow_up, vaccinated,"
                            + " last_negative_test, independent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    subject, name, colour, reason, followUp, Boolean.TRUE.equals(in.vaccinated()),
                    in.lastNegativeTest() == null ? null : in.lastNegativeTest().toEpochMilli(),
                    !Boolean.FALSE.equals(in.independent()));
            AuditLog.record(c, now, who.actor(), "CITIZEN_REGISTER", "subject:" + subject,
                    AuditLog.Detail.of(colour.name(), AuditMessage.CITIZEN_COLOUR, colour));
            return null;
        });
        return db.read(c -> load(c, subject, false)).orElseThrow();
    }

    /** FAQ 19: several guardians may hold the same child, but not someone who has a code of their own. */
    public void addDependant(Principal who, long guardian, long dependant) {
        if (guardian == dependant) {
            throw ApiException.invalidField("subjectId", "a citizen cannot be their own dependant");
        }
        Instant now = clock.instant();
        db.tx(c -> {
            load(c, guardian, false).orElseThrow(() -> ApiException.notFound("citizen " + guardian));
            Citizen d = load(c, dependant, false).orElseThrow(() -> ApiException.notFound("citizen " + dependant));
            if (d.independent()) {
                throw ApiException.conflict("DEPENDANT_INDEPENDENT", "citizen " + dependant
                        + " holds a health code applied for with their own identity and can no longer be handled by others (FAQ 19)");
            }
            Sql.update(c, "INSERT INTO guardians(guardian_subject, dependant_subject) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    guardian, dependant);
            AuditLog.record(c, now, who.actor(), "DEPENDANT_ADD", "subject:" + dependant,
                    AuditLog.Detail.of("guardian " + guardian, AuditMessage.GUARDIAN, guardian));
            return null;
        });
    }

    public Me me(Principal who) {
        long self = own(who);
        return db.read(c -> new Me(load(c, self, false).orElseThrow(() -> ApiException.notFound("citizen " + self)),
                Sql.list(c, "SELECT d.* FROM citizens d JOIN guardians g ON g.dependant_subject = d.subject_id"
                        + " WHERE g.guardian_subject = ? ORDER BY d.subject_id", rs -> row(rs, true), self)));
    }

    private static long own(Principal who) {
        if (who.role() != Role.CITIZEN || who.subjectId() == null) {
            throw ApiException.forbidden("only a citizen account has a health code");
        }
        return who.subjectId();
    }

    public Citizen get(Principal who, long subject) {
        return db.read(c -> {
            boolean proxy = access(c, who, subject);
            return load(c, subject, proxy).orElseThrow(() -> ApiException.notFound("citizen " + subject));
        });
    }

    /** @return whether the caller sees the subject as a dependant (proxy); throws if not allowed at all */
    private static boolean access(Connection c, Principal who, long subject) throws SQLException {
        if (who.role() == Role.ADMIN) {
            return false;
        }
        long self = own(who);
        if (self == subject) {
            return false;
        }
        if (Sql.count(c, "SELECT COUNT(*) FROM guardians WHERE guardian_subject = ? AND dependant_subject = ?", self, subject) > 0) {
            return true;
        }
        throw ApiException.notFound("citizen " + subject);
    }

    private static Optional<Citizen> load(Connection c, long subject, boolean proxy) throws SQLException {
        return Sql.one(c, "SELECT * FROM citizens WHERE subject_id = ?", rs -> row(rs, proxy), subject);
    }

    private static Citizen row(ResultSet rs, boolean proxy) throws SQLException {
        Long test = Sql.longOrNull(rs, "last_negative_test");
        return new Citizen(rs.getLong("subject_id"), rs.getString("masked_name"), Colour.valueOf(rs.getString("colour")),
                rs.getString("colour_reason"), rs.getString("colour_follow_up"), rs.getBoolean("vaccinated"),
                test == null ? null : Instant.ofEpochMilli(test), rs.getBoolean("independent"), proxy);
    }

    /**
     * Verifies the scanned venue code exactly as a kiosk would and signs a fresh health code bound to that venue.
     * An invalid venue code gets the FAQ's words and nothing is signed.
     */
    public Unveiled unveil(Principal who, long subject, String venueCodeText) {
        String text = Requests.required(venueCodeText, "venueCode");
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        VerificationResult r = new CodeVerifier(trust.currentList(), VerificationPolicy.DEFAULT).verifyVenue(text, now);
        if (!r.valid()) {
            throw new ApiException(400, "INVALID_VENUE_CODE", Messages.get(Locale.ENGLISH, "verify.invalidVenueCode")
                    + " (" + r.reason() + ")");
        }
        Citizen citizen = get(who, subject);
        VenueCode venue = r.venue();
        HealthCode code = new HealthCode(citizen.subjectId(), citizen.maskedName(), citizen.colour(), citizen.badge(),
                Optional.ofNullable(citizen.lastNegativeTest()).map(t -> Instant.ofEpochSecond(t.getEpochSecond())),
                citizen.proxy(), venue.venueId(), now, now.plus(UNVEILED_VALIDITY), recordUnveil(citizen.subjectId(),
                        venue.venueId(), now, now.plus(UNVEILED_VALIDITY)));
        String text2 = trust.ring().issueHealth(code, now);
        return new Unveiled(text2, citizen.subjectId(), citizen.maskedName(), citizen.colour(), citizen.badge(),
                citizen.proxy(), venue.venueId(), venue.name(), venue.venueNumber(), now, code.expiresAt());
    }

    /**
     * Keeps what the hub signs before it signs it: a check-in places its subject at a venue in trace results only when
     * it names a nonce recorded here for that subject and venue. The nonce is fresh; a clash (2^-64) draws again.
     *
     * @return the nonce the code must carry
     */
    private long recordUnveil(long subjectId, long venueId, Instant admittedAt, Instant expiresAt) {
        return db.tx(c -> {
            while (true) {
                long nonce = UnveilLog.nonce(admittedAt, RANDOM.nextLong());
                if (Sql.update(c, "INSERT INTO unveils(nonce, subject, venue_id, admitted_at, expires_at) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (nonce) DO NOTHING", nonce, "S" + Long.toUnsignedString(subjectId), venueId,
                        admittedAt.toEpochMilli(), expiresAt.toEpochMilli()) == 1) {
                    return nonce;
                }
            }
        });
    }

    public Citizen setColour(Principal who, long subject, ColourChange change) {
        Colour colour = Requests.required(change.colour(), "colour");
        String reason = Requests.optionalText(change.reason(), "reason", 500);
        String followUp = Requests.optionalText(change.followUp(), "followUp", 500);
        if (colour != Colour.GREEN && (reason == null || followUp == null)) {
            throw ApiException.invalidField("reason", "an abnormal colour needs its reason and follow-up (FAQ 4)");
        }
        Instant now = clock.instant();
        db.tx(c -> {
            Citizen before = load(c, subject, false).orElseThrow(() -> ApiException.notFound("citizen " + subject));
            Sql.update(c, "UPDATE citizens SET colour = ?, colour_reason = ?, colour_follow_up = ? WHERE subject_id = ?",
                    colour, reason, followUp, subject);
            String text = before.colour() + " -> " + colour + (reason == null ? "" : ": " + reason);
            AuditLog.record(c, now, who.actor(), "COLOUR_CHANGE", "subject:" + subject, reason == null
                    ? AuditLog.Detail.of(text, AuditMessage.COLOUR_CHANGE, before.colour(), colour)
                    : AuditLog.Detail.of(text, AuditMessage.COLOUR_CHANGE_REASON, before.colour(), colour, reason));
            return null;
        });
        return db.read(c -> load(c, subject, false)).orElseThrow();
    }
}
