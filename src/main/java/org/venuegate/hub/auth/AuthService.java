package org.venuegate.hub.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.venuegate.api.Login;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.store.Database;
import org.venuegate.hub.store.Sql;

/**
 * Users, logins and bearer tokens. Sessions and failed-login counts live in the database, so any hub node can
 * check any token and the rate limit holds across nodes.
 */
public final class AuthService {
    /** Five wrong passwords in fifteen minutes lock the username for the rest of the window. */
    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final Database db;
    private final Clock clock;
    private final Passwords passwords;
    private final Duration tokenTtl;
    /** Checked against for unknown usernames, at the same cost as a real hash. */
    private final String dummyHash;

    public AuthService(Database db, Clock clock, Passwords passwords, Duration tokenTtl) {
        this.db = db;
        this.clock = clock;
        this.passwords = passwords;
        this.tokenTtl = tokenTtl;
        this.dummyHash = passwords.hash("not-a-real-password");
    }

    public long createUser(String username, String password, Role role, Integer district, Long subjectId) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw ApiException.invalidField("username", "3-64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw ApiException.invalidField("password", "8 to 200 characters");
        }
        if (role == Role.ANYONE || role == Role.DEVICE) {
            throw ApiException.invalidField("role", "must be CITIZEN, REVIEWER, ADMIN or TRACER");
        }
        if (role == Role.CITIZEN && subjectId == null) {
            throw ApiException.invalidField("subjectId", "a citizen account needs its subject");
        }
        if (role != Role.CITIZEN && subjectId != null) {
            throw ApiException.invalidField("subjectId", "only a citizen account has a subject");
        }
        if (district != null && (role != Role.REVIEWER || org.venuegate.core.place.Districts.name(district, true).isEmpty())) {
            throw ApiException.invalidField("district", role != Role.REVIEWER ? "only a reviewer works a district"
                    : district + " is not a Tianjin district");
        }
        if (subjectId != null && db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM citizens WHERE subject_id = ?", subjectId)) == 0) {
            throw ApiException.invalidField("subjectId", "no citizen has this subject");
        }
        String hash = passwords.hash(password);
        return db.tx(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM users WHERE username = ?", name) > 0) {
                throw ApiException.conflict("USERNAME_TAKEN", "username '" + name + "' is already taken");
            }
            return Sql.insertId(c, "INSERT INTO users(username, role, district, subject_id, password_hash, active, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", name, role, district, subjectId, hash, true, clock.millis());
        });
    }

    public boolean anyUserWithRole(Role role) {
        return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM users WHERE role = ?", role) > 0);
    }

    public Login login(String username, String password) {
        return login(username, password, "local");
    }

    /** Wrong pairing codes from one address in {@link #FAILURE_WINDOW} before it must wait. */
    public static final int MAX_PAIRING_FAILURES = 20;

    /**
     * Whether one more attempt may be made for {@code name} from {@code address}, as an SQL condition with its
     * parameters. Back-off per account and address, doubling: {@code limit} failures in 15 minutes wait out the window,
     * twice as many in a day wait an hour after the last, four times as many four hours. Another address (the
     * owner's) is not held back by these.
     */
    private static String admissible() {
        String mine = " FROM login_failures WHERE username = ? AND address = ? AND at > ?";
        return "(SELECT COUNT(*)" + mine + ") < ?"
                + " AND NOT ((SELECT COUNT(*)" + mine + ") >= ? AND (SELECT COALESCE(MAX(at), 0)" + mine + ") > ?)"
                + " AND NOT ((SELECT COUNT(*)" + mine + ") >= ? AND (SELECT COALESCE(MAX(at), 0)" + mine + ") > ?)";
    }

    private static Object[] admissibleParams(String name, String address, long now, int limit) {
        long window = now - FAILURE_WINDOW.toMillis();
        long day = now - Duration.ofDays(1).toMillis();
        return new Object[] {name, address, window, limit,
            name, address, day, 2 * limit, name, address, day, now - Duration.ofHours(1).toMillis(),
            name, address, day, 4 * limit, name, address, day, now - Duration.ofHours(4).toMillis()};
    }

    /**
     * Takes a place for one attempt (recorded as a failure until it succeeds), or says no: atomically, under the
     * name's lock, so parallel guesses cannot all slip through.
     */
    private boolean admit(String name, String address, long now, int limit) {
        return db.tx(c -> {
            if (db.dialect() == org.venuegate.hub.store.Database.Dialect.POSTGRES) {
                Sql.one(c, "SELECT pg_advisory_xact_lock(hashtext(?))", rs -> 1, "login:" + name);
            }
            Object[] cond = admissibleParams(name, address, now, limit);
            Object[] all = new Object[3 + cond.length];
            all[0] = name;
            all[1] = now;
            all[2] = address;
            System.arraycopy(cond, 0, all, 3, cond.length);
            return Sql.update(c, "INSERT INTO login_failures(username, at, address) SELECT ?, ?, ? WHERE " + admissible(), all) == 1;
        });
    }

    /** Clears an account's failures (an admin unlocking it after a guessing attack). */
    public void unlock(String username) {
        db.tx(c -> Sql.update(c, "DELETE FROM login_failures WHERE username = ?", username.toLowerCase(Locale.ROOT)));
    }

    /**
     * A pairing attempt from {@code address}: refused (429) after {@link #MAX_FAILURES} wrong codes in the window.
     * Call {@link #pairingSucceeded} when the code was right.
     */
    public void admitPairing(String address) {
        if (!admit("pairing:", address, clock.millis(), MAX_PAIRING_FAILURES)) {
            throw new ApiException(429, "TOO_MANY_ATTEMPTS", "too many wrong pairing codes from this address; try again in "
                    + FAILURE_WINDOW.toMinutes() + " minutes");
        }
    }

    /** A right code: whoever types codes at this address is no guesser; its wrong ones are forgiven. */
    public void pairingSucceeded(String address) {
        db.tx(c -> Sql.update(c, "DELETE FROM login_failures WHERE username = ? AND address = ?", "pairing:", address));
    }

    public Login login(String username, String password, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            // No such user can exist; answering here also keeps junk out of login_failures.
            throw new ApiException(401, "BAD_CREDENTIALS", "wrong username or password");
        }
        Instant now = clock.instant();
        long since = now.minus(FAILURE_WINDOW).toEpochMilli();
        record UserRow(long id, Role role, Integer district, Long subjectId, String hash, boolean active) {
        }
        String from = address == null || address.isBlank() ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
        // The attempt is recorded before the password is checked, so no more than the allowed number are ever checked.
        if (!admit(name, from, now.toEpochMilli(), MAX_FAILURES)) {
            throw new ApiException(429, "TOO_MANY_ATTEMPTS",
                    "too many failed logins for '" + name + "' from this address; try again later");
        }
        Optional<UserRow> user = db.read(c -> Sql.one(c,
                "SELECT id, role, district, subject_id, password_hash, active FROM users WHERE username = ?",
                rs -> new UserRow(rs.getLong("id"), Role.valueOf(rs.getString("role")),
                        (Integer) (rs.getObject("district") == null ? null : rs.getInt("district")),
                        Sql.longOrNull(rs, "subject_id"), rs.getString("password_hash"), rs.getBoolean("active")), name));
        // Hash even for unknown users so response time does not reveal which usernames exist.
        String given = password == null ? "" : password;
        boolean ok;
        if (user.isPresent()) {
            ok = passwords.matches(given, user.get().hash());
        } else {
            passwords.matches(given, dummyHash);
            ok = false;
        }
        if (!ok || !user.get().active()) {
            // The attempt recorded above is the failure. Only the window counts; older failures are dropped so an
            // attacked name does not grow the table.
            db.tx(c -> Sql.update(c, "DELETE FROM login_failures WHERE at <= ?", now.minus(Duration.ofDays(1)).toEpochMilli()));
            throw new ApiException(401, "BAD_CREDENTIALS", "wrong username or password");
        }
        String token = Tokens.newToken();
        Instant expires = now.plus(tokenTtl);
        UserRow u = user.get();
        db.tx(c -> {
            // the owner is in: this address's failures for the account are forgiven (a guesser elsewhere still waits)
            Sql.update(c, "DELETE FROM login_failures WHERE username = ? AND address = ?", name, from);
            Sql.update(c, "DELETE FROM sessions WHERE expires_at < ?", now.toEpochMilli());
            return Sql.update(c, "INSERT INTO sessions(token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                    Tokens.hash(token), u.id(), expires.toEpochMilli());
        });
        return new Login(token, expires, u.role().api(), name, u.district(), u.subjectId());
    }

    public void logout(String token) {
        db.tx(c -> Sql.update(c, "DELETE FROM sessions WHERE token_hash = ?", Tokens.hash(token)));
    }

    /** The principal for a bearer token: a user session or a kiosk device token. */
    public Optional<Principal> authenticate(String token) {
        String hash = Tokens.hash(token);
        long now = clock.millis();
        // a person's session and a kiosk's token in one query: every kiosk call, thousands a second at a city's peak,
        // looked in the sessions first and in the devices in a second round trip
        return db.read(c -> Sql.one(c, BEARER, rs -> "D".equals(rs.getString("kind"))
                ? new Principal(Role.DEVICE, rs.getLong("id"), "device:" + rs.getLong("id"), null, null, rs.getLong("venue_id"))
                : new Principal(Role.valueOf(rs.getString("role")), rs.getLong("id"), rs.getString("username"),
                        (Integer) (rs.getObject("district") == null ? null : rs.getInt("district")),
                        Sql.longOrNull(rs, "subject_id"), null), hash, now, true, hash));
    }

    /** A session's user or an active device by token hash; a token is random, so at most one of them matches. */
    private static final String BEARER = "SELECT 'U' AS kind, u.id, u.username, u.role, u.district, u.subject_id,"
            + " NULL AS venue_id FROM sessions s JOIN users u ON u.id = s.user_id"
            + " WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = ?"
            + " UNION ALL SELECT 'D', d.id, NULL, NULL, NULL, NULL, d.venue_id FROM devices d"
            + " WHERE d.token_hash = ? AND d.revoked_at IS NULL";

}
