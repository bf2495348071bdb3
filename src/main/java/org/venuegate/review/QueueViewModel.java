package org.venuegate.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.venuegate.core.place.Districts;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The reviewer's queue: tabs by status with live counts, one page of applications at a time (never the whole
 * queue), the selected application's details, checks and history, and pass / fail with a reason. A decision another
 * reviewer made first shows a conflict and reloads; a hub that is down shows a banner and loses nothing typed.
 */
public final class QueueViewModel {
    public static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One table row. */
    public record Row(long id, String placeName, String unitName, String creditCode, String district, String category,
                      String submittedAt, boolean mobile) {
    }

    /** One automatic check, marked pass or fail. */
    public record CheckRow(String name, boolean passed, String message) {
    }

    private final ReviewHubClient hub;
    private final UiExecutor executor;
    private final Lang lang;
    private final ZoneId zone;

    private final ObjectProperty<String> status = new SimpleObjectProperty<>("UNDER_REVIEW");
    private final ReadOnlyObjectWrapper<Map<String, Long>> counts = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final StringProperty search = new SimpleStringProperty("");
    /** Filters: district code, category code, submitted from / to (dates), and the sort order; null or empty = any. */
    private final ObjectProperty<Integer> district = new SimpleObjectProperty<>();
    private final StringProperty category = new SimpleStringProperty("");
    private final ObjectProperty<java.time.LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<String> sort = new SimpleObjectProperty<>();
    /**
     * The one selection: the table highlights it, the detail pane shows it, and decisions apply to it only. The view
     * reports what the reviewer picks and follows what this says; nothing else chooses.
     */
    private final ReadOnlyObjectWrapper<Long> selectedId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JsonNode> detail = new ReadOnlyObjectWrapper<>();
    /** Bumped by every selection, so a slow answer for an earlier one is dropped instead of shown. */
    private long selectionToken;
    private boolean replacingRows;
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> commonReasons;
    private boolean bannerIsError;
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(false);

    public QueueViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang, ZoneId zone) {
        this.hub = hub;
        this.executor = executor;
        this.lang = lang;
        this.zone = zone;
        this.commonReasons = FXCollections.observableArrayList(lang.get("review.reason.creditCode"),
                lang.get("review.reason.duplicate"), lang.get("review.reason.agent"), lang.get("review.reason.mobileName"),
                lang.get("review.reason.address"), lang.get("review.reason.category"));
    }

    /** Reloads counts and the current page, keeping the selection. */
    public void refresh() {
        refresh(null);
    }

    /**
     * Reloads counts and the current page; then selects {@code target} when it is on the new page (the next
     * application after a decision), else keeps the current selection.
     */
    private void refresh(Long target) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("status", status.get());
        q.put("q", search.get());
        q.put("page", Integer.toString(page.get()));
        q.put("size", Integer.toString(PAGE_SIZE));
        q.put("sort", sort.get() != null ? sort.get() : "UNDER_REVIEW".equals(status.get()) ? "SUBMITTED_AT" : "DECIDED_AT_DESC");
        q.put("district", district.get() == null ? null : district.get().toString());
        q.put("category", category.get());
        q.put("from", from.get() == null ? null : from.get().toString());
        q.put("to", to.get() == null ? null : to.get().toString());
        busy.set(true);
        executor.run(() -> new JsonNode[] {hub.counts(), hub.list(q)}, r -> {
            busy.set(false);
            if (bannerIsError) {
                // The hub answers again: the connection warning is over; a decision's confirmation stays.
                banner.set("");
                bannerIsError = false;
            }
            Map<String, Long> c = new LinkedHashMap<>();
            r[0].fields().forEachRemaining(e -> c.put(e.getKey(), e.getValue().asLong()));
            counts.set(c);
            total.set(r[1].get("total").asLong());
            List<Row> list = new ArrayList<>();
            r[1].get("items").forEach(n -> list.add(row(n)));
            replacingRows = true;
            try {
                rows.setAll(list);
            } finally {
                replacingRows = false;
            }
            if (target != null) {
                select(indexOf(target) >= 0 ? target : list.isEmpty() ? null : list.get(0).id(), true);
            }
        }, this::failed);
    }

    private Row row(JsonNode n) {
        boolean en = lang.locale().getLanguage().equals("en");
        return new Row(n.get("id").asLong(), n.get("placeName").asText(), n.get("unitName").asText(),
                n.get("creditCode").asText(), Districts.name(n.get("district").asInt(), en).orElse(n.get("district").asText()),
                n.get("category").asText(), TIME.format(Instant.parse(n.get("submittedAt").asText()).atZone(zone)),
                n.get("mobile").asBoolean());
    }

    public void showStatus(String s) {
        status.set(s);
        page.set(0);
        select(null);
        refresh();
    }

    public void nextPage() {
        if ((long) (page.get() + 1) * PAGE_SIZE < total.get()) {
            page.set(page.get() + 1);
            refresh();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            refresh();
        }
    }

    /**
     * What the reviewer picked in the table. Ignored while the page is being replaced (the table then reports rows
     * it highlights on its own), and when it is already the selection.
     */
    public void userSelected(long id) {
        if (replacingRows || Long.valueOf(id).equals(selectedId.get())) {
            return;
        }
        select(id);
    }

    /** Makes {@code id} the selection (null: none) and loads its detail; what was shown before is cleared at once. */
    public void select(Long id) {
        select(id, false);
    }

    /** @param keepBanner true only for the advance after a decision, whose confirmation stays on screen */
    private void select(Long id, boolean keepBanner) {
        long token = ++selectionToken;
        selectedId.set(id);
        detail.set(null);
        checks.clear();
        history.clear();
        if (!keepBanner && !bannerIsError) {
            // a confirmation or conflict note belongs to the application it was about
            banner.set("");
        }
        if (id == null) {
            return;
        }
        busy.set(true);
        executor.run(() -> hub.get(id), d -> {
            if (token != selectionToken) {
                return; // the reviewer has moved on
            }
            busy.set(false);
            detail.set(d);
            List<CheckRow> cs = new ArrayList<>();
            d.get("checks").forEach(c -> cs.add(new CheckRow(c.get("name").asText(), c.get("passed").asBoolean(),
                    c.get("message").asText())));
            checks.setAll(cs);
            List<String> h = new ArrayList<>();
            d.get("history").forEach(e -> h.add(TIME.format(Instant.parse(e.get("at").asText()).atZone(zone)) + "  "
                    + e.get("actor").asText() + "  " + e.get("action").asText()
                    + (e.get("detail").isNull() ? "" : "  " + e.get("detail").asText())));
            history.setAll(h);
        }, e -> {
            if (token == selectionToken) {
                failed(e);
            }
        });
    }

    private int indexOf(long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** Selects the row after the selected one in the table's current order (keyboard: next). */
    public void selectNext() {
        Long current = selectedId.get();
        int index = current == null ? -1 : indexOf(current);
        if (index + 1 < rows.size()) {
            select(rows.get(index + 1).id());
        }
    }

    /** Selects the row before the selected one (keyboard: previous). */
    public void selectPrevious() {
        Long current = selectedId.get();
        int index = current == null ? rows.size() : indexOf(current);
        if (index > 0) {
            select(rows.get(index - 1).id());
        }
    }

    public void pass() {
        decide("PASS", null);
    }

    public void fail() {
        String why = reason.get() == null ? "" : reason.get().trim();
        if (why.isEmpty()) {
            banner.set(lang.get("review.reasonRequired"));
            return;
        }
        decide("FAIL", why);
    }

    private void decide(String verdict, String why) {
        JsonNode d = detail.get();
        Long selected = selectedId.get();
        // Only the application on screen, and only once its detail is the selection's (never a stale one).
        if (d == null || selected == null || d.get("application").get("id").asLong() != selected) {
            return;
        }
        JsonNode app = d.get("application");
        long id = selected;
        int version = app.get("version").asInt();
        busy.set(true);
        executor.run(() -> hub.decide(id, verdict, why, version), done -> {
            busy.set(false);
            reason.set("");
            bannerIsError = false;
            banner.set(lang.get("PASS".equals(verdict) ? "review.passed" : "review.failed", app.get("placeName").asText()));
            refreshAndAdvance(id);
        }, e -> {
            busy.set(false);
            if (e instanceof ReviewHubClient.HubException h && h.conflict()) {
                refresh();
                select(id);
                banner.set(lang.get("review.conflict", h.getMessage()));
            } else {
                failed(e);
            }
        });
    }

    /** After a decision: the next row in the table's current order (or the previous one at the end). */
    private void refreshAndAdvance(long decidedId) {
        int index = indexOf(decidedId);
        Long nextId = null;
        if (index >= 0 && index + 1 < rows.size()) {
            nextId = rows.get(index + 1).id();
        } else if (index > 0) {
            nextId = rows.get(index - 1).id();
        }
        select(null, true);
        refresh(nextId == null ? -1L : nextId);
    }

    private void failed(Throwable e) {
        busy.set(false);
        bannerIsError = true;
        if (e instanceof ReviewHubClient.HubException h) {
            if (h.sessionExpired()) {
                sessionExpired.set(true);
            }
            banner.set(h.sessionExpired() ? lang.get("review.sessionExpired")
                    : h.unreachable() ? lang.get("review.unreachable", h.getMessage()) : h.getMessage());
        } else {
            banner.set(lang.get("review.unexpected", String.valueOf(e.getMessage())));
        }
    }

    /**
     * Exports the selected passed application's poster as PDF and PNG next to each other, after the self-test.
     * A poster that fails the self-test is never written.
     */
    public void exportPoster(PosterExporter exporter, java.nio.file.Path pdfFile,
                             org.venuegate.poster.PaperSize size, org.venuegate.poster.ColourMode mode) {
        JsonNode d = detail.get();
        if (d == null || d.get("application").get("venueId").isNull()) {
            return;
        }
        long venueId = d.get("application").get("venueId").asLong();
        busy.set(true);
        executor.run(() -> {
            PosterExporter.Prepared p = exporter.prepare(venueId, size, mode);
            exporter.exportPdf(p, size, mode, pdfFile);
            String name = pdfFile.getFileName().toString().replaceFirst("\\.pdf$", "");
            exporter.exportPng(p, pdfFile.resolveSibling(name + ".png"));
            return pdfFile;
        }, file -> {
            busy.set(false);
            bannerIsError = false;
            banner.set(lang.get("review.poster.saved", file));
        }, e -> {
            busy.set(false);
            bannerIsError = true;
            banner.set(e instanceof PosterExporter.PosterRefused ? e.getMessage() : lang.get("review.unexpected", e.getMessage()));
        });
    }

    private final javafx.beans.property.ReadOnlyDoubleWrapper batchProgress = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    private volatile boolean batchCancelled;

    /**
     * Exports the posters of every venue of the selected application's legal entity (chains: FAQ site-code 5) into a
     * folder, with progress and cancel. Posters that fail their self-test are listed, never written.
     */
    public void exportChain(PosterExporter exporter, java.nio.file.Path dir) {
        JsonNode d = detail.get();
        if (d == null) {
            return;
        }
        String credit = d.get("application").get("creditCode").asText();
        batchCancelled = false;
        batchProgress.set(0);
        executor.run(() -> exporter.exportAll(credit, dir, org.venuegate.poster.PaperSize.A4, org.venuegate.poster.ColourMode.COLOUR,
                (done, total, name) -> executor.onUi(() -> batchProgress.set(total == 0 ? 1 : (double) done / total)),
                () -> batchCancelled), r -> {
                    batchProgress.set(-1);
                    bannerIsError = !r.refused().isEmpty();
                    banner.set(lang.get(r.cancelled() ? "review.batch.cancelled" : "review.batch.done", r.written().size(), dir)
                            + (r.refused().isEmpty() ? "" : " " + String.join("; ", r.refused())));
                }, e -> {
                    batchProgress.set(-1);
                    failed(e);
                });
    }

    public void cancelBatch() {
        batchCancelled = true;
    }

    /** -1 when no batch runs, else 0..1. */
    public javafx.beans.property.ReadOnlyDoubleProperty batchProgressProperty() {
        return batchProgress.getReadOnlyProperty();
    }

    /** The printer check the print button makes before it offers printing (headless and printer-less PCs have none). */
    public boolean explainIfNoPrinter(boolean printerAvailable) {
        if (!printerAvailable) {
            banner.set(lang.get("review.poster.noPrinter"));
            bannerIsError = true;
        }
        return printerAvailable;
    }

    /** A problem found outside the ViewModel's own calls (e.g. while printing), shown in the banner. */
    public void report(String message) {
        bannerIsError = true;
        banner.set(message);
    }

    /** True after the hub answered 401: the window asks for the password again, keeping everything on screen. */
    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    /** Called after a successful re-login. */
    public void sessionRenewed() {
        sessionExpired.set(false);
        bannerIsError = false;
        banner.set("");
        refresh();
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Map<String, Long>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ObjectProperty<Integer> districtProperty() {
        return district;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public ObjectProperty<java.time.LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<java.time.LocalDate> toProperty() {
        return to;
    }

    /** One of the hub's sort orders (SUBMITTED_AT, SUBMITTED_AT_DESC, NAME, DISTRICT, CATEGORY, DECIDED_AT_DESC). */
    public ObjectProperty<String> sortProperty() {
        return sort;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The selected application's id, or null. */
    public ReadOnlyObjectProperty<Long> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JsonNode> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<CheckRow> checks() {
        return checks;
    }

    public ObservableList<String> history() {
        return history;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObservableList<String> commonReasons() {
        return commonReasons;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
