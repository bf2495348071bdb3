package org.venuegate.kiosk.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.venuegate.core.decide.StopReason;
import org.venuegate.kiosk.journal.TodayStats;
import org.venuegate.ui.Lang;

/** Today's figures for the venue's admin: check-ins by outcome and reason, per hour, and scan-to-decision latency. */
public final class TodayViewModel {
    private final Lang lang;

    public TodayViewModel(Lang lang) {
        this.lang = lang;
    }

    /** The lines the admin screen shows, from the journal's figures for one day. */
    public List<String> lines(TodayStats s) {
        List<String> out = new ArrayList<>();
        out.add(lang.get("kiosk.today.totals", s.day(), s.total(), s.passed(), s.stopped(), s.manual()));
        for (Map.Entry<StopReason, Long> e : s.byStopReason().entrySet()) {
            if (e.getValue() > 0) {
                out.add("  " + lang.text(org.venuegate.core.i18n.LocalizedText.of("decision.stop." + e.getKey().name())) + ": " + e.getValue());
            }
        }
        StringBuilder hours = new StringBuilder();
        for (int h = 0; h < s.perHour().size(); h++) {
            if (s.perHour().get(h) > 0) {
                hours.append(String.format(lang.locale(), "%02d:00 %d  ", h, s.perHour().get(h)));
            }
        }
        out.add(lang.get("kiosk.today.perHour", hours.toString().trim()));
        out.add(lang.get("kiosk.today.latency", s.medianMicros() / 1000.0, s.p95Micros() / 1000.0));
        return out;
    }

    public static LocalDate today(ZoneId zone) {
        return LocalDate.now(zone);
    }
}
