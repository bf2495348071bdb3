package org.venuegate.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncBackoffTest {
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void ceilingDoublesUpToTheCap() {
        assertThat(SyncWorker.backoff(1, BASE, CAP, 0.999_999).toMillis()).isEqualTo(999);
        assertThat(SyncWorker.backoff(2, BASE, CAP, 0.999_999).toMillis()).isEqualTo(1999);
        assertThat(SyncWorker.backoff(9, BASE, CAP, 0.999_999).toMillis()).isEqualTo(255_999);
        assertThat(SyncWorker.backoff(10, BASE, CAP, 0.999_999).toMillis()).isEqualTo(299_999);
        assertThat(SyncWorker.backoff(1_000, BASE, CAP, 0.999_999).toMillis()).isEqualTo(299_999);
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(SyncWorker.backoff(5, BASE, CAP, 0)).isZero();
        assertThat(SyncWorker.backoff(5, BASE, CAP, 0.5).toMillis()).isEqualTo(8_000);
        assertThat(SyncWorker.backoff(0, BASE, CAP, 0.5).toMillis()).isEqualTo(500);
        assertThat(SyncWorker.backoff(3, BASE, CAP, 7)).isEqualTo(Duration.ofSeconds(4)); // clamped
    }

    @Test
    void settingsRefuseImpossibleBatches() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncWorker.Settings.DEFAULT.withBatchSize(0))
                .hasMessageContaining("batchSize");
        assertThat(SyncWorker.Settings.DEFAULT.batchSize()).isEqualTo(500);
        assertThat(SyncWorker.Settings.DEFAULT.retention()).isEqualTo(Duration.ofDays(28));
    }
}
