package org.venuegate.hub;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.Category;
import org.venuegate.api.CategoryRequest;
import org.venuegate.api.Device;
import org.venuegate.api.Pairing;
import org.venuegate.api.PairingCode;
import org.venuegate.api.Venue;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.api.Requests;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.auth.Tokens;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/** Venues and their codes, industry categories, and kiosk devices with their pairing codes. */
public final class VenueService {
    public static final Duration PAIRING_CODE_TTL = Duration.ofHours(24);
    private static final Pattern CATEGORY_CODE = Pattern.compile("[A-Z0-9-]{2,16}");

    private static final String VENUE_COLUMNS = "id, number, application_id, name, unit_name, credit_code, category, district,"
            + " address, mobile, code_text, issued_at, revoked_at, revoke_reason";

    private final Database db;
    private final Clock clock;
    private final TrustService trust;

    public VenueService(Database db, Clock clock, TrustService trust) {
        this.db = db;
        this.clock = clock;
        this.trust = trust;
    }

    public Venue venue(Principal who, long id) {
        Venue v = db.read(c -> load(c, id)).orElseThrow(() -> ApiException.notFound("venue " + id));
        if (who.role() == Role.DEVICE && who.venueId() != id) {
            throw ApiException.forbidden("a kiosk may only read its own venue");
        }
        if (who.role() == Role.CITIZEN) {
            boolean own = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM applications WHERE id = ? AND submitted_by = ?",
                    v.applicationId(), who.id()) > 0);
            if (!own) {
                throw ApiException.notFound("venue " + id);
            }
        }
        if (who.role() == Role.REVIEWER && who.district() != null && who.district() != v.district()) {
            throw ApiException.forbidden("venue " + id + " belongs to another district");
        }
        return v;
    }

    /** All venues of one legal entity, for batch poster export of chains. */
    public List<Venue> byCreditCode(Principal who, String creditCode) {
        String code = Requests.text(creditCode, "creditCode", 30).toUpperCase(Locale.ROOT);
        Integer district = who.role() == Role.REVIEWER ? who.district() : null;
        return db.read(c -> district == null
                ? Sql.list(c, "SELECT " + VENUE_COLUMNS + " FROM venues WHERE credit_code = ? ORDER BY id", VenueService::row, code)
                : Sql.list(c, "SELECT " + VENUE_COLUMNS + " FROM venues WHERE credit_code = ? AND district = ? ORDER BY id",
                        VenueService::row, code, district));
    }

    static Optional<Venue> load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + VENUE_COLUMNS + " FROM venues WHERE id = ?", VenueService::row, id);
    }

    private static Venue row(ResultSet rs) throws SQLException {
        Long revoked = Sql.longOrNull(rs, "revoked_at");
        return new Venue(rs.getLong("id"), rs.getString("number"), rs.getLong("application_id"), rs.getString("name"),
                rs.getString("unit_name"), rs.getString("credit_code"), rs.getString("category"), rs.getInt("district"),
                rs.getString("address"), rs.getBoolean("mobile"), rs.getString("code_text"),
                Instant.ofEpochMilli(rs.getLong("issued_at")), revoked == null ? null : Instant.ofEpochMilli(revoked),
                rs.getString("revoke_reason"));
    }

    /** Revokes a venue: its code and every health code unveiled for it stop verifying with the next trust list. */
    public Venue revoke(Principal who, long id, String reason) {
        String why = Requests.text(reason, "reason", 500);
        Instant now = clock.instant();
        db.tx(c -> {
            Venue v = load(c, id).orElseThrow(() -> ApiException.notFound("venue " + id));
            if (v.revoked()) {
                throw ApiException.conflict("ALREADY_REVOKED", "venue " + id + " was revoked at " + v.revokedAt());
            }
            Sql.update(c, "UPDATE venues SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?",
                    now.toEpochMilli(), who.actor(), why, id);
            AuditLog.record(c, now, who.actor(), "VENUE_REVOKE", "venue:" + id, AuditLog.Detail.of(why, AuditMessage.REASON, why));
            return null;
        });
        trust.publish();
        return db.read(c -> load(c, id)).orElseThrow();
    }

    public List<Category> categories() {
        return db.read(c -> Sql.list(c, "SELECT code, name_zh, name_en FROM categories ORDER BY code",
                rs -> new Category(rs.getString(1), rs.getString(2), rs.getString(3))));
    }

    public Category addCategory(Principal who, CategoryRequest cat) {
        String code = Requests.text(cat.code(), "code", 16).toUpperCase(Locale.ROOT);
        if (!CATEGORY_CODE.matcher(code).matches()) {
            throw ApiException.invalidField("code", "2-16 characters of A-Z, 0-9 and '-'");
        }
        Category c2 = new Category(code, Requests.text(cat.nameZh(), "nameZh", 30), Requests.text(cat.nameEn(), "nameEn", 60));
        Instant now = clock.instant();
        db.tx(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM categories WHERE code = ?", code) > 0) {
                throw ApiException.conflict("CATEGORY_EXISTS", "category " + code + " already exists");
            }
            Sql.update(c, "INSERT INTO categories(code, name_zh, name_en, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                    code, c2.nameZh(), c2.nameEn(), now.toEpochMilli(), who.actor());
            AuditLog.record(c, now, who.actor(), "CATEGORY_ADD", "category:" + code,
                    AuditLog.Detail.of(c2.nameZh() + " / " + c2.nameEn(), AuditMessage.CATEGORY_NAMES, c2.nameZh(), c2.nameEn()));
            return null;
        });
        return c2;
    }

    public PairingCode createPairingCode(Principal who, long venueId) {
        String code = Tokens.newPairingCode();
        Instant now = clock.instant();
        Instant expires = now.plus(PAIRING_CODE_TTL);
        db.tx(c -> {
            Venue v = load(c, venueId).orElseThrow(() -> ApiException.notFound("venue " + venueId));
            if (v.revoked()) {
                throw ApiException.conflict("VENUE_REVOKED", "venue " + venueId + " is revoked; a kiosk cannot be paired to it");
            }
            Sql.update(c, "INSERT INTO pairing_codes(code_hash, venue_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    Tokens.hash(Tokens.normalizePairingCode(code)), venueId, who.actor(), now.toEpochMilli(), expires.toEpochMilli());
            AuditLog.record(c, now, who.actor(), "PAIRING_CODE", "venue:" + venueId,
                    AuditLog.Detail.of("expires " + expires, AuditMessage.PAIRING_EXPIRES, expires));
            return null;
        });
        return new PairingCode(code, venueId, expires);
    }

    /** Exchanges a one-time pairing code for a device token. A used, expired or unknown code gets the same answer. */
    public Pairing pair(String pairingCode, String label, String publicKey) {
        String normalized = Tokens.normalizePairingCode(pairingCode);
        String cleanLabel = Requests.optionalText(label, "label", 64);
        if (normalized.isEmpty()) {
            throw ApiException.invalidField("pairingCode", "is required");
        }

        String token = Tokens.newToken();
        Instant now = clock.instant();
        long[] ids = db.tx(c -> {
            Optional<Long> venue = Sql.one(c, "SELECT venue_id FROM pairing_codes WHERE code_hash = ? AND used_at IS NULL"
                    + " AND expires_at > ?", rs -> rs.getLong(1), Tokens.hash(normalized), now.toEpochMilli());
            if (venue.isEmpty()) {
                throw new ApiException(401, "PAIRING_CODE_INVALID", "the pairing code is unknown, already used or expired;"
                        + " ask the administrator for a new one");
            }
            if (load(c, venue.get()).map(Venue::revoked).orElse(true)) {
                throw ApiException.conflict("VENUE_REVOKED", "the venue of this pairing code has been revoked; no kiosk can pair to it");
            }
            // checked after the code, so a guesser learns nothing from it, and before the code is spent
            String key = devicePublicKey(publicKey);
            long deviceId = Sql.insertId(c, "INSERT INTO devices(venue_id, token_hash, label, created_at, public_key)"
                    + " VALUES (?, ?, ?, ?, ?)", venue.get(), Tokens.hash(token), cleanLabel, now.toEpochMilli(), key);
            Sql.update(c, "UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE code_hash = ?",
                    now.toEpochMilli(), deviceId, Tokens.hash(normalized));
            if (cleanLabel == null) {
                AuditLog.record(c, now, "device:" + deviceId, "DEVICE_PAIRED", "venue:" + venue.get());
            } else {
                AuditLog.record(c, now, "device:" + deviceId, "DEVICE_PAIRED", "venue:" + venue.get(),
                        AuditLog.Detail.of(cleanLabel, AuditMessage.DEVICE_LABEL, cleanLabel));
            }
            return new long[] {deviceId, venue.get()};
        });
        Venue v = db.read(c -> load(c, ids[1])).orElseThrow();
        var root = trust.root();
        return new Pairing(ids[0], token, root.publicKey(), root.keyId(), v, trust.current().document());
    }

    /**
     * The kiosk's own signing key, made at pairing: a batch of check-ins must be signed with it, so the bearer token
     * alone (which can leak from a config file) cannot post records.
     */
    static String devicePublicKey(String publicKey) {
        if (publicKey == null || publicKey.isBlank()) {
            throw ApiException.invalidField("publicKey", "is required: the kiosk's Ed25519 public key (Base64 X.509)");
        }
        if (publicKey.length() > 100) {
            throw ApiException.invalidField("publicKey", "is not a Base64 X.509 Ed25519 public key");
        }
        try {
            return Ed25519.encodePublic(Ed25519.decodePublic(publicKey.strip()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("publicKey", "is not a Base64 X.509 Ed25519 public key");
        }
    }

    /** The signing key of an active device, or empty when it has none or was revoked (revoking it revokes its key). */
    public java.util.Optional<java.security.PublicKey> deviceKey(long deviceId) {
        return db.read(c -> Sql.one(c, "SELECT public_key FROM devices WHERE id = ? AND revoked_at IS NULL"
                + " AND public_key IS NOT NULL", rs -> rs.getString(1), deviceId)).map(Ed25519::decodePublic);
    }

    public List<Device> devices(Long venueId) {
        Object[] params = venueId == null ? new Object[0] : new Object[] {venueId};
        return db.read(c -> Sql.list(c, "SELECT id, venue_id, label, created_at, revoked_at FROM devices"
                        + (venueId == null ? "" : " WHERE venue_id = ?") + " ORDER BY id",
                rs -> {
                    Long revoked = Sql.longOrNull(rs, "revoked_at");
                    return new Device(rs.getLong(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            revoked == null ? null : Instant.ofEpochMilli(revoked));
                }, params));
    }

    public void revokeDevice(Principal who, long deviceId) {
        Instant now = clock.instant();
        db.tx(c -> {
            if (Sql.update(c, "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now.toEpochMilli(), deviceId) == 0) {
                throw ApiException.notFound("active device " + deviceId);
            }
            AuditLog.record(c, now, who.actor(), "DEVICE_REVOKE", "device:" + deviceId);
            return null;
        });
    }
}
