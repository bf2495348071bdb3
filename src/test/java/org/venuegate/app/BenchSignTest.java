package org.venuegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.venuegate.app.BenchIngestTest.Run;

/** {@code venuegate bench sign} in a very short run: its output and usage errors. Figures are printed, never asserted. */
class BenchSignTest {
    @Test
    void printsBothImplementationsAndOneJsonLine() throws Exception {
        Run r = BenchIngestTest.run("bench", "sign", "--rounds", "1", "--seconds", "0.05", "--bytes", "40", "--batch", "300");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("jdk sign", "bc verify", "BC / JDK: sign");
        JsonNode json = r.json();
        assertThat(json.get("bench").asText()).isEqualTo("sign");
        assertThat(json.get("message_bytes").asInt()).isEqualTo(40);
        for (String field : new String[] {"jdk_sign_per_core_s", "bc_sign_per_core_s", "jdk_verify_per_core_s", "bc_verify_per_core_s"}) {
            assertThat(json.get(field).asLong()).as(field).isPositive();
        }
        assertThat(r.out()).contains("batch signature check, 300 items");
        assertThat(json.get("batch_items").asInt()).isEqualTo(300);
        assertThat(json.get("batch_check_vgb2_us").asDouble()).isPositive();
        assertThat(json.get("batch_check_vgb1_us").asDouble()).isPositive();
        assertThat(BenchIngestTest.run("bench", "sign", "--rounds", "1", "--seconds", "0.05", "--batch", "0").json().has("batch_items"))
                .as("--batch 0 skips the batch check").isFalse();
    }

    @Test
    void usageErrors() {
        assertThat(BenchIngestTest.run("bench", "sign", "--rounds", "0").status()).isEqualTo(2);
        assertThat(BenchIngestTest.run("bench", "sign", "--seconds", "0").err()).contains("--seconds 0.01..60");
        assertThat(BenchIngestTest.run("bench", "sign", "--bytes", "-1").status()).isEqualTo(2);
        assertThat(BenchIngestTest.run("bench", "sign", "--batch", "5001").err()).contains("--batch 0..5000");
    }
}
