package org.venuegate.hub;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.venuegate.api.Application;
import org.venuegate.api.ApplicationCheck;
import org.venuegate.api.ApplicationCounts;
import org.venuegate.api.ApplicationDashboard;
import org.venuegate.api.ApplicationDetail;
import org.venuegate.api.ApplicationEvent;
import org.venuegate.api.ApplicationPage;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Submission;
import org.venuegate.api.SubmitterRole;
import org.venuegate.api.Verdict;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.core.place.Districts;
import org.venuegate.core.validate.CreditCodeValidator;
import org.venuegate.core.validate.IdNumberValidator;
import org.venuegate.core.validate.PlateValidator;
import org.venuegate.core.validate.ShipIdValidator;
import org.venuegate.core.validate.ValidationResult;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.api.Requests;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * Venue-code applications (FAQ site-code 1-10): submitted by the organiser, never modified or deleted, decided once
 * by a reviewer of the district. Passing issues the signed venue code and the venue record in the same transaction.
 */
public final class ApplicationService {
    /** List filters. */
    public record Query(ApplicationStatus status, String text, String creditCode, Integer district, String category,
                        Instant from, Instant to, ApplicationSort sort, int page, int size) {
    }

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "a.id, a.status, a.version, a.place_name, a.unit_name, a.credit_code, a.category,"
            + " a.district, a.address, a.mobile, a.responsible_name, a.responsible_id_number, a.responsible_phone,"
            + " a.replaces_id, su.username AS submitted_by_name, a.submitted_at, du.username AS decided_by_name, a.decided_at,"
            + " a.fail_reason, a.venue_id";
    private static final String FROM = " FROM applications a JOIN users su ON su.id = a.submitted_by"
            + " LEFT JOIN users du ON du.id = a.decided_by";

    private final Database db;
    private final Clock clock;
    private final TrustService trust;

    public ApplicationService(Database db, Clock clock, TrustService trust) {
        this.db = db;
        this.clock = clock;
        this.trust = trust;
    }

    public Application submit(Principal who, Submission s) {
        if (s.submitterRole() == SubmitterRole.AGENT) {
            throw new ApiException(403, "AGENT_NOT_ALLOWED",
                    "only the organiser of the place may apply for a venue code, not an agent (FAQ site-code 8)");
        }
        Requests.required(s.submitterRole(), "submitterRole");
        boolean mobile = Boolean.TRUE.equals(s.mobile());
        String name;
        if (mobile) {
            String plate = Requests.text(s.plateOrShip(), "plateOrShip", 20);
            name = mobileName(plate);
            String given = Requests.optionalText(s.placeName(), "placeName", 30);
            if (given != null && !normalizeName(given).equals(normalizeName(name))) {
                throw ApiException.invalidField("placeName",
                        "for a mobile place the name is its plate or ship number (" + name + "), FAQ site-code 7");
            }
        } else {
            if (s.plateOrShip() != null && !s.plateOrShip().isBlank()) {
                throw ApiException.invalidField("plateOrShip", "only a mobile place has a plate or ship number");
            }
            name = Requests.text(s.placeName(), "placeName", 30);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > CodeFormat.MAX_VENUE_NAME_BYTES) {
            throw ApiException.invalidField("placeName", "too long for the venue code (at most 30 Chinese characters)");
        }
        String unit = Requests.text(s.unitName(), "unitName", 60);
        String credit = CreditCodeValidator.normalize(Requests.text(s.creditCode(), "creditCode", 30));
        check(CreditCodeValidator.validate(credit), "creditCode");
        String category = Requests.text(s.category(), "category", 16).toUpperCase(Locale.ROOT);
        int district = Requests.required(s.district(), "district");
        if (!Districts.known(district)) {
            throw ApiException.invalidField("district", district + " is not a Tianjin district code (e.g. 120101)");
        }
        String address = Requests.text(s.address(), "address", 120);
        String person = Requests.text(s.responsibleName(), "responsibleName", 30);
        String idNumber = IdNumberValidator.normalize(Requests.text(s.responsibleIdNumber(), "responsibleIdNumber", 30));
        check(IdNumberValidator.validate(idNumber), "responsibleIdNumber");
        String phone = Requests.text(s.responsiblePhone(), "responsiblePhone", 20).replace(" ", "");
        if (!PHONE.matcher(phone).matches()) {
            throw ApiException.invalidField("responsiblePhone", "not a mainland mobile (11 digits from 13-19) or landline number");
        }
        Instant now = clock.instant();
        long id = db.tx(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM categories WHERE code = ?", category) == 0) {
                throw ApiException.invalidField("category", "'" + category + "' is not a known industry category;"
                        + " ask the competent unit to have it added (FAQ site-code 6)");
            }
            if (s.replacesId() != null) {
                Optional<Long> owner = Sql.one(c, "SELECT submitted_by FROM applications WHERE id = ?", rs -> rs.getLong(1), s.replacesId());
                if (owner.isEmpty()) {
                    // the same answer as for someone else's: ids must not be enumerable through this message
                    throw ApiException.invalidField("replacesId", "is not one of your applications");
                }
                if (owner.get() != who.id()) {
                    throw ApiException.invalidField("replacesId", "is not one of your applications");
                }
            }
            long newId = Sql.insertId(c, "INSERT INTO applications(status, version, place_name, place_name_norm, unit_name,"
                            + " credit_code, category, district, address, address_norm, mobile, responsible_name,"
                            + " responsible_id_number, responsible_phone, replaces_id, submitted_by, submitted_at)"
                            + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ApplicationStatus.UNDER_REVIEW, name, normalizeName(name), unit, credit, category, district, address,
                    normalizeName(address), mobile, person, idNumber, phone, s.replacesId(), who.id(), now.toEpochMilli());
            event(c, newId, now, who.actor(), "SUBMITTED", s.replacesId() == null ? null : "replaces " + s.replacesId());
            return newId;
        });
        return get(who, id).application();
    }

    private static String mobileName(String plateOrShip) {
        ValidationResult plate = PlateValidator.validate(plateOrShip);
        if (plate.valid()) {
            return PlateValidator.normalize(plateOrShip);
        }
        ValidationResult ship = ShipIdValidator.validate(plateOrShip);
        if (ship.valid()) {
            return ShipIdValidator.normalize(plateOrShip);
        }
        throw ApiException.invalidField("plateOrShip", "neither a vehicle plate (" + plate.message(Locale.ENGLISH)
                + ") nor a ship number (" + ship.message(Locale.ENGLISH) + ")");
    }

    private static ApplicationCheck checkOf(String name, boolean passed, String message, String key, Object... args) {
        return new ApplicationCheck(name, passed, message, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    private static ApplicationCheck checkOf(String name, ValidationResult r) {
        return new ApplicationCheck(name, r.valid(), r.message(Locale.ENGLISH), r.message().key(),
                r.message().args().stream().map(String::valueOf).toList());
    }

    private static void check(ValidationResult r, String field) {
        if (!r.valid()) {
            throw ApiException.invalidField(field, r.message(Locale.ENGLISH));
        }
    }

    /** For duplicate detection: case, width, spaces and punctuation do not make a different place. */
    static String normalizeName(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[\\s\\p{P}\\p{S}]", "");
    }

    public ApplicationPage list(Principal who, Query q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        scope(who, where, params);
        if (q.status() != null) {
            where.append(" AND a.status = ?");
            params.add(q.status().name());
        }
        if (q.text() != null) {
            where.append(" AND (a.place_name_norm LIKE ? OR a.credit_code LIKE ? OR a.unit_name LIKE ?)");
            String like = "%" + escapeLike(normalizeName(q.text())) + "%";
            params.add(like);
            params.add("%" + escapeLike(q.text().trim().toUpperCase(Locale.ROOT)) + "%");
            params.add("%" + escapeLike(q.text().trim()) + "%");
        }
        if (q.creditCode() != null) {
            where.append(" AND a.credit_code = ?");
            params.add(CreditCodeValidator.normalize(q.creditCode()));
        }
        if (q.district() != null) {
            where.append(" AND a.district = ?");
            params.add(q.district());
        }
        if (q.category() != null) {
            where.append(" AND a.category = ?");
            params.add(q.category().toUpperCase(Locale.ROOT));
        }
        if (q.from() != null) {
            where.append(" AND a.submitted_at >= ?");
            params.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            where.append(" AND a.submitted_at < ?");
            params.add(q.to().toEpochMilli());
        }
        String order = switch (q.sort() == null ? ApplicationSort.SUBMITTED_AT : q.sort()) {
            case SUBMITTED_AT -> "a.submitted_at, a.id";
            case SUBMITTED_AT_DESC -> "a.submitted_at DESC, a.id DESC";
            case NAME -> "a.place_name, a.id";
            case NAME_DESC -> "a.place_name DESC, a.id DESC";
            case CREDIT_CODE -> "a.credit_code, a.submitted_at, a.id";
            case CREDIT_CODE_DESC -> "a.credit_code DESC, a.submitted_at, a.id";
            case DISTRICT -> "a.district, a.submitted_at, a.id";
            case DISTRICT_DESC -> "a.district DESC, a.submitted_at, a.id";
            case CATEGORY -> "a.category, a.submitted_at, a.id";
            case CATEGORY_DESC -> "a.category DESC, a.submitted_at, a.id";
            case DECIDED_AT_DESC -> "a.decided_at DESC, a.id DESC";
        };
        return db.read(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM applications a" + where, params.toArray());
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(q.size());
            pageParams.add((long) q.page() * q.size());
            List<Application> items = Sql.list(c, "SELECT " + COLUMNS + FROM + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                    ApplicationService::row, pageParams.toArray());
            return new ApplicationPage(items, total, q.page(), q.size());
        });
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "").replace("%", "").replace("_", "");
    }

    /** Reviewers see their district, citizens their own applications, admins everything. */
    private static void scope(Principal who, StringBuilder where, List<Object> params) {
        if (who.role() == Role.CITIZEN) {
            where.append(" AND a.submitted_by = ?");
            params.add(who.id());
        } else if (who.role() == Role.REVIEWER && who.district() != null) {
            where.append(" AND a.district = ?");
            params.add(who.district());
        }
    }

    public ApplicationDashboard dashboard(Principal who) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        scope(who, where, params);
        long dayStart = java.time.LocalDate.now(Requests.ZONE).atStartOfDay(Requests.ZONE).toInstant().toEpochMilli();
        return db.read(c -> {
            long waiting = Sql.count(c, "SELECT COUNT(*) FROM applications a" + where + " AND a.status = 'UNDER_REVIEW'", params.toArray());
            Map<String, Long> today = new java.util.TreeMap<>();
            List<Object> p2 = new ArrayList<>(params);
            p2.add(dayStart);
            for (Object[] row : Sql.list(c, "SELECT u.username, COUNT(*) FROM applications a JOIN users u ON u.id = a.decided_by"
                    + where + " AND a.decided_at >= ? GROUP BY u.username", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, p2.toArray())) {
                today.put((String) row[0], (Long) row[1]);
            }
            List<Long> waits = Sql.list(c, "SELECT a.decided_at - a.submitted_at FROM applications a" + where
                    + " AND a.decided_at IS NOT NULL ORDER BY 1", rs -> rs.getLong(1), params.toArray());
            Double median = waits.isEmpty() ? null : waits.get((waits.size() - 1) / 2) / 3_600_000.0;
            return new ApplicationDashboard(waiting, today, median);
        });
    }

    public ApplicationCounts counts(Principal who) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        scope(who, where, params);
        return db.read(c -> {
            Map<ApplicationStatus, Long> out = new EnumMap<>(ApplicationStatus.class);
            for (Object[] row : Sql.list(c, "SELECT a.status, COUNT(*) FROM applications a" + where + " GROUP BY a.status",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}, params.toArray())) {
                out.put(ApplicationStatus.valueOf((String) row[0]), (Long) row[1]);
            }
            return new ApplicationCounts(out.getOrDefault(ApplicationStatus.UNDER_REVIEW, 0L),
                    out.getOrDefault(ApplicationStatus.PASSED, 0L), out.getOrDefault(ApplicationStatus.FAILED, 0L));
        });
    }

    public ApplicationDetail get(Principal who, long id) {
        return db.read(c -> {
            Application a = load(c, id).orElseThrow(() -> ApiException.notFound("application " + id));
            requireVisible(who, c, a);
            List<ApplicationEvent> history = Sql.list(c, "SELECT at, actor, action, detail FROM application_events"
                            + " WHERE application_id = ? ORDER BY id",
                    rs -> new ApplicationEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)), id);
            Application replaced = a.replacesId() == null ? null : load(c, a.replacesId()).orElse(null);
            List<Application> dups = duplicates(c, a);
            // The check counts every duplicate; the list shows only what the caller may see anyway.
            List<Application> visible = dups.stream().filter(x -> who.role() == Role.ADMIN
                    || (who.role() == Role.REVIEWER && (who.district() == null || who.district() == x.district()))).toList();
            return new ApplicationDetail(a, history, checks(c, a, dups), replaced, visible);
        });
    }

    private void requireVisible(Principal who, Connection c, Application a) throws SQLException {
        if (who.role() == Role.CITIZEN) {
            long owner = Sql.count(c, "SELECT submitted_by FROM applications WHERE id = ?", a.id());
            if (owner != who.id()) {
                throw ApiException.notFound("application " + a.id());
            }
        } else if (who.role() == Role.REVIEWER && who.district() != null && who.district() != a.district()) {
            throw ApiException.forbidden("application " + a.id() + " belongs to another district");
        }
    }

    private static Optional<Application> load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE a.id = ?", ApplicationService::row, id);
    }

    /** Same legal entity and the same place (normalised name or address), passed or pending (FAQ site-code 9). */
    private static List<Application> duplicates(Connection c, Application a) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + FROM + " WHERE a.credit_code = ? AND a.id <> ? AND a.status <> ?"
                        + " AND (a.place_name_norm = ? OR a.address_norm = ?) AND (a.replaces_id IS NULL OR a.replaces_id <> ?)"
                        + " ORDER BY a.id LIMIT 20",
                ApplicationService::row, a.creditCode(), a.id(), ApplicationStatus.FAILED, normalizeName(a.placeName()),
                normalizeName(a.address()), a.id());
    }

    private List<ApplicationCheck> checks(Connection c, Application a, List<Application> dups) throws SQLException {
        List<ApplicationCheck> out = new ArrayList<>();
        ValidationResult credit = CreditCodeValidator.validate(a.creditCode());
        out.add(checkOf("CREDIT_CODE", credit));
        String fullId = Sql.one(c, "SELECT responsible_id_number FROM applications WHERE id = ?", rs -> rs.getString(1), a.id()).orElse("");
        ValidationResult idCheck = IdNumberValidator.validate(fullId);
        out.add(checkOf("RESPONSIBLE_ID_NUMBER", idCheck));
        out.add(checkOf("ORGANISER", true, "submitted by the organiser", "check.ORGANISER_OK"));
        boolean category = Sql.count(c, "SELECT COUNT(*) FROM categories WHERE code = ?", a.category()) > 0;
        out.add(category ? checkOf("CATEGORY", true, "known category", "check.CATEGORY_OK")
                : checkOf("CATEGORY", false, "category " + a.category() + " is unknown", "check.CATEGORY_UNKNOWN", a.category()));
        if (a.mobile()) {
            boolean plate = PlateValidator.validate(a.placeName()).valid() || ShipIdValidator.validate(a.placeName()).valid();
            out.add(plate ? checkOf("MOBILE_PLACE", true, "name is a valid plate or ship number; unit is the owner", "check.MOBILE_OK")
                    : checkOf("MOBILE_PLACE", false, "a mobile place must be named by its plate or ship number", "check.MOBILE_NOT_PLATE"));
        }
        out.add(dups.isEmpty() ? checkOf("DUPLICATE", true, "no other application for this place", "check.DUPLICATE_NONE")
                : checkOf("DUPLICATE", false, dups.size() + " passed or pending application(s) of the same credit code with the same"
                        + " name or address", "check.DUPLICATE_FOUND", dups.size()));
        return out;
    }

    private static Application row(ResultSet rs) throws SQLException {
        long decided = rs.getLong("decided_at");
        Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
        return new Application(rs.getLong("id"), ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getString("place_name"), rs.getString("unit_name"), rs.getString("credit_code"), rs.getString("category"),
                rs.getInt("district"), rs.getString("address"), rs.getBoolean("mobile"), rs.getString("responsible_name"),
                IdNumberValidator.mask(rs.getString("responsible_id_number")), rs.getString("responsible_phone"),
                Sql.longOrNull(rs, "replaces_id"), rs.getString("submitted_by_name"),
                Instant.ofEpochMilli(rs.getLong("submitted_at")), rs.getString("decided_by_name"), decidedAt,
                rs.getString("fail_reason"), Sql.longOrNull(rs, "venue_id"));
    }

    private static void event(Connection c, long appId, Instant at, String actor, String action, String detail) throws SQLException {
        Sql.update(c, "INSERT INTO application_events(application_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
                appId, at.toEpochMilli(), actor, action, detail);
    }

    /**
     * Passes or fails an application. Exactly one of two concurrent reviewers succeeds: the update only applies to
     * the version the reviewer saw, still under review; the other gets a 409 with who decided first.
     */
    public ApplicationDetail decide(Principal who, long id, DecisionRequest d) {
        Verdict verdict = Requests.required(d.decision(), "decision");
        int version = Requests.required(d.version(), "version");
        String reason = Requests.optionalText(d.reason(), "reason", 500);
        if (verdict == Verdict.FAIL && reason == null) {
            throw ApiException.invalidField("reason", "a failed application always carries a reason");
        }
        Instant now = clock.instant();
        // Loaded outside the transaction: on SQLite a second connection inside it would wait for our own write lock.
        KeyRing ring = verdict == Verdict.PASS ? trust.ring() : null;
        db.tx(c -> {
            Application a = load(c, id).orElseThrow(() -> ApiException.notFound("application " + id));
            requireVisible(who, c, a);
            if (a.status() != ApplicationStatus.UNDER_REVIEW || a.version() != version) {
                throw ApiException.conflict("DECISION_CONFLICT", a.status() == ApplicationStatus.UNDER_REVIEW
                        ? "application " + id + " changed since you opened it (version " + a.version() + ", you saw " + version + ")"
                        : "application " + id + " was already " + a.status() + " by " + a.decidedBy() + " at " + a.decidedAt());
            }
            // Claim the application first: a concurrent reviewer blocks on this row and then finds it decided.
            int updated = Sql.update(c, "UPDATE applications SET status = ?, version = version + 1, decided_by = ?, decided_at = ?,"
                            + " fail_reason = ? WHERE id = ? AND version = ? AND status = ?",
                    verdict == Verdict.PASS ? ApplicationStatus.PASSED : ApplicationStatus.FAILED, who.id(), now.toEpochMilli(),
                    verdict == Verdict.FAIL ? reason : null, id, version, ApplicationStatus.UNDER_REVIEW);
            if (updated != 1) {
                throw ApiException.conflict("DECISION_CONFLICT", "application " + id + " was decided by someone else just now");
            }
            Long venueId = null;
            if (verdict == Verdict.PASS) {
                venueId = issueVenue(c, ring, a, now);
                Sql.update(c, "UPDATE applications SET venue_id = ? WHERE id = ?", venueId, id);
            }
            String action = verdict == Verdict.PASS ? "PASSED" : "FAILED";
            event(c, id, now, who.actor(), action, verdict == Verdict.PASS ? "venue " + venueId : reason);
            AuditLog.record(c, now, who.actor(), "DECISION_" + verdict, "application:" + id, verdict == Verdict.PASS
                    ? AuditLog.Detail.of("venue " + venueId, AuditMessage.VENUE_CREATED, venueId)
                    : AuditLog.Detail.of(reason, AuditMessage.REASON, reason));
            return null;
        });
        return get(who, id);
    }

    private static long issueVenue(Connection c, KeyRing ring, Application a, Instant now) throws SQLException {
        // Venue ids are random below 2^53 so they survive JavaScript clients and reveal nothing about volumes.
        long venueId = (RANDOM.nextLong() >>> 11) | 1L;
        String number = String.format(Locale.ROOT, "%04d-%06d", a.district() % 10000, a.id());
        Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
        String code = ring.issueVenue(new VenueCode(venueId, number, a.placeName(), a.district(), a.category(),
                a.mobile(), issued), issued);
        Sql.update(c, "INSERT INTO venues(id, number, application_id, name, unit_name, credit_code, category, district,"
                        + " address, mobile, code_text, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                venueId, number, a.id(), a.placeName(), a.unitName(), a.creditCode(), a.category(), a.district(),
                a.address(), a.mobile(), code, issued.toEpochMilli());
        return venueId;
    }
}
