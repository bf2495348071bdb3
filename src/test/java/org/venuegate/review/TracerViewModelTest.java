package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class TracerViewModelTest {
    static TestHub hub;
    static long venue;
    static String subject;
    static final Lang EN = new Lang(Locale.ENGLISH);
    static final Lang ZH = new Lang(Locale.SIMPLIFIED_CHINESE);

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub();
        hub.user("tracer", Role.TRACER, null);
        hub.user("reviewer", Role.REVIEWER, 120101);
        venue = BackOfficeFixture.passedVenue(hub, "流调测试商场");
        Principal kiosk = BackOfficeFixture.pairKiosk(hub, venue, "东门");
        subject = "S" + hub.citizenSubject;
        BackOfficeFixture.checkins(hub, kiosk, 0, 30, subject, "M0123456789abcdef0123456789abcdef");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static TracerViewModel vm(String user, Lang lang) throws Exception {
        TracerViewModel vm = new TracerViewModel(BackOfficeFixture.client(hub, user), new InlineUiExecutor(), lang);
        // From yesterday: the check-ins half an hour ago may fall before midnight in Tianjin.
        vm.fromDateProperty().set(vm.toDateProperty().get().minusDays(1));
        return vm;
    }

    @Test
    void aQueryWithoutCaseReferenceIsRefusedAndNothingIsAudited() throws Exception {
        TracerViewModel vm = vm("tracer", EN);
        vm.venueIdProperty().set(Long.toString(venue));
        long before = BackOfficeFixture.audit(hub, "TRACE_%");
        vm.caseRefProperty().set("   ");
        vm.search();
        assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.trace.caseRequired"));
        assertThat(vm.rows()).isEmpty();
        assertThat(BackOfficeFixture.audit(hub, "TRACE_%")).isEqualTo(before);
        // The hub refuses it too, whoever asks it directly.
        ReviewHubClient direct = BackOfficeFixture.client(hub, "tracer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> direct.traceVenue("", venue, "2026-01-01", "2026-01-02"))
                .isInstanceOfSatisfying(ReviewHubClient.HubException.class,
                        e -> assertThat(e.code()).isEqualTo("CASE_REFERENCE_REQUIRED"));
        assertThat(BackOfficeFixture.audit(hub, "TRACE_%")).isEqualTo(before);
    }

    @Test
    void theEnglishSummaryOfUnverifiedRecordsSaysOneRecordOrSeveral() {
        Lang en = Lang.of("en");
        assertThat(en.get("bo.trace.unverifiedSummary", 1)).startsWith("1 more record could not be verified: it does not");
        assertThat(en.get("bo.trace.unverifiedSummary", 3)).startsWith("3 more records could not be verified: they do not");
    }

    @Test
    void whoWasAtTheVenueShowsMaskedNamesAndTheCaseReferenceIsAudited(@TempDir Path dir) throws Exception {
        TracerViewModel vm = vm("tracer", ZH);
        vm.caseRefProperty().set("JC-2026-0412");
        vm.venueIdProperty().set(Long.toString(venue));
        vm.search();
        assertThat(vm.bannerProperty().get()).isEmpty();
        // the scanned visit only: the hand registration is not evidence of who was there
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.rows()).extracting(TracerViewModel.Row::maskedName).containsExactly("张*明");
        assertThat(vm.rows()).extracting(TracerViewModel.Row::outcome).containsOnly("通过");
        assertThat(vm.rows()).extracting(TracerViewModel.Row::colour).containsOnly("绿码");
        assertThat(vm.summaryProperty().get()).isEqualTo("共 1 条（案件 JC-2026-0412）");
        // the hand registration is shown apart, with why it is no evidence
        assertThat(vm.unverifiedRows()).singleElement().satisfies(r -> {
            assertThat(r.maskedName()).isEqualTo("（手工登记）");
            assertThat(r.entry()).isEqualTo("手工登记");
            assertThat(r.evidence()).isEqualTo("手工登记，没有扫码凭据");
        });
        assertThat(vm.unverifiedSummaryProperty().get()).startsWith("另有 1 条未经核实的记录");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.evidence()).isEmpty());
        Path csv = dir.resolve("venue.csv");
        vm.exportCsv(csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        int apart = text.indexOf("另有 1 条未经核实的记录");
        assertThat(apart).as("the unverified attempts follow the visits, under their own heading").isGreaterThan(text.indexOf("张*明"));
        assertThat(text.substring(apart)).contains("手工登记,通过,手工登记，没有扫码凭据");
        assertThat(BackOfficeFixture.lastAuditDetail(hub, "TRACE_VENUE")).startsWith("case JC-2026-0412:")
                .endsWith("1 verified rows, 1 unverified");
    }

    @Test
    void whereTheSubjectWasAndTheCsvHoldsWhatIsShown(@TempDir Path dir) throws Exception {
        TracerViewModel vm = vm("tracer", EN);
        vm.modeProperty().set(TracerViewModel.Mode.SUBJECT);
        vm.caseRefProperty().set("案-88");
        vm.subjectProperty().set(subject);
        vm.search();
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.venue()).isEqualTo("流调测试商场");
            assertThat(r.outcome()).isEqualTo("Pass");
        });
        assertThat(BackOfficeFixture.lastAuditDetail(hub, "TRACE_SUBJECT")).startsWith("case 案-88:");
        long audited = BackOfficeFixture.audit(hub, "TRACE_%");
        Path csv = dir.resolve("trace.csv");
        vm.exportCsv(csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFTime,Subject,Venue,Result\r\n");
        assertThat(text).contains("," + subject + ",流调测试商场,Pass\r\n").contains("1 visits (case 案-88)");
        assertThat(vm.bannerProperty().get()).isEqualTo("1 rows exported to trace.csv");
        assertThat(BackOfficeFixture.audit(hub, "TRACE_%")).as("exporting asks the hub nothing").isEqualTo(audited);
    }

    @Test
    void aReviewerIsRefusedAndAHubThatIsDownLosesNothingTyped() throws Exception {
        TracerViewModel reviewer = vm("reviewer", ZH);
        reviewer.caseRefProperty().set("JC-1");
        reviewer.venueIdProperty().set(Long.toString(venue));
        reviewer.search();
        assertThat(reviewer.bannerProperty().get()).isEqualTo(ZH.get("bo.error.forbidden"));
        assertThat(reviewer.rows()).isEmpty();

        TracerViewModel down = new TracerViewModel(new ReviewHubClient(new OkHttpClient(), "http://localhost:1"),
                new InlineUiExecutor(), ZH);
        down.caseRefProperty().set("JC-2");
        down.venueIdProperty().set("12");
        down.search();
        assertThat(down.bannerProperty().get()).isEqualTo(ZH.get("bo.error.unreachable"));
        assertThat(down.caseRefProperty().get()).isEqualTo("JC-2");
        assertThat(down.venueIdProperty().get()).isEqualTo("12");
    }

    @Test
    void badInputIsSaidBeforeAnythingIsAsked() throws Exception {
        TracerViewModel vm = vm("tracer", EN);
        long before = BackOfficeFixture.audit(hub, "TRACE_%");
        vm.caseRefProperty().set("JC-3");
        vm.venueIdProperty().set("twelve");
        vm.search();
        assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.venueIdNumber"));
        vm.venueIdProperty().set("12");
        vm.fromTimeProperty().set("25:99");
        vm.search();
        assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.trace.badTime"));
        vm.fromTimeProperty().set("00:00");
        vm.fromDateProperty().set(vm.toDateProperty().get().minusDays(40));
        vm.search();
        assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.trace.windowTooLong"));
        assertThat(BackOfficeFixture.audit(hub, "TRACE_%")).isEqualTo(before);
    }
}
