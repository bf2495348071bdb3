package org.venuegate.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.auth.AuthService;
import org.venuegate.hub.auth.Passwords;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.auth.Tokens;
import org.venuegate.hub.store.Database;

/** The hub's composition root: one database, the services over it, and the retention schedule. */
public final class Hub implements AutoCloseable {
    public static final String ADMIN_PASSWORD_FILE = "admin-password.txt";
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final HubConfig config;
    private final Clock clock;
    private final Database db;
    private final AuthService auth;
    private final TrustService trust;
    private final ApplicationService applications;
    private final VenueService venues;
    private final CheckinService checkins;
    private final CitizenService citizens;
    private final TraceService trace;
    private final PosterService posters;
    private final BackOfficeService backOffice;
    private ScheduledExecutorService scheduler;

    public Hub(HubConfig config, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.db = (config.jdbcUrl() == null
                ? Database.sqlite(config.dataDir().resolve("hub.db"))
                : Database.forUrl(config.jdbcUrl(), config.dbUser(), config.dbPassword())).migrate();
        this.auth = new AuthService(db, clock, new Passwords(config.passwordIterations()), config.tokenTtl());
        this.trust = new TrustService(db, clock);
        this.applications = new ApplicationService(db, clock, trust);
        this.venues = new VenueService(db, clock, trust);
        this.backOffice = new BackOfficeService(db, clock, new Passwords(config.passwordIterations()), trust, config.retention());
        this.checkins = new CheckinService(db, clock, backOffice::retention);
        this.citizens = new CitizenService(db, clock, trust);
        this.trace = new TraceService(db, clock);
        this.posters = new PosterService(trust, clock);
        this.partitions = db.dialect() == Database.Dialect.POSTGRES ? new CheckinPartitions(db, clock) : null;
        if (partitions != null) {
            partitions.ensure();
        }
    }

    /** The check-in table's day partitions on PostgreSQL; null on SQLite, which keeps one plain table. */
    private final CheckinPartitions partitions;

    /**
     * Creates the first admin when there is none, with a random password written owner-only to the data folder.
     *
     * @return the new password, or empty when an admin already exists
     */
    public Optional<String> bootstrapAdmin() throws IOException {
        if (auth.anyUserWithRole(Role.ADMIN)) {
            return Optional.empty();
        }
        String password = Tokens.newToken().substring(0, 20);
        try {
            auth.createUser("admin", password, Role.ADMIN, null, null);
        } catch (ApiException | Database.StoreException e) {
            // another node starting on the same empty database made the first admin a moment before: its password
            // is in that node's data folder, and this node starts as any later one does
            if (auth.anyUserWithRole(Role.ADMIN)) {
                LOG.info("Another hub node created the first admin account; its password is in that node's data folder");
                return Optional.empty();
            }
            throw e;
        }
        if (config.dataDir() != null) {
            Files.createDirectories(config.dataDir());
            Path file = config.dataDir().resolve(ADMIN_PASSWORD_FILE);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, "admin\n" + password + "\n", StandardCharsets.UTF_8);
        }
        return Optional.of(password);
    }

    /**
     * Creates the coming days' check-in partitions (PostgreSQL) and purges expired check-ins, now and then every hour;
     * each node may run it (both steps are idempotent and take an advisory lock on PostgreSQL).
     */
    public synchronized void startRetention() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-retention");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (partitions != null) {
                    partitions.ensure();
                }
                checkins.purge(backOffice.retention());
            } catch (RuntimeException e) {
                LOG.error("Retention purge failed; will retry in an hour", e);
            }
        }, 0, 1, TimeUnit.HOURS);
    }

    public Clock clock() {
        return clock;
    }

    public Database db() {
        return db;
    }

    public AuthService auth() {
        return auth;
    }

    public TrustService trust() {
        return trust;
    }

    public ApplicationService applications() {
        return applications;
    }

    public VenueService venues() {
        return venues;
    }

    public CheckinService checkins() {
        return checkins;
    }

    public CitizenService citizens() {
        return citizens;
    }

    public TraceService trace() {
        return trace;
    }

    public BackOfficeService backOffice() {
        return backOffice;
    }

    public PosterService posters() {
        return posters;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        db.close();
    }
}
