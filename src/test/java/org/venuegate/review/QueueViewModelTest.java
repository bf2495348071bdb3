package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.venuegate.api.ApplicationCounts;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

/** The reviewer's queue against a real hub over HTTP. */
class QueueViewModelTest {
    static TestHub hub;
    static final OkHttpClient HTTP = new OkHttpClient();

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub();
        hub.user("rev-a", Role.REVIEWER, 120101);
        hub.user("rev-b", Role.REVIEWER, 120101);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    /** The executor of the last queue made: decisions are held until its scheduled actions run (the undo window). */
    private InlineUiExecutor executor;

    private QueueViewModel queue(String user) throws Exception {
        ReviewHubClient client = new ReviewHubClient(HTTP, hub.url);
        client.login(user, "password-1");
        executor = new InlineUiExecutor();
        return new QueueViewModel(client, executor, new Lang(Locale.ENGLISH), ZoneId.of("Asia/Shanghai"));
    }

    /** The undo window passes: held decisions go to the hub. */
    private void undoWindowPasses() {
        executor.runScheduled();
    }

    /**
     * The dashboard opens from the queue's own toolbar (issue 12: it sat in a bar of its own above it), and only for a
     * role the hub shows the dashboard to: a reviewer's queue offers it, a queue signed in otherwise never does.
     */
    @Test
    void theQueueOffersTheDashboardOnlyToARoleThatMaySeeIt() throws Exception {
        QueueViewModel reviewer = queue("rev-a");
        assertThat(reviewer.dashboardProperty().get()).as("nothing offered yet").isNull();
        DashboardViewModel dashboard = new DashboardViewModel(new ReviewHubClient(HTTP, hub.url), executor,
                new Lang(Locale.ENGLISH), java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(30));
        reviewer.offerDashboard(dashboard);
        assertThat(reviewer.dashboardProperty().get()).isSameAs(dashboard);
        reviewer.offerDashboard(null);
        assertThat(reviewer.dashboardProperty().get()).isNull();

        QueueViewModel citizen = queue("citizen");
        citizen.offerDashboard(dashboard);
        assertThat(citizen.dashboardProperty().get()).as("a citizen would only be refused").isNull();
        assertThat(DashboardViewModel.shownTo(org.venuegate.api.Role.TRACER)).isFalse();
        assertThat(DashboardViewModel.shownTo(org.venuegate.api.Role.ADMIN)).isTrue();
    }

    @Test
    void pagesCountsPassAndFailWithReason() throws Exception {
        for (int i = 0; i < 60; i++) {
            hub.submit(String.format("队列场所%02d", i));
        }
        QueueViewModel vm = queue("rev-a");
        vm.searchProperty().set("队列场所");
        vm.refresh();
        assertThat(vm.rows()).hasSize(QueueViewModel.PAGE_SIZE);
        assertThat(vm.totalProperty().get()).isEqualTo(60);
        vm.nextPage();
        assertThat(vm.rows()).hasSize(10);
        vm.previousPage();
        long firstId = vm.rows().get(0).id();
        vm.select(firstId);
        assertThat(vm.checks()).extracting(QueueViewModel.CheckRow::name)
                .contains("Credit code", "Responsible person's ID number", "Duplicates");
        assertThat(vm.checks()).extracting(QueueViewModel.CheckRow::message).contains("No other application for this place");
        assertThat(vm.history()).anySatisfy(h -> assertThat(h).contains("Submitted"));
        assertThat(vm.fields()).extracting(QueueViewModel.Field::value).contains("Shopping mall / supermarket", "No", "Under review")
                .doesNotContain("MALL", "120101", "false", "UNDER_REVIEW");
        vm.pass();
        assertThat(vm.bannerProperty().get()).startsWith("Passed:").contains("Ctrl+Z");
        assertThat(vm.bannerKindProperty().get()).isEqualTo(QueueViewModel.BannerKind.SUCCESS);
        assertThat(vm.rows()).extracting(QueueViewModel.Row::id).as("leaves the queue at once").doesNotContain(firstId);
        assertThat(vm.detailProperty().get().application().id()).as("advances to the next").isNotEqualTo(firstId);
        undoWindowPasses();
        vm.refresh();
        assertThat(vm.totalProperty().get()).isEqualTo(59);

        vm.fail();
        assertThat(vm.bannerProperty().get()).isEqualTo("A failed application needs a reason");
        assertThat(vm.bannerKindProperty().get()).isEqualTo(QueueViewModel.BannerKind.WARNING);
        vm.failWithCommonReason(1);
        assertThat(vm.bannerProperty().get()).startsWith("Failed:");
        assertThat(vm.reasonProperty().get()).isEmpty();
        undoWindowPasses();
        vm.refresh();
        ApplicationCounts counts = vm.countsProperty().get();
        assertThat(counts.passed()).isGreaterThanOrEqualTo(1);
        assertThat(counts.failed()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void filtersBySubmittedDateCategoryAndDistrictAndSorts() throws Exception {
        hub.submit("筛选场所乙");
        hub.submit("筛选场所甲");
        QueueViewModel vm = queue("rev-a");
        vm.searchProperty().set("筛选场所");
        vm.sortProperty().set(ApplicationSort.NAME);
        vm.refresh();
        assertThat(vm.rows()).extracting(QueueViewModel.Row::placeName).containsExactly("筛选场所乙", "筛选场所甲");
        vm.districtProperty().set(120101);
        vm.categoryProperty().set("MALL");
        vm.fromProperty().set(java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")));
        vm.refresh();
        assertThat(vm.totalProperty().get()).isEqualTo(2);
        vm.categoryProperty().set("HOSPITAL");
        vm.refresh();
        assertThat(vm.totalProperty().get()).isZero();
        vm.categoryProperty().set("");
        vm.toProperty().set(java.time.LocalDate.of(2020, 1, 1));
        vm.refresh();
        assertThat(vm.totalProperty().get()).isZero();
    }

    @Test
    void aDecisionMadeElsewhereFirstShowsAConflictAndReloads() throws Exception {
        long id = hub.submit("冲突场所");
        QueueViewModel a = queue("rev-a");
        InlineUiExecutor aTime = executor;
        QueueViewModel b = queue("rev-b");
        a.select(id);
        b.select(id);
        a.pass();
        aTime.runScheduled();
        b.reasonProperty().set("地址不完整");
        b.fail();
        undoWindowPasses();
        assertThat(b.bannerProperty().get()).isEqualTo("Another reviewer decided \"冲突场所\" first; your decision was not recorded. Reloaded.");
        assertThat(b.bannerKindProperty().get()).isEqualTo(QueueViewModel.BannerKind.ERROR);
        assertThat(hub.hub.applications().get(hub.admin, id).application().status().name()).isEqualTo("PASSED");
    }

    @Test
    void exportsASelfTestedPosterAndExplainsAMissingPrinter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        long id = hub.submit("海报导出场所");
        QueueViewModel vm = queue("rev-a");
        vm.select(id);
        vm.pass();
        undoWindowPasses();
        vm.select(id);
        assertThat(vm.posterAvailableProperty().get()).isTrue();
        ReviewHubClient client = new ReviewHubClient(HTTP, hub.url);
        client.login("rev-a", "password-1");
        PosterExporter exporter = new PosterExporter(client, new org.venuegate.poster.PosterRenderer(), java.time.Clock.systemUTC());
        vm.exportPoster(exporter, dir.resolve("poster.pdf"), org.venuegate.poster.PaperSize.A4, org.venuegate.poster.ColourMode.MONO);
        assertThat(vm.bannerProperty().get()).startsWith("Poster passed its self-test");
        assertThat(dir.resolve("poster.pdf")).exists();
        assertThat(dir.resolve("poster.png")).exists();
        vm.exportChain(exporter, dir.resolve("chain"));
        assertThat(vm.bannerProperty().get()).matches("\\d+ posters exported to .*chain");
        try (var files = java.nio.file.Files.list(dir.resolve("chain"))) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.matches("venue-.+-.+\\.pdf"));
        }
        vm.exportChain(exporter, dir.resolve("chain-png"), true);
        try (var files = java.nio.file.Files.list(dir.resolve("chain-png"))) {
            assertThat(files.map(f -> f.getFileName().toString())).isNotEmpty().allMatch(n -> n.endsWith(".png"));
        }
        assertThat(vm.batchProgressProperty().get()).isEqualTo(-1);
        try (var files = java.nio.file.Files.list(dir.resolve("chain"))) {
            assertThat(files.count()).isGreaterThanOrEqualTo(1);
        }
        assertThat(vm.explainIfNoPrinter(false)).isFalse();
        assertThat(vm.bannerProperty().get()).contains("No printer").contains("PDF");
    }

    @Test
    void anExpiredSessionAsksToLogInAgainAndKeepsTheTypedReason() throws Exception {
        long id = hub.submit("会话过期场所");
        ReviewHubClient client = new ReviewHubClient(HTTP, hub.url);
        client.login("rev-a", "password-1");
        InlineUiExecutor ex = new InlineUiExecutor();
        QueueViewModel vm = new QueueViewModel(client, ex, new Lang(Locale.ENGLISH), ZoneId.of("Asia/Shanghai"));
        vm.select(id);
        // The hub forgets the session (expiry or logout elsewhere).
        hub.hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "DELETE FROM sessions"));
        vm.reasonProperty().set("地址不完整");
        vm.fail();
        ex.runScheduled();
        assertThat(vm.sessionExpiredProperty().get()).isTrue();
        assertThat(vm.heldCountProperty().get()).as("the decision is kept, not lost").isEqualTo(1);
        client.login("rev-a", "password-1");
        vm.sessionRenewed();
        assertThat(vm.sessionExpiredProperty().get()).isFalse();
        assertThat(vm.heldCountProperty().get()).isZero();
        var app = hub.hub.applications().get(hub.admin, id).application();
        assertThat(app.status().name()).isEqualTo("FAILED");
        assertThat(app.failReason()).isEqualTo("地址不完整");
    }

    @Test
    void hubDownKeepsTheTypedReasonAndSaysSo() throws Exception {
        TestHub lonely = new TestHub();
        lonely.user("rev-c", Role.REVIEWER, null);
        long id = lonely.submit("断网场所");
        ReviewHubClient client = new ReviewHubClient(HTTP, lonely.url);
        client.login("rev-c", "password-1");
        InlineUiExecutor ex = new InlineUiExecutor();
        QueueViewModel vm = new QueueViewModel(client, ex, new Lang(Locale.ENGLISH), ZoneId.of("Asia/Shanghai"));
        vm.select(id);
        lonely.close();
        vm.reasonProperty().set("统一社会信用代码有误");
        vm.fail();
        ex.runScheduled();
        assertThat(vm.bannerProperty().get()).startsWith("The hub cannot be reached: 1 decision(s) not sent yet");
        assertThat(vm.bannerKindProperty().get()).isEqualTo(QueueViewModel.BannerKind.ERROR);
        assertThat(vm.heldCountProperty().get()).as("kept to be sent when the hub answers").isEqualTo(1);
    }

    private String recorded(long id) {
        return hub.hub.applications().get(hub.admin, id).application().status().name();
    }

    @Test
    void aSlowAnswerForAnEarlierSelectionNeverReplacesTheOneOnScreen() throws Exception {
        long a = hub.submit("慢应答场所甲");
        long b = hub.submit("慢应答场所乙");
        ReviewHubClient client = new ReviewHubClient(HTTP, hub.url);
        client.login("rev-a", "password-1");
        org.venuegate.ui.QueuedUiExecutor ex = new org.venuegate.ui.QueuedUiExecutor();
        QueueViewModel vm = new QueueViewModel(client, ex, new Lang(Locale.ENGLISH), ZoneId.of("Asia/Shanghai"));
        vm.select(a);
        vm.select(b);
        assertThat(vm.detailProperty().get()).isNull();
        vm.pass();
        assertThat(ex.held()).as("no decision while the detail is not the selection's").isEqualTo(2);
        ex.deliver(1); // b answers first
        ex.deliver(0); // then the slow answer for a
        assertThat(vm.selectedIdProperty().get()).isEqualTo(b);
        assertThat(vm.detailProperty().get().application().id()).isEqualTo(b);
        vm.pass();
        vm.flush();
        ex.deliverAll();
        assertThat(recorded(b)).isEqualTo("PASSED");
        assertThat(recorded(a)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void afterASortedDecisionTheNextRowInThatOrderIsSelectedAndDecidedNext() throws Exception {
        long first = hub.submit("排序推进场所3");
        long second = hub.submit("排序推进场所1");
        long third = hub.submit("排序推进场所2");
        QueueViewModel vm = queue("rev-a");
        vm.searchProperty().set("排序推进场所");
        vm.sortProperty().set(ApplicationSort.NAME_DESC);
        vm.refresh();
        List<Long> order = vm.rows().stream().map(QueueViewModel.Row::id).toList();
        assertThat(order).containsExactly(first, third, second);
        vm.select(order.get(0));
        vm.pass();
        undoWindowPasses();
        assertThat(vm.selectedIdProperty().get()).as("the next row in the table's order").isEqualTo(third);
        assertThat(vm.detailProperty().get().application().id()).isEqualTo(third);
        assertThat(vm.bannerProperty().get()).as("the confirmation survives the advance").startsWith("Passed: 排序推进场所3");
        vm.selectNext();
        assertThat(vm.selectedIdProperty().get()).isEqualTo(second);
        assertThat(vm.bannerProperty().get()).as("but not a change of selection").isEmpty();
        vm.selectPrevious();
        vm.reasonProperty().set(vm.commonReasons().get(1));
        vm.fail();
        undoWindowPasses();
        assertThat(recorded(first)).isEqualTo("PASSED");
        assertThat(recorded(third)).isEqualTo("FAILED");
        assertThat(recorded(second)).isEqualTo("UNDER_REVIEW");
        assertThat(vm.selectedIdProperty().get()).as("last row decided: the one before it").isEqualTo(second);
    }

    @Test
    void aChangeOfTabOrSearchClearsTheSelectionAndItsChecks() throws Exception {
        long id = hub.submit("换页签场所");
        QueueViewModel vm = queue("rev-a");
        vm.select(id);
        assertThat(vm.checks()).isNotEmpty();
        vm.showStatus(ApplicationStatus.PASSED);
        assertThat(vm.selectedIdProperty().get()).isNull();
        assertThat(vm.detailProperty().get()).isNull();
        assertThat(vm.checks()).isEmpty();
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void undoTakesBackADecisionBeforeTheHubEverSeesIt() throws Exception {
        long id = hub.submit("撤销场所");
        QueueViewModel vm = queue("rev-a");
        vm.searchProperty().set("撤销场所");
        vm.refresh();
        vm.select(id);
        vm.failWithCommonReason(2);
        assertThat(vm.rows()).extracting(QueueViewModel.Row::id).doesNotContain(id);
        assertThat(vm.undo()).isTrue();
        assertThat(vm.selectedIdProperty().get()).as("back on screen, selected").isEqualTo(id);
        assertThat(vm.rows()).extracting(QueueViewModel.Row::id).contains(id);
        undoWindowPasses();
        assertThat(recorded(id)).isEqualTo("UNDER_REVIEW");
        assertThat(hub.hub.applications().get(hub.admin, id).history()).hasSize(1);
    }

    @Test
    void passingSeveralPassesTheCleanOnesEachOnItsOwnAndReportsTheRest() throws Exception {
        long a = hub.submit("批量场所甲", "91350100M000100Y43");
        long b = hub.submit("批量场所乙", "91350100M000100Y43");
        long bad = hub.submit("批量场所丙", "91350100M000100Y43");
        hub.submit("批量场所丙", "91350100M000100Y43"); // the same place twice: its duplicate check fails
        QueueViewModel vm = queue("rev-a");
        QueueViewModel other = queue("rev-b");
        other.select(b);
        other.pass();
        other.flush();
        vm.passAll(List.of(a, b, bad));
        assertThat(recorded(a)).isEqualTo("PASSED");
        assertThat(recorded(bad)).isEqualTo("UNDER_REVIEW");
        assertThat(vm.bannerProperty().get()).contains("Passed 1").contains("批量场所丙").contains("批量场所乙");
        assertThat(vm.bannerKindProperty().get()).isEqualTo(QueueViewModel.BannerKind.WARNING);
        assertThat(hub.hub.applications().get(hub.admin, b).history()).extracting(h -> h.actor()).contains("rev-b")
                .doesNotContain("rev-a");
    }
}
