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
    private final TodayStats stats;

    public TodayViewModel(Lang lang) {
        this(lang, null);
    }

    /** The figures of one day, for the F2 panel. */
    public TodayViewModel(Lang lang, TodayStats stats) {
        this.lang = lang;
        this.stats = stats;
    }

    public String totals() {
        return lang.get("kiosk.today.totals", stats.day(), stats.total(), stats.passed(), stats.stopped(), stats.manual());
    }

    public String latency() {
        return lang.get("kiosk.today.latency", stats.medianMicros() / 1000.0, stats.p95Micros() / 1000.0);
    }

    /** The category's word, as the prompt shows it. */
    public String categoryName(org.venuegate.core.decide.Category c) {
        return lang.get("kiosk.today.category." + c.name());
    }

    public long count(org.venuegate.core.decide.Category c) {
        return stats.count(c);
    }

    public List<Long> hours(org.venuegate.core.decide.Category c) {
        return stats.hours(c);
    }

    /** "00" to "23": the chart's hour axis. */
    public List<String> hourLabels() {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            h.add(String.format(java.util.Locale.ROOT, "%02d", i));
        }
        return h;
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
