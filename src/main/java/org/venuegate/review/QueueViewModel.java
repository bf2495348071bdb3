package org.venuegate.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
import org.venuegate.api.Application;
import org.venuegate.api.ApplicationCheck;
import org.venuegate.api.ApplicationCounts;
import org.venuegate.api.ApplicationDetail;
import org.venuegate.api.ApplicationPage;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.Category;
import org.venuegate.api.Verdict;
import org.venuegate.ui.HubErrors;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The reviewer's queue: tabs by status with live counts, one page of applications at a time (never the whole
 * queue), the selected application's details, checks and history, and pass / fail with a reason.
 *
 * <p>One selection, owned here: the table highlights it, the detail shows it, decisions apply to it only. A
 * decision is held for {@link #UNDO_WINDOW} before it is sent, so a slip of the keyboard can be taken back (Ctrl+Z)
 * without the hub ever recording it; the row leaves the queue at once and the next one in the table's order is
 * selected. Held decisions are sent at once when the window closes. A decision another reviewer made first shows a
 * conflict for that row; a hub that is down shows a banner and loses nothing typed.
 */
public final class QueueViewModel {
    public static final int PAGE_SIZE = 50;
    public static final Duration UNDO_WINDOW = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** How the banner looks: a confirmation, a warning or an error differ in colour and icon. */
    public enum BannerKind { NONE, SUCCESS, WARNING, ERROR }

    /** One table row, every value already in the screen's words. */
    public record Row(long id, String placeName, String unitName, String creditCode, String district, String category,
                      String submittedAt, String waited, String status, ApplicationStatus statusCode, boolean mobile) {
    }

    /** One automatic check, marked pass or fail, in the screen's words. */
    public record CheckRow(String name, boolean passed, String message) {
    }

    /** A field of the detail pane: its label and value in the screen's words; {@code changed} beside a re-application. */
    public record Field(String label, String value, String previous, boolean changed) {
    }

    /** A decision held back during the undo window. */
    private record Held(long id, int version, Verdict verdict, String reason, String placeName,
                        UiExecutor.Cancellable timer) {
    }

    /** A field of the detail pane: its name (for the label) and its value in the screen's words, null when it has none. */
    private record Shown(String name, Function<Application, String> value) {
    }

    /** What one refresh brings: the counts, the page, and the categories the first time. */
    private record Loaded(ApplicationCounts counts, ApplicationPage page, List<Category> categories) {
    }

    private static final ApplicationCounts NO_COUNTS = new ApplicationCounts(0, 0, 0);

    private final ReviewHubClient hub;
    private final UiExecutor executor;
    private final Lang lang;
    private final ZoneId zone;
    private final Clock clock;
    private final ReviewNames names;

    private final ObjectProperty<ApplicationStatus> status = new SimpleObjectProperty<>(ApplicationStatus.UNDER_REVIEW);
    private final ReadOnlyObjectWrapper<ApplicationCounts> counts = new ReadOnlyObjectWrapper<>(NO_COUNTS);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final StringProperty search = new SimpleStringProperty("");
    /** Filters: district code, category code, submitted from / to (dates), and the sort order; null or empty = any. */
    private final ObjectProperty<Integer> district = new SimpleObjectProperty<>();
    private final StringProperty category = new SimpleStringProperty("");
    private final ObjectProperty<java.time.LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ApplicationSort> sort = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Long> selectedId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ApplicationDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper replacesTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BannerKind> bannerKind = new ReadOnlyObjectWrapper<>(BannerKind.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper decidable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper posterAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper heldCount = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<String> commonReasons;
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<DashboardViewModel> dashboard = new ReadOnlyObjectWrapper<>();
    /** Bumped by every selection, so a slow answer for an earlier one is dropped instead of shown. */
    private long selectionToken;
    private boolean replacingRows;
    private boolean categoriesLoaded;
    private final Deque<Held> held = new ArrayDeque<>();
    private final List<Shown> shown;

    public QueueViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang, ZoneId zone) {
        this(hub, executor, lang, zone, Clock.systemUTC());
    }

    public QueueViewModel(ReviewHubClient hub, UiExecutor executor, Lang lang, ZoneId zone, Clock clock) {
        this.hub = hub;
        this.executor = executor;
        this.lang = lang;
        this.zone = zone;
        this.clock = clock;
        this.names = new ReviewNames(lang);
        this.shown = List.of(
                new Shown("placeName", Application::placeName),
                new Shown("unitName", Application::unitName),
                new Shown("creditCode", Application::creditCode),
                new Shown("category", a -> names.category(a.category())),
                new Shown("district", a -> names.district(a.district())),
                new Shown("address", Application::address),
                new Shown("mobile", a -> names.yesNo(a.mobile())),
                new Shown("responsibleName", Application::responsibleName),
                new Shown("responsibleIdNumberMasked", Application::responsibleIdNumberMasked),
                new Shown("responsiblePhone", Application::responsiblePhone),
                new Shown("status", a -> names.status(a.status())),
                new Shown("submittedBy", Application::submittedBy),
                new Shown("failReason", Application::failReason));
        this.commonReasons = FXCollections.observableArrayList(lang.get("review.reason.creditCode"),
                lang.get("review.reason.duplicate"), lang.get("review.reason.agent"), lang.get("review.reason.mobileName"),
                lang.get("review.reason.address"), lang.get("review.reason.category"));
    }

    public ReviewNames names() {
        return names;
    }

    /** Reloads counts and the current page, keeping the selection. */
    public void refresh() {
        refresh(null);
    }

    /**
     * Reloads counts and the current page; then selects {@code target} when it is on the new page (the next
     * application after a decision), else the first row; without a target the selection stays.
     */
    private void refresh(Long target) {
        ApplicationSort order = sort.get() != null ? sort.get()
                : status.get() == ApplicationStatus.UNDER_REVIEW ? ApplicationSort.SUBMITTED_AT : ApplicationSort.DECIDED_AT_DESC;
        ReviewHubClient.ListQuery q = new ReviewHubClient.ListQuery(status.get(), search.get(), order, district.get(),
                category.get(), from.get(), to.get(), page.get(), PAGE_SIZE);
        busy.set(true);
        boolean needCategories = !categoriesLoaded;
        executor.run(() -> new Loaded(hub.counts(), hub.list(q), needCategories ? hub.categories() : null), r -> {
            busy.set(false);
            if (bannerKind.get() == BannerKind.ERROR && banner.get().equals(unreachableText)) {
                // The hub answers again: the connection warning is over; a decision's confirmation stays.
                clearBanner();
            }
            resendUnsent();
            if (r.categories() != null) {
                names.categories(r.categories());
                categoriesLoaded = true;
            }
            counts.set(r.counts());
            total.set(r.page().total());
            List<Row> list = new ArrayList<>();
            for (Application a : r.page().items()) {
                if (!isHeld(a.id())) {
                    list.add(row(a));
                }
            }
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

    private boolean isHeld(long id) {
        return held.stream().anyMatch(h -> h.id() == id);
    }

    private Row row(Application a) {
        Instant submitted = a.submittedAt();
        Instant until = a.status() == ApplicationStatus.UNDER_REVIEW || a.decidedAt() == null ? clock.instant() : a.decidedAt();
        return new Row(a.id(), a.placeName(), a.unitName(), a.creditCode(), names.district(a.district()),
                names.category(a.category()), TIME.format(submitted.atZone(zone)), names.waited(Duration.between(submitted, until)),
                names.status(a.status()), a.status(), a.mobile());
    }

    public void showStatus(ApplicationStatus s) {
        status.set(s);
        page.set(0);
        select(null);
        refresh();
    }

    public void nextPage() {
        if ((long) (page.get() + 1) * PAGE_SIZE < total.get()) {
            page.set(page.get() + 1);
            select(null);
            refresh();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            select(null);
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
        showDetail(null);
        if (!keepBanner && bannerKind.get() != BannerKind.ERROR) {
            // a confirmation, warning or conflict note belongs to the application it was about
            clearBanner();
        }
        if (id == null) {
            return;
        }
        busy.set(true);
        executor.run(() -> hub.application(id), d -> {
            if (token != selectionToken) {
                return; // the reviewer has moved on
            }
            busy.set(false);
            showDetail(d);
        }, e -> {
            if (token == selectionToken) {
                failed(e);
            }
        });
    }

    private void showDetail(ApplicationDetail d) {
        detail.set(d);
        if (d == null) {
            fields.clear();
            checks.clear();
            history.clear();
            replacesTitle.set("");
            decidable.set(false);
            posterAvailable.set(false);
            return;
        }
        Application a = d.application();
        Application replaced = d.replaces();
        boolean hasOld = replaced != null;
        List<Field> fs = new ArrayList<>();
        for (Shown f : shown) {
            String now = f.value().apply(a);
            String old = hasOld ? f.value().apply(replaced) : null;
            if (now == null && old == null) {
                continue;
            }
            fs.add(new Field(lang.get("review.field." + f.name()), now == null ? "" : now, old,
                    hasOld && !java.util.Objects.equals(now, old)));
        }
        fields.setAll(fs);
        replacesTitle.set(hasOld ? lang.get("review.replacesTitle", Long.toString(replaced.id())) : "");
        List<CheckRow> cs = new ArrayList<>();
        for (ApplicationCheck c : d.checks()) {
            cs.add(new CheckRow(names.checkName(c.name()), c.passed(), names.checkMessage(c)));
        }
        checks.setAll(cs);
        history.setAll(d.history().stream().map(e -> TIME.format(e.at().atZone(zone)) + "  " + e.actor() + "  "
                + names.historyAction(e.action(), e.detail())).toList());
        decidable.set(a.status() == ApplicationStatus.UNDER_REVIEW);
        posterAvailable.set(a.venueId() != null);
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
        decide(Verdict.PASS, null);
    }

    /** Fails the selection with the typed reason; false (and a warning) when there is none, so the view focuses it. */
    public boolean fail() {
        String why = reason.get() == null ? "" : reason.get().trim();
        if (why.isEmpty()) {
            show(BannerKind.WARNING, lang.get("review.reasonRequired"));
            return false;
        }
        decide(Verdict.FAIL, why);
        return true;
    }

    /** Fails the selection with common reason {@code n} (1-based, Alt+1 to Alt+9). */
    public void failWithCommonReason(int n) {
        if (n < 1 || n > commonReasons.size()) {
            return;
        }
        reason.set(commonReasons.get(n - 1));
        fail();
    }

    private void decide(Verdict verdict, String why) {
        ApplicationDetail d = detail.get();
        Long selected = selectedId.get();
        // Only the application on screen, and only once its detail is the selection's (never a stale one).
        if (d == null || selected == null || d.application().id() != selected || !decidable.get()) {
            return;
        }
        long id = selected;
        String name = d.application().placeName();
        int version = d.application().version();
        Held[] h = new Held[1];
        UiExecutor.Cancellable timer = executor.schedule(UNDO_WINDOW, () -> send(h[0]));
        h[0] = new Held(id, version, verdict, why, name, timer);
        held.push(h[0]);
        heldCount.set(held.size());
        reason.set("");
        show(BannerKind.SUCCESS, lang.get(verdict == Verdict.PASS ? "review.passed.undo" : "review.failed.undo", name,
                UNDO_WINDOW.toSeconds()));
        advanceFrom(id);
    }

    /** The decided row leaves the queue at once; the next one in the table's order (or the one before) is selected. */
    private void advanceFrom(long decidedId) {
        int index = indexOf(decidedId);
        Long next = null;
        if (index >= 0 && index + 1 < rows.size()) {
            next = rows.get(index + 1).id();
        } else if (index > 0) {
            next = rows.get(index - 1).id();
        }
        if (index >= 0) {
            replacingRows = true;
            try {
                rows.remove(index);
            } finally {
                replacingRows = false;
            }
        }
        select(next, true);
    }

    /** Ctrl+Z: takes back the latest decision still held; it was never sent, so the hub has nothing to withdraw. */
    public boolean undo() {
        Held h = held.poll();
        if (h == null) {
            return false;
        }
        h.timer().cancel();
        heldCount.set(held.size());
        show(BannerKind.WARNING, lang.get("review.undone", h.placeName()));
        refresh(h.id());
        return true;
    }

    /** Sends every held decision now (the window closes, the reviewer logs out). */
    public void flush() {
        List<Held> oldestFirst = new ArrayList<>(held);
        java.util.Collections.reverse(oldestFirst);
        for (Held h : oldestFirst) {
            h.timer().cancel();
            send(h);
        }
    }

    private void send(Held h) {
        if (h == null || !held.remove(h)) {
            return; // undone, or already sent
        }
        heldCount.set(held.size() + unsent.size());
        executor.run(() -> hub.decide(h.id(), h.verdict(), h.reason(), h.version()), done -> refreshCounts(), e -> {
            if (e instanceof ReviewHubClient.HubException x && x.conflict()) {
                show(BannerKind.ERROR, lang.get("review.conflict.row", h.placeName()));
                refresh();
            } else if (e instanceof ReviewHubClient.HubException x && (x.unreachable() || x.sessionExpired())) {
                // Not recorded, and not the reviewer's fault: kept, and sent again once the hub answers.
                unsent.add(h);
                heldCount.set(held.size() + unsent.size());
                failed(e);
                if (!x.sessionExpired()) {
                    show(BannerKind.ERROR, lang.get("review.unsent", unsent.size()));
                }
            } else {
                failed(e);
                refresh();
            }
        });
    }

    /** Decisions the hub could not take (down, or the session expired), sent again when it answers. */
    private final List<Held> unsent = new ArrayList<>();

    private void resendUnsent() {
        if (unsent.isEmpty()) {
            return;
        }
        List<Held> again = new ArrayList<>(unsent);
        unsent.clear();
        for (Held h : again) {
            held.add(h);
            send(h);
        }
    }

    private void refreshCounts() {
        executor.run(hub::counts, counts::set, e -> { });
    }

    /**
     * Passes several applications at once, each checked and recorded on its own: those whose automatic checks do not
     * all pass are left for a closer look; a conflict is reported per row. Not held for undo (the list was explicit).
     */
    public void passAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        busy.set(true);
        executor.run(() -> {
            List<String> passed = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (long id : ids) {
                ApplicationDetail d = hub.application(id);
                Application a = d.application();
                String name = a.placeName();
                boolean clean = a.status() == ApplicationStatus.UNDER_REVIEW && d.checks().stream().allMatch(ApplicationCheck::passed);
                if (!clean) {
                    skipped.add(name);
                    continue;
                }
                try {
                    hub.decide(id, Verdict.PASS, null, a.version());
                    passed.add(name);
                } catch (ReviewHubClient.HubException e) {
                    if (!e.conflict()) {
                        throw e;
                    }
                    conflicts.add(name);
                }
            }
            return new List[] {passed, skipped, conflicts};
        }, r -> {
            busy.set(false);
            @SuppressWarnings("unchecked")
            List<String> passed = r[0];
            @SuppressWarnings("unchecked")
            List<String> skipped = r[1];
            @SuppressWarnings("unchecked")
            List<String> conflicts = r[2];
            StringBuilder text = new StringBuilder(lang.get("review.bulk.passed", passed.size()));
            if (!skipped.isEmpty()) {
                text.append(' ').append(lang.get("review.bulk.skipped", String.join("、", skipped)));
            }
            if (!conflicts.isEmpty()) {
                text.append(' ').append(lang.get("review.bulk.conflicts", String.join("、", conflicts)));
            }
            show(skipped.isEmpty() && conflicts.isEmpty() ? BannerKind.SUCCESS : BannerKind.WARNING, text.toString());
            select(null, true);
            refresh(-1L);
        }, this::failed);
    }

    private String unreachableText = "";

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof ReviewHubClient.HubException h) {
            if (h.sessionExpired()) {
                sessionExpired.set(true);
                show(BannerKind.ERROR, lang.get("review.sessionExpired"));
                return;
            }
            String text = HubErrors.message(lang, h);
            if (h.unreachable()) {
                unreachableText = text;
            }
            show(BannerKind.ERROR, text);
        } else {
            org.slf4j.LoggerFactory.getLogger(QueueViewModel.class).warn("review: unexpected failure", e);
            show(BannerKind.ERROR, lang.get("review.unexpected"));
        }
    }

    private void show(BannerKind kind, String text) {
        bannerKind.set(kind);
        banner.set(text);
    }

    private void clearBanner() {
        bannerKind.set(BannerKind.NONE);
        banner.set("");
    }

    /** A poster's file name: its venue number and name, safe on every file system. */
    static String posterFileName(Application application, String extension) {
        String name = application.placeName().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        return "venue-" + application.venueId() + "-" + name + "." + extension;
    }

    /** The file name the save dialog proposes for the selected application's poster. */
    public String suggestedPosterName(String extension) {
        ApplicationDetail d = detail.get();
        return d == null ? "poster." + extension : posterFileName(d.application(), extension);
    }

    /**
     * Exports the selected passed application's poster as PDF or PNG, after the self-test. A poster that fails the
     * self-test is never written.
     */
    public void exportPoster(PosterExporter exporter, java.nio.file.Path file, boolean png,
                             org.venuegate.poster.PaperSize size, org.venuegate.poster.ColourMode mode) {
        ApplicationDetail d = detail.get();
        if (d == null || d.application().venueId() == null) {
            return;
        }
        long venueId = d.application().venueId();
        busy.set(true);
        executor.run(() -> {
            PosterExporter.Prepared p = exporter.prepare(venueId, size, mode);
            return png ? exporter.exportPng(p, file) : exporter.exportPdf(p, size, mode, file);
        }, written -> {
            busy.set(false);
            show(BannerKind.SUCCESS, lang.get("review.poster.saved", written));
        }, e -> {
            busy.set(false);
            if (e instanceof PosterExporter.PosterRefused) {
                show(BannerKind.ERROR, lang.get("review.poster.refused"));
                org.slf4j.LoggerFactory.getLogger(QueueViewModel.class).warn("poster refused: {}", e.getMessage());
            } else {
                failed(e);
            }
        });
    }

    /** Both files side by side (the older API, kept for scripts and tests). */
    public void exportPoster(PosterExporter exporter, java.nio.file.Path pdfFile,
                             org.venuegate.poster.PaperSize size, org.venuegate.poster.ColourMode mode) {
        exportPoster(exporter, pdfFile, false, size, mode);
        String name = pdfFile.getFileName().toString().replaceFirst("\\.pdf$", "");
        exportPoster(exporter, pdfFile.resolveSibling(name + ".png"), true, size, mode);
    }

    private final javafx.beans.property.ReadOnlyDoubleWrapper batchProgress = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    private volatile boolean batchCancelled;

    /**
     * Exports the posters of every venue of the selected application's legal entity (chains: FAQ site-code 5) into a
     * folder, as PDF or PNG, with progress and cancel. Posters that fail their self-test are listed, never written.
     */
    public void exportChain(PosterExporter exporter, java.nio.file.Path dir, boolean png) {
        ApplicationDetail d = detail.get();
        if (d == null) {
            return;
        }
        String credit = d.application().creditCode();
        batchCancelled = false;
        batchProgress.set(0);
        executor.run(() -> exporter.exportAll(credit, dir, org.venuegate.poster.PaperSize.A4, org.venuegate.poster.ColourMode.COLOUR,
                png, (done, all, name) -> executor.onUi(() -> batchProgress.set(all == 0 ? 1 : (double) done / all)),
                () -> batchCancelled), r -> {
                    batchProgress.set(-1);
                    show(r.refused().isEmpty() ? BannerKind.SUCCESS : BannerKind.WARNING,
                            lang.get(r.cancelled() ? "review.batch.cancelled" : "review.batch.done", r.written().size(), dir)
                                    + (r.refused().isEmpty() ? "" : " " + lang.get("review.batch.refused", r.refused().size())));
                }, e -> {
                    batchProgress.set(-1);
                    failed(e);
                });
    }

    public void exportChain(PosterExporter exporter, java.nio.file.Path dir) {
        exportChain(exporter, dir, false);
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
            show(BannerKind.WARNING, lang.get("review.poster.noPrinter"));
        }
        return printerAvailable;
    }

    /** A problem found outside the ViewModel's own calls (e.g. while printing), shown in the banner. */
    public void report(String message) {
        show(BannerKind.ERROR, message);
    }

    /** True after the hub answered 401: the window asks for the password again, keeping everything on screen. */
    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    /** Called after a successful re-login. */
    public void sessionRenewed() {
        sessionExpired.set(false);
        clearBanner();
        resendUnsent();
        refresh();
    }

    public ObjectProperty<ApplicationStatus> statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<ApplicationCounts> countsProperty() {
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

    /** One of the hub's sort orders; null for the status's default. */
    public ObjectProperty<ApplicationSort> sortProperty() {
        return sort;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The selected application's id, or null. */
    public ReadOnlyObjectProperty<Long> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApplicationDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ReadOnlyStringProperty replacesTitleProperty() {
        return replacesTitle.getReadOnlyProperty();
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

    public ReadOnlyObjectProperty<BannerKind> bannerKindProperty() {
        return bannerKind.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the selection is an application under review whose detail is shown. */
    public ReadOnlyBooleanProperty decidableProperty() {
        return decidable.getReadOnlyProperty();
    }

    /** True while the selection is a passed application (it has a venue code and a poster). */
    public ReadOnlyBooleanProperty posterAvailableProperty() {
        return posterAvailable.getReadOnlyProperty();
    }

    /** How many decisions are held in the undo window. */
    public ReadOnlyIntegerProperty heldCountProperty() {
        return heldCount.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ the dashboard on this screen's toolbar

    /**
     * Puts the dashboard on this screen's own toolbar; only for a role that may see it
     * ({@link DashboardViewModel#shownTo}), so any other role never gets the button.
     */
    public void offerDashboard(DashboardViewModel d) {
        dashboard.set(d != null && DashboardViewModel.shownTo(hub.role()) ? d : null);
    }

    /** The dashboard this screen offers, or null when it offers none. */
    public ReadOnlyObjectProperty<DashboardViewModel> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }
}
