package org.venuegate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.venuegate.core.json.Json;
import org.venuegate.core.keys.KeyRole;

/**
 * The bodies that the hub used to build as maps, byte for byte as they were: keys, values and key order (maps were
 * written sorted by key, enum keys in declaration order), so clients written against the old answers still read them.
 */
class WireFormatTest {
    private static String json(Object body) throws Exception {
        return Json.mapper().writeValueAsString(body);
    }

    @Test
    void countsKeepTheStatusNamesAsKeysInTheirOrder() throws Exception {
        assertThat(json(new ApplicationCounts(3, 2, 1))).isEqualTo("{\"UNDER_REVIEW\":3,\"PASSED\":2,\"FAILED\":1}");
        ApplicationCounts read = Json.mapper().readValue("{\"FAILED\":1,\"PASSED\":2,\"UNDER_REVIEW\":3}", ApplicationCounts.class);
        assertThat(read.of(ApplicationStatus.UNDER_REVIEW)).isEqualTo(3);
        assertThat(read.of(ApplicationStatus.FAILED)).isEqualTo(1);
    }

    @Test
    void formerMapBodiesAreWrittenAsBefore() throws Exception {
        Instant t = Instant.parse("2026-12-01T08:30:00.123Z");
        assertThat(json(Health.ok(t))).isEqualTo("{\"status\":\"ok\",\"time\":\"" + t + "\"}");
        assertThat(json(new UserCreated(7, "rev", Role.REVIEWER))).isEqualTo("{\"id\":7,\"role\":\"REVIEWER\",\"username\":\"rev\"}");
        assertThat(json(new VenueCodeText(5, "VGV1:x", false))).isEqualTo("{\"revoked\":false,\"text\":\"VGV1:x\",\"venueId\":5}");
        assertThat(json(new RotatedKey("k1", KeyRole.VENUE, t, t))).isEqualTo(
                "{\"keyId\":\"k1\",\"notAfter\":\"" + t + "\",\"notBefore\":\"" + t + "\",\"role\":\"VENUE\"}");
        assertThat(json(new TrustRoot("ab12", "MCow"))).isEqualTo("{\"publicKey\":\"MCow\",\"rootKeyId\":\"ab12\"}");
    }
}
