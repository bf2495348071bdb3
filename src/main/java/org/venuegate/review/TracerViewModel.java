package org.venuegate.review;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.api.SubjectTrace;
import org.venuegate.api.SubjectVisit;
import org.venuegate.api.VenueTrace;
import org.venuegate.api.VenueVisit;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The tracer's screen: who was at venue V between t1 and t2, or where subject S was. Every query needs a case
 * reference, which the hub writes into the audit entry; without one nothing is asked. Results show pseudonymous
 * subjects and masked names only, and export as CSV exactly as shown (exporting asks the hub nothing).
 */
public final class TracerViewModel extends BackOfficeViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TracerViewModel.class);

    /** The two questions a tracer may ask. */
    public enum Mode { VENUE, SUBJECT }

    /**
     * One visit, every cell text for the screen. {@code evidence} says why an unverified attempt is not a visit; empty
     * for a visit.
     */
    public record Row(String time, String subject, String maskedName, String venue, String outcome, String colour, String entry,
                      String evidence) {
    }

    private final ReviewHubClient hub;
    private final UiExecutor executor;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.VENUE);
    private final StringProperty caseRef = new SimpleStringProperty("");
    private final StringProperty venueId = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final StringProperty fromTime = new SimpleStringProperty("00:00");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final StringProperty toTime = new SimpleStringProperty("23:59");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> unverified = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper unverifiedSummary = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Mode> shownMode = new javafx.beans.property.ReadOnlyObjectWrapper<>(Mode.VENUE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public TracerViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang) {
        super(lang);
        this.hub = hub;
        this.executor = executor;
        LocalDate today = LocalDate.now(BackOffice.ZONE);
        fromDate.set(today);
        toDate.set(today);
    }

    private record Query(Mode mode, String caseRef, long venue, String subject, Instant from, Instant to) {
    }

    /** Runs the query, or says what is missing and asks nothing. */
    public void search() {
        String ref = caseRef.get().strip();
        if (ref.isEmpty()) {
            banner.set(lang.get("bo.trace.caseRequired"));
            return;
        }
        if (ref.length() > 64) {
            banner.set(lang.get("bo.trace.caseTooLong"));
            return;
        }
        Instant from = instant(fromDate.get(), fromTime.get(), false);
        Instant to = instant(toDate.get(), toTime.get(), true);
        if (from == null || to == null) {
            banner.set(lang.get("bo.trace.badTime"));
            return;
        }
        if (!from.isBefore(to)) {
            banner.set(lang.get("bo.trace.fromBeforeTo"));
            return;
        }
        if (java.time.Duration.between(from, to).toDays() > 31) {
            banner.set(lang.get("bo.trace.windowTooLong"));
            return;
        }
        Mode m = mode.get();
        long venue = 0;
        String who = subject.get().strip();
        if (m == Mode.VENUE) {
            try {
                venue = Long.parseLong(venueId.get().strip());
            } catch (NumberFormatException e) {
                banner.set(lang.get("bo.venueIdNumber"));
                return;
            }
        } else if (who.isEmpty() || who.length() > 64) {
            banner.set(lang.get("bo.trace.subjectRequired"));
            return;
        }
        Query q = new Query(m, ref, venue, who, from, to);
        busy.set(true);
        executor.run(() -> q.mode() == Mode.VENUE
                ? venueRows(q, hub.traceVenue(q.caseRef(), q.venue(), q.from().toString(), q.to().toString()))
                : subjectRows(q, hub.traceSubject(q.caseRef(), q.subject(), q.from().toString(), q.to().toString())), found -> {
            busy.set(false);
            banner.set("");
            rows.setAll(found.rows());
            unverified.setAll(found.unverified());
            shownMode.set(q.mode());
            summary.set(lang.get(found.truncated() ? "bo.trace.summaryTruncated" : "bo.trace.summary", found.rows().size(),
                    q.caseRef()));
            unverifiedSummary.set(found.unverified().isEmpty() ? "" : lang.get("bo.trace.unverifiedSummary", found.unverified().size()));
        }, this::failed);
    }

    /** A trace answer as the tables show it: the evidence-backed visits, and apart from them the unverified attempts. */
    private record Found(List<Row> rows, List<Row> unverified, boolean truncated) {
    }

    private Found venueRows(Query q, VenueTrace result) {
        return new Found(venueRows(q, result.visits(), false), venueRows(q, result.unverified(), true), result.truncated());
    }

    private List<Row> venueRows(Query q, List<VenueVisit> visits, boolean withEvidence) {
        List<Row> out = new ArrayList<>();
        for (VenueVisit v : visits) {
            String colour = v.colour() == null ? lang.get("bo.none") : lang.get("bo.trace.colour." + v.colour());
            String entry = v.manual() ? lang.get("bo.trace.manual")
                    : v.proxy() ? lang.get("bo.trace.proxy") : lang.get("bo.trace.scanned");
            out.add(new Row(BackOffice.time(v.decidedAt()), v.subject() == null ? "" : v.subject(),
                    v.maskedName() == null ? lang.get("bo.trace.noName") : v.maskedName(),
                    lang.get("bo.venueNo", Long.toString(q.venue())), outcome(v.outcome()), colour, entry,
                    withEvidence ? evidence(v.evidence()) : ""));
        }
        return out;
    }

    private Found subjectRows(Query q, SubjectTrace result) {
        return new Found(subjectRows(q, result.visits(), false), subjectRows(q, result.unverified(), true), result.truncated());
    }

    private List<Row> subjectRows(Query q, List<SubjectVisit> visits, boolean withEvidence) {
        List<Row> out = new ArrayList<>();
        for (SubjectVisit v : visits) {
            String venue = v.venueName() == null ? lang.get("bo.venueNo", Long.toString(v.venueId())) : v.venueName();
            out.add(new Row(BackOffice.time(v.decidedAt()), q.subject(), "", venue, outcome(v.outcome()), "", "",
                    withEvidence ? evidence(v.evidence()) : ""));
        }
        return out;
    }

    /** Why a record is not evidence of presence, in words; an unknown code (a newer hub) says so rather than showing it raw. */
    private String evidence(String code) {
        String key = "bo.trace.evidence." + code;
        return lang.bundle().containsKey(key) ? lang.get(key) : lang.get("bo.trace.evidence.other");
    }

    private String outcome(String outcome) {
        return lang.get("PASS".equals(outcome) ? "bo.trace.pass" : "bo.trace.stop");
    }

    private static Instant instant(LocalDate date, String time, boolean end) {
        if (date == null) {
            return null;
        }
        try {
            LocalTime t = time == null || time.isBlank() ? (end ? LocalTime.of(23, 59) : LocalTime.MIDNIGHT)
                    : LocalTime.parse(time.strip());
            Instant at = date.atTime(t).atZone(BackOffice.ZONE).toInstant();
            // "to 23:59" means up to the end of that minute.
            return end ? at.plusSeconds(60) : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Writes the rows on screen as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese). */
    public void exportCsv(Path file) {
        List<Row> snapshot = List.copyOf(rows);
        List<Row> others = List.copyOf(unverified);
        Mode m = shownMode.get();
        String text = summary.get();
        String othersText = unverifiedSummary.get();
        executor.run(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                if (m == Mode.VENUE) {
                    line(w, lang.get("bo.trace.col.time"), lang.get("bo.trace.col.subject"), lang.get("bo.trace.col.name"),
                            lang.get("bo.trace.col.outcome"), lang.get("bo.trace.col.colour"), lang.get("bo.trace.col.entry"));
                    for (Row r : snapshot) {
                        line(w, r.time(), r.subject(), r.maskedName(), r.outcome(), r.colour(), r.entry());
                    }
                } else {
                    line(w, lang.get("bo.trace.col.time"), lang.get("bo.trace.col.subject"), lang.get("bo.trace.col.venue"),
                            lang.get("bo.trace.col.outcome"));
                    for (Row r : snapshot) {
                        line(w, r.time(), r.subject(), r.venue(), r.outcome());
                    }
                }
                line(w, text);
                if (!others.isEmpty()) {
                    // kept apart as on screen: never part of who was there
                    line(w);
                    line(w, othersText);
                    line(w, lang.get("bo.trace.col.time"), lang.get("bo.trace.col.subject"),
                            lang.get(m == Mode.VENUE ? "bo.trace.col.entry" : "bo.trace.col.venue"), lang.get("bo.trace.col.outcome"),
                            lang.get("bo.trace.col.evidence"));
                    for (Row r : others) {
                        line(w, r.time(), r.subject(), m == Mode.VENUE ? r.entry() : r.venue(), r.outcome(), r.evidence());
                    }
                }
            }
            return snapshot.size();
        }, n -> banner.set(lang.get("bo.trace.exported", n, file.getFileName().toString())), e -> {
            LOG.warn("CSV export to {} failed", file, e);
            banner.set(lang.get("bo.trace.exportFailed"));
        });
    }

    private static void line(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            // A leading = + - @ would make a spreadsheet evaluate the cell; quote it as text.
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("'")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            w.write(c);
        }
        w.write("\r\n");
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty caseRefProperty() {
        return caseRef;
    }

    public StringProperty venueIdProperty() {
        return venueId;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public StringProperty fromTimeProperty() {
        return fromTime;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public StringProperty toTimeProperty() {
        return toTime;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Unverified attempts: records that name the venue or subject but are no evidence of presence. */
    public ObservableList<Row> unverifiedRows() {
        return unverified;
    }

    /** Empty when there are none, else how many and that they do not count as visits. */
    public ReadOnlyStringProperty unverifiedSummaryProperty() {
        return unverifiedSummary.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Mode> shownModeProperty() {
        return shownMode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
