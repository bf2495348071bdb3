package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.venuegate.core.decide.StopReason;
import org.venuegate.kiosk.journal.TodayStats;
import org.venuegate.ui.Lang;

class TodayViewModelTest {
    @Test
    void showsTotalsReasonsHoursAndLatency() {
        List<Long> hours = new ArrayList<>(Collections.nCopies(24, 0L));
        hours.set(9, 12L);
        hours.set(10, 3L);
        TodayStats s = new TodayStats(LocalDate.of(2026, 11, 24), 15, 12, 3, 1, Map.of(StopReason.RED_CODE, 2L, StopReason.STALE, 1L),
                hours, 2500, 8000);
        List<String> lines = new TodayViewModel(new Lang(Locale.ENGLISH)).lines(s);
        assertThat(lines.get(0)).isEqualTo("2026-11-24: 15 check-ins, 12 passed, 3 stopped, 1 registered by hand");
        assertThat(lines).contains("  RED CODE - STOP: 2", "  SCAN TOO OLD - STOP: 1");
        assertThat(lines).contains("Per hour: 09:00 12  10:00 3");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Scan to decision: median 2.5 ms, 95th percentile 8.0 ms");
    }
}
