package org.venuegate.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.venuegate.api.DayCount;
import org.venuegate.api.ChainState;
import org.venuegate.api.DeviceHealth;
import org.venuegate.api.DistrictCount;
import org.venuegate.api.HourCount;
import org.venuegate.api.ReviewerCount;
import org.venuegate.api.Role;
import org.venuegate.api.Stats;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The dashboard: applications submitted and decided per day, time to decision, throughput per reviewer and per
 * district, check-ins per hour across the city and, for admins, the kiosk fleet with silent kiosks marked. Every
 * text it exposes is already localized; a failed refresh keeps what is shown and says why in the banner.
 */
public final class DashboardViewModel extends BackOfficeViewModel {
    /** One bar of a chart: its localized category and its value. */
    public record Bar(String label, long value) {
    }

    /** One day: submitted and decided. */
    public record Day(String label, long submitted, long decided) {
    }

    /** One kiosk as the fleet table shows it; every cell is text for the screen. */
    public record Kiosk(String label, String venue, String lastContact, String pending, String trustListAge,
                        String clockSkew, String status, boolean silent, boolean revoked, String records, boolean flagged) {
    }

    private final ReviewHubClient hub;
    private final UiExecutor executor;
    private final Clock clock;
    private final Duration silentAfter;

    private final IntegerProperty days = new SimpleIntegerProperty(14);
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper median = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper p90 = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fleetSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showsFleet = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Day> perDay = FXCollections.observableArrayList();
    private final ObservableList<Bar> perReviewer = FXCollections.observableArrayList();
    private final ObservableList<Bar> perDistrict = FXCollections.observableArrayList();
    private final ObservableList<Bar> perHour = FXCollections.observableArrayList();
    private final ObservableList<Kiosk> fleet = FXCollections.observableArrayList();

    /**
     * Whether a screen offers the dashboard to this role: the roles the hub answers {@code GET /dashboard} for
     * (reviewers and admins); anyone else would only be refused.
     */
    public static boolean shownTo(org.venuegate.api.Role role) {
        return role == org.venuegate.api.Role.REVIEWER || role == org.venuegate.api.Role.ADMIN;
    }

    /**
     * @param silentAfter a kiosk not heard from for longer than this stands out in the fleet table
     */
    public DashboardViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang, Clock clock, Duration silentAfter) {
        super(lang);
        this.hub = hub;
        this.executor = executor;
        this.clock = clock;
        this.silentAfter = silentAfter;
        showsFleet.set(hub.role() == Role.ADMIN);
    }

    private record Loaded(Stats stats, List<DeviceHealth> fleet) {
    }

    public void refresh() {
        int d = days.get();
        boolean withFleet = hub.role() == Role.ADMIN;
        showsFleet.set(withFleet);
        busy.set(true);
        executor.run(() -> new Loaded(hub.stats(d), withFleet ? hub.fleet() : null), loaded -> {
            busy.set(false);
            banner.set("");
            show(loaded.stats());
            if (loaded.fleet() != null) {
                showFleet(loaded.fleet());
            }
            updated.set(lang.get("bo.dash.updated", BackOffice.time(clock.instant())));
        }, this::failed);
    }

    private void show(Stats s) {
        waiting.set(lang.get("bo.dash.waiting", s.waiting()));
        median.set(lang.get("bo.dash.median", BackOffice.minutes(lang, s.medianMinutes())));
        p90.set(lang.get("bo.dash.p90", BackOffice.minutes(lang, s.p90Minutes())));
        DateTimeFormatter f = DateTimeFormatter.ofPattern(BackOffice.english(lang) ? "MMM d" : "M月d日", lang.locale());
        List<Day> dayRows = new ArrayList<>();
        for (DayCount n : s.perDay()) {
            dayRows.add(new Day(f.format(n.day()), n.submitted(), n.decided()));
        }
        perDay.setAll(dayRows);
        List<Bar> reviewers = new ArrayList<>();
        for (ReviewerCount n : s.perReviewer()) {
            reviewers.add(new Bar(n.username(), n.decided()));
        }
        perReviewer.setAll(reviewers);
        List<Bar> districts = new ArrayList<>();
        for (DistrictCount n : s.perDistrict()) {
            districts.add(new Bar(BackOffice.district(lang, n.district()), n.decided()));
        }
        perDistrict.setAll(districts);
        List<Bar> hours = new ArrayList<>();
        for (HourCount n : s.checkinsPerHour()) {
            int hour = n.hour().atZone(BackOffice.ZONE).getHour();
            hours.add(new Bar(lang.get("bo.dash.hour", Integer.toString(hour)), n.checkins()));
        }
        perHour.setAll(hours);
    }

    private void showFleet(List<DeviceHealth> devices) {
        Instant now = clock.instant();
        List<Kiosk> rows = new ArrayList<>();
        int silent = 0;
        int active = 0;
        int flaggedCount = 0;
        for (DeviceHealth d : devices) {
            boolean revoked = d.revokedAt() != null;
            Instant contact = d.lastContact();
            Instant since = contact != null ? contact : d.pairedAt();
            boolean isSilent = !revoked && Duration.between(since, now).compareTo(silentAfter) > 0;
            if (!revoked) {
                active++;
                silent += isSilent ? 1 : 0;
            }
            String label = BackOffice.deviceLabel(lang, d);
            String venue = d.venueName() == null ? lang.get("bo.none") : d.venueName();
            String last = contact == null ? lang.get("bo.fleet.never")
                    : lang.get("bo.fleet.ago", BackOffice.duration(lang, Duration.between(contact, now)));
            String pending = d.pending() == null ? lang.get("bo.fleet.notReported") : Long.toString(d.pending());
            String age = d.trustListSignedAt() == null ? lang.get("bo.fleet.notReported")
                    : lang.get("bo.fleet.ago", BackOffice.duration(lang, Duration.between(d.trustListSignedAt(), now)));
            String skew;
            if (d.clockSkewMs() == null) {
                skew = lang.get("bo.fleet.notReported");
            } else {
                long ms = d.clockSkewMs();
                long seconds = Math.round(ms / 1000.0);
                skew = Math.abs(seconds) < 2 ? lang.get("bo.fleet.inStep")
                        : lang.get(seconds > 0 ? "bo.fleet.ahead" : "bo.fleet.behind", Math.abs(seconds) < 120
                        ? lang.get("bo.duration.seconds", Math.abs(seconds)) : BackOffice.duration(lang, Duration.ofSeconds(seconds)));
            }
            String status = revoked ? lang.get("bo.fleet.revoked") : isSilent ? lang.get("bo.fleet.silent") : lang.get("bo.fleet.ok");
            ChainState chain = d.chain();
            boolean flagged = chain != null && !"OK".equals(chain.status()) && !"NONE".equals(chain.status());
            flaggedCount += flagged ? 1 : 0;
            rows.add(new Kiosk(label, venue, last, pending, age, skew, status, isSilent, revoked, records(chain), flagged));
        }
        fleet.setAll(rows);
        String summary = lang.get("bo.fleet.summary", active, silent, BackOffice.duration(lang, silentAfter));
        fleetSummary.set(flaggedCount == 0 ? summary : lang.get("bo.fleet.summaryAndFlagged", summary, lang.get("bo.fleet.flagged", flaggedCount)));
    }

    /**
     * What the hub found checking the kiosk's record chain, in words with the places affected: a gap, a broken link
     * or a rewritten record is the admin's to look into (a fault, a restored backup, or tampering).
     */
    private String records(ChainState chain) {
        if (chain == null || "NONE".equals(chain.status())) {
            return lang.get("bo.fleet.records.NONE");
        }
        if ("OK".equals(chain.status())) {
            return lang.get("bo.fleet.records.OK", chain.verifiedTo());
        }
        String key = "bo.fleet.records." + chain.status();
        return lang.get(lang.bundle().containsKey(key) ? key : "bo.fleet.records.other",
                chain.from() == null ? "?" : Long.toString(chain.from()), chain.to() == null ? "?" : Long.toString(chain.to()));
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty medianProperty() {
        return median.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p90Property() {
        return p90.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fleetSummaryProperty() {
        return fleetSummary.getReadOnlyProperty();
    }

    /** Only admins see the fleet (the roles table: admin has "devices and the fleet's health"). */
    public ReadOnlyBooleanProperty showsFleetProperty() {
        return showsFleet.getReadOnlyProperty();
    }

    public ObservableList<Day> perDay() {
        return perDay;
    }

    public ObservableList<Bar> perReviewer() {
        return perReviewer;
    }

    public ObservableList<Bar> perDistrict() {
        return perDistrict;
    }

    public ObservableList<Bar> perHour() {
        return perHour;
    }

    public ObservableList<Kiosk> fleet() {
        return fleet;
    }
}
