package org.venuegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.hub.Hub;
import org.venuegate.hub.HubConfig;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;

class DemoSeederTest {
    @Test
    void seedsEveryColourVenuesAndAQueue(@TempDir Path dir) throws Exception {
        try (Hub hub = new Hub(HubConfig.embedded(dir).withPasswordIterations(1000), Clock.systemUTC())) {
            DemoSeeder.Seeded s = DemoSeeder.seed(hub);
            Principal admin = new Principal(Role.ADMIN, 1, "admin", null, null, null);
            var counts = hub.applications().counts(admin);
            assertThat(counts.passed()).isEqualTo(3);
            assertThat(counts.underReview()).isEqualTo(5);
            assertThat(hub.venues().venue(admin, s.kioskVenueId()).name()).isEqualTo("滨江道百货大楼");
            var login = hub.auth().login("citizen", DemoSeeder.PASSWORD);
            Principal citizen = new Principal(Role.CITIZEN, 0, "citizen", null, login.subjectId(), null);
            assertThat(hub.citizens().me(citizen).dependants()).hasSize(2);
            assertThat(hub.auth().login("citizen-red", DemoSeeder.PASSWORD).role()).isEqualTo(Role.CITIZEN.api());
        }
    }
}
