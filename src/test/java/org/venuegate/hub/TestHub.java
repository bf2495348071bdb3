package org.venuegate.hub;

import java.nio.file.Files;
import java.time.Clock;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.Submission;
import org.venuegate.api.SubmitterRole;
import org.venuegate.core.code.Colour;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;

/** A real hub on a temporary SQLite database, listening on a free port, with a few users, for client tests. */
public final class TestHub implements AutoCloseable {
    public final Hub hub;
    public final HubServer server;
    public final String url;
    public final Principal admin;
    public final Principal citizen;
    public final long citizenSubject;

    public TestHub() throws Exception {
        this(Clock.systemUTC());
    }

    /** A hub on the given clock (tests move it to sign lists and codes in the past). */
    public TestHub(Clock clock) throws Exception {
        this(HubConfig.embedded(Files.createTempDirectory("test-hub")), clock);
    }

    /** A hub on the given database (the API fuzz runs on PostgreSQL too). */
    public TestHub(HubConfig config, Clock clock) throws Exception {
        hub = new Hub(config.withPasswordIterations(1000), clock);
        hub.bootstrapAdmin();
        server = new HubServer(hub).start(0);
        url = "http://localhost:" + server.port();
        long adminId = hub.auth().createUser("root-admin", "password-1", Role.ADMIN, null, null);
        admin = new Principal(Role.ADMIN, adminId, "root-admin", null, null, null);
        citizenSubject = hub.citizens().register(admin, new CitizenInput(null, "张*明", Colour.GREEN, null, null,
                true, null, true)).subjectId();
        long citizenId = hub.auth().createUser("citizen", "password-1", Role.CITIZEN, null, citizenSubject);
        citizen = new Principal(Role.CITIZEN, citizenId, "citizen", null, citizenSubject, null);
    }

    /** Creates a user that logs in with password "password-1". */
    public void user(String name, Role role, Integer district) {
        hub.auth().createUser(name, "password-1", role, district, null);
    }

    public long submit(String placeName) {
        return submit(placeName, "91350100M000100Y43");
    }

    public long submit(String placeName, String creditCode) {
        return hub.applications().submit(citizen, new Submission(placeName, "天津测试商贸有限公司",
                creditCode, "MALL", 120101, "和平区滨江道1号 " + placeName, false, null, "王五",
                "11010519491231002X", "13800138000", SubmitterRole.ORGANISER, null)).id();
    }

    @Override
    public void close() {
        server.close();
        hub.close();
    }
}
