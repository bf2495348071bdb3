package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.venuegate.api.HealthReport;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.testing.MutableClock;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class DashboardViewModelTest {
    static MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofHours(4)));
    static TestHub hub;
    static final Lang EN = new Lang(Locale.ENGLISH);
    static final Lang ZH = new Lang(Locale.SIMPLIFIED_CHINESE);

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub(clock);
        hub.user("reviewer", Role.REVIEWER, 120101);
        hub.user("tracer", Role.TRACER, null);
        // A kiosk paired three hours ago that was never heard from again...
        clock.now = Instant.now().minus(Duration.ofHours(3));
        long venue = BackOfficeFixture.passedVenue(hub, "看板测试商场");
        BackOfficeFixture.pairKiosk(hub, venue, "西门");
        // ...and one that reports now: 4 waiting, trust list two hours old, clock 90 s fast.
        clock.now = Instant.now();
        Principal live = BackOfficeFixture.pairKiosk(hub, venue, "东门");
        hub.hub.backOffice().report(live, new HealthReport(4L, Instant.now().minus(Duration.ofHours(2)),
                Instant.now().plusSeconds(90)));
        BackOfficeFixture.checkins(hub, live, 0, 5, "S1", "S2", "S3");
        // ...and one whose records 2 to 4 never arrived while 5 did
        Principal gappy = BackOfficeFixture.pairKiosk(hub, venue, "北门");
        BackOfficeFixture.checkins(hub, gappy, 0, 5, "S4", "S5");
        BackOfficeFixture.checkins(hub, gappy, 5, 4, "S6");
        hub.submit("看板待审场所");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static DashboardViewModel vm(String user, Lang lang) throws Exception {
        return new DashboardViewModel(BackOfficeFixture.client(hub, user), new InlineUiExecutor(), lang, Clock.systemUTC(),
                Duration.ofMinutes(30));
    }

    @Test
    void adminSeesChartsAndTheFleetWithSilentKiosksMarked() throws Exception {
        DashboardViewModel vm = vm("root-admin", ZH);
        vm.refresh();
        assertThat(vm.bannerProperty().get()).isEmpty();
        assertThat(vm.waitingProperty().get()).isEqualTo("待审核 1 件");
        // The one decision took seconds: said in words, not "0.0 小时".
        assertThat(vm.medianProperty().get()).isEqualTo("提交到处理（中位）：不到 1 分钟");
        assertThat(vm.p90Property().get()).isEqualTo("90% 分位：不到 1 分钟");
        assertThat(vm.perDay()).hasSize(14);
        // Summed: three hours back may be yesterday in Tianjin.
        assertThat(vm.perDay().stream().mapToLong(DashboardViewModel.Day::submitted).sum()).isEqualTo(2);
        assertThat(vm.perDay().stream().mapToLong(DashboardViewModel.Day::decided).sum()).isEqualTo(1);
        assertThat(vm.perReviewer()).containsExactly(new DashboardViewModel.Bar("root-admin", 1));
        assertThat(vm.perDistrict()).containsExactly(new DashboardViewModel.Bar("和平区", 1));
        assertThat(vm.perHour()).hasSize(24);
        assertThat(vm.perHour().stream().mapToLong(DashboardViewModel.Bar::value).sum()).isEqualTo(6);
        assertThat(vm.perHour().get(0).label()).endsWith("时");

        assertThat(vm.showsFleetProperty().get()).isTrue();
        assertThat(vm.fleet()).hasSize(3);
        DashboardViewModel.Kiosk silent = vm.fleet().stream().filter(k -> k.label().equals("西门")).findFirst().orElseThrow();
        assertThat(silent.silent()).isTrue();
        assertThat(silent.status()).isEqualTo("失联");
        assertThat(silent.lastContact()).isEqualTo("从未联系");
        assertThat(silent.pending()).isEqualTo("未上报");
        DashboardViewModel.Kiosk live = vm.fleet().stream().filter(k -> k.label().equals("东门")).findFirst().orElseThrow();
        assertThat(live.silent()).isFalse();
        assertThat(live.status()).isEqualTo("正常");
        assertThat(live.pending()).isEqualTo("4");
        assertThat(live.trustListAge()).isEqualTo("2.0 小时前");
        assertThat(live.clockSkew()).isEqualTo("快 90 秒");
        assertThat(live.venue()).isEqualTo("看板测试商场");
        assertThat(live.records()).isEqualTo("完整（至第 2 条）");
        assertThat(live.flagged()).isFalse();
        assertThat(silent.records()).isEqualTo("尚无记录");
        DashboardViewModel.Kiosk gappy = vm.fleet().stream().filter(k -> k.label().equals("北门")).findFirst().orElseThrow();
        assertThat(gappy.records()).isEqualTo("缺第 2–4 条");
        assertThat(gappy.flagged()).isTrue();
        assertThat(vm.fleetSummaryProperty().get()).isEqualTo("在用终端 3 台，其中 2 台超过 30 分钟 未联系（标红）"
                + "；1 台终端的签到记录有缺口或被改动（见“签到记录”一列），请核查。");
    }

    @Test
    void reviewerSeesTheirDistrictAndNoFleet() throws Exception {
        DashboardViewModel vm = vm("reviewer", EN);
        vm.daysProperty().set(7);
        vm.refresh();
        assertThat(vm.bannerProperty().get()).isEmpty();
        assertThat(vm.perDay()).hasSize(7);
        assertThat(vm.perDistrict()).extracting(DashboardViewModel.Bar::label).containsOnly("Heping");
        assertThat(vm.showsFleetProperty().get()).isFalse();
        assertThat(vm.fleet()).isEmpty();
        assertThat(vm.updatedProperty().get()).startsWith("Updated ");
    }

    @Test
    void aTracerIsRefusedAndAHubThatIsDownKeepsWhatIsShown() throws Exception {
        DashboardViewModel tracer = vm("tracer", ZH);
        tracer.refresh();
        assertThat(tracer.bannerProperty().get()).isEqualTo("您的账号没有这项权限。");

        try (TestHub other = new TestHub()) {
            other.submit("另一服务端的场所");
            DashboardViewModel vm = new DashboardViewModel(BackOfficeFixture.client(other, "root-admin"), new InlineUiExecutor(),
                    EN, Clock.systemUTC(), Duration.ofMinutes(30));
            vm.refresh();
            assertThat(vm.waitingProperty().get()).isEqualTo("1 waiting for review");
            other.server.close();
            vm.refresh();
            assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.error.unreachable"));
            assertThat(vm.waitingProperty().get()).isEqualTo("1 waiting for review");
            assertThat(vm.perDay()).hasSize(14);
        }
    }

    @Test
    void durationsAreInMinutesOrHoursAsFits() {
        assertThat(BackOffice.duration(ZH, Duration.ofSeconds(20))).isEqualTo("不到 1 分钟");
        assertThat(BackOffice.duration(ZH, Duration.ofMinutes(95))).isEqualTo("95 分钟");
        assertThat(BackOffice.duration(EN, Duration.ofMinutes(150))).isEqualTo("2.5 h");
        assertThat(BackOffice.duration(EN, Duration.ofHours(30))).isEqualTo("30 h");
        assertThat(BackOffice.duration(EN, Duration.ofDays(5))).isEqualTo("5 days");
    }
}
