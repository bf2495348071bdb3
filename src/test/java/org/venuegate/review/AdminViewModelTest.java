package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.venuegate.api.ColourChange;
import org.venuegate.api.UserUpdate;
import org.venuegate.core.code.Colour;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.hub.TestHub;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class AdminViewModelTest {
    static TestHub hub;
    static final Lang EN = new Lang(Locale.ENGLISH);
    static final Lang ZH = new Lang(Locale.SIMPLIFIED_CHINESE);

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub();
        hub.user("reviewer", Role.REVIEWER, 120101);
        hub.user("tracer", Role.TRACER, null);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static AdminViewModel vm(String user, Lang lang) throws Exception {
        return new AdminViewModel(BackOfficeFixture.client(hub, user), new InlineUiExecutor(), lang);
    }

    private static AdminViewModel.UserRow user(AdminViewModel vm, String name) {
        return vm.users().stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void adminCreatesDisablesAndResetsUsers() throws Exception {
        AdminViewModel vm = vm("root-admin", ZH);
        vm.refresh();
        assertThat(vm.bannerProperty().get()).isEmpty();
        assertThat(user(vm, "reviewer").roleText()).isEqualTo("审核员");
        assertThat(user(vm, "reviewer").districtText()).isEqualTo("和平区");
        assertThat(user(vm, "tracer").districtText()).isEqualTo("—");

        vm.newUsernameProperty().set("Rev-Hexi");
        vm.newPasswordProperty().set("short");
        vm.createUser();
        assertThat(vm.bannerProperty().get()).isEqualTo("密码至少 8 个字符");
        vm.newPasswordProperty().set("password-1");
        vm.newRoleProperty().set(org.venuegate.api.Role.REVIEWER);
        vm.newDistrictProperty().set(120103);
        vm.createUser();
        assertThat(vm.bannerProperty().get()).isEqualTo("已创建账号 rev-hexi（审核员）");
        assertThat(user(vm, "rev-hexi").districtText()).isEqualTo("河西区");
        assertThat(vm.newUsernameProperty().get()).isEmpty();
        BackOfficeFixture.client(hub, "rev-hexi");

        // A taken name is said in words, and what was typed stays.
        vm.newUsernameProperty().set("rev-hexi");
        vm.newPasswordProperty().set("password-2");
        vm.createUser();
        assertThat(vm.bannerProperty().get()).isEqualTo(ZH.get("bo.error.USERNAME_TAKEN"));
        assertThat(vm.newUsernameProperty().get()).isEqualTo("rev-hexi");

        vm.selectedUserProperty().set(user(vm, "rev-hexi"));
        assertThat(vm.editDistrictProperty().get()).isEqualTo(120103);
        vm.editActiveProperty().set(false);
        vm.saveUser();
        assertThat(vm.bannerProperty().get()).isEqualTo("已停用账号 rev-hexi，其登录立即失效");
        assertThat(user(vm, "rev-hexi").statusText()).isEqualTo("已停用");
        assertThatThrownBy(() -> BackOfficeFixture.client(hub, "rev-hexi")).isInstanceOf(ReviewHubClient.HubException.class);

        vm.selectedUserProperty().set(user(vm, "rev-hexi"));
        vm.editActiveProperty().set(true);
        vm.saveUser();
        vm.resetPasswordProperty().set("new-password-9");
        vm.resetPassword();
        assertThat(vm.bannerProperty().get()).isEqualTo("已为 rev-hexi 设置新密码，请当面或电话告知本人");
        new ReviewHubClient(new OkHttpClient(), hub.url).login("rev-hexi", "new-password-9");

        // An admin cannot lock themselves out.
        vm.selectedUserProperty().set(user(vm, "root-admin"));
        vm.editActiveProperty().set(false);
        vm.saveUser();
        assertThat(vm.bannerProperty().get()).isEqualTo(ZH.get("bo.error.OWN_ACCOUNT"));
    }

    @Test
    void kiosksPairingCodesRevocationsAndKeys() throws Exception {
        long venue = BackOfficeFixture.passedVenue(hub, "管理测试商场");
        BackOfficeFixture.pairKiosk(hub, venue, "北门闸机");
        AdminViewModel vm = vm("root-admin", EN);
        vm.refresh();
        AdminViewModel.DeviceRow kiosk = vm.devices().stream().filter(d -> d.label().equals("北门闸机")).findFirst().orElseThrow();
        assertThat(kiosk.statusText()).isEqualTo("In use");
        vm.revokeDevice(kiosk);
        assertThat(vm.bannerProperty().get()).isEqualTo("Kiosk 北门闸机 revoked");
        assertThat(vm.devices()).filteredOn(d -> d.id() == kiosk.id()).singleElement()
                .satisfies(d -> assertThat(d.statusText()).startsWith("Revoked ("));

        vm.pairingVenueIdProperty().set("abc");
        vm.createPairingCode();
        assertThat(vm.bannerProperty().get()).isEqualTo("The venue ID must be digits");
        vm.pairingVenueIdProperty().set(Long.toString(venue));
        vm.createPairingCode();
        vm.pairingVenueIdProperty().set(Long.toString(venue));
        vm.createPairingCode();
        assertThat(vm.pairingCodes()).hasSize(2).allSatisfy(p -> assertThat(p.venueName()).isEqualTo("管理测试商场"));
        assertThat(vm.hubUrl()).isEqualTo(hub.url + "/");
        assertThat(vm.bannerProperty().get()).startsWith("Pairing code ").contains("single use");

        vm.revokeVenueIdProperty().set(Long.toString(venue));
        vm.revokeVenue();
        assertThat(vm.bannerProperty().get()).isEqualTo("A revocation needs a reason");
        vm.revokeReasonProperty().set("场所已停业");
        vm.revokeVenue();
        assertThat(vm.bannerProperty().get()).isEqualTo("The venue code of \"管理测试商场\" is revoked");
        assertThat(vm.revokedVenues()).anySatisfy(r -> assertThat(r.reason()).isEqualTo("场所已停业"));
        vm.revokeVenueIdProperty().set(Long.toString(venue));
        vm.revokeReasonProperty().set("again");
        vm.revokeVenue();
        assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.error.ALREADY_REVOKED"));

        int before = vm.keys().size();
        vm.rotateRoleProperty().set(KeyRole.VENUE);
        vm.rotateOverlapDaysProperty().set(3);
        vm.rotateKey();
        assertThat(vm.bannerProperty().get()).isEqualTo("Venue-code signing key rotated; the old key stays valid for 3 days");
        assertThat(vm.keys()).hasSize(before + 1);
        assertThat(vm.keys()).extracting(AdminViewModel.KeyRow::roleText).contains("Root key", "Health-code signing");
        AdminViewModel.KeyRow root = vm.keys().stream().filter(k -> k.role() == KeyRole.ROOT).findFirst().orElseThrow();
        vm.revokeKey(root);
        assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.key.rootPinned"));
    }

    @Test
    void categoriesAuditFiltersAndRetention() throws Exception {
        AdminViewModel vm = vm("root-admin", ZH);
        vm.refresh();
        vm.categoryCodeProperty().set("esports");
        vm.categoryZhProperty().set("电竞馆");
        vm.categoryEnProperty().set("E-sports hall");
        vm.addCategory();
        assertThat(vm.bannerProperty().get()).isEqualTo("已添加类别“电竞馆”");
        assertThat(vm.categories()).anySatisfy(c -> assertThat(c.nameZh()).isEqualTo("电竞馆"));
        vm.categoryCodeProperty().set("ESPORTS");
        vm.categoryZhProperty().set("电竞馆");
        vm.categoryEnProperty().set("E-sports hall");
        vm.addCategory();
        assertThat(vm.bannerProperty().get()).isEqualTo(ZH.get("bo.error.CATEGORY_EXISTS"));

        vm.auditActionProperty().set("CATEGORY_ADD");
        vm.searchAudit();
        assertThat(vm.audit()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.action()).isEqualTo("添加行业类别");
            assertThat(a.actor()).isEqualTo("root-admin");
        });
        assertThat(vm.audit()).anySatisfy(a -> assertThat(a.target()).as("by its name in the screen's language").isEqualTo("类别 电竞馆"));
        vm.auditActionProperty().set(null);
        vm.auditActorProperty().set("nobody");
        vm.searchAudit();
        assertThat(vm.audit()).isEmpty();
        vm.auditActorProperty().set("");
        vm.auditFromProperty().set(java.time.LocalDate.now().plusDays(2));
        vm.auditToProperty().set(java.time.LocalDate.now());
        vm.searchAudit();
        assertThat(vm.bannerProperty().get()).isEqualTo("结束日期不能早于开始日期");

        assertThat(vm.lastPurgeTextProperty().get()).isEqualTo("尚未清理过");
        vm.retentionDaysProperty().set(21);
        vm.saveRetention();
        assertThat(vm.bannerProperty().get()).isEqualTo("已改为保留 21 天，下一次整点清理时生效");
        assertThat(vm.retentionTextProperty().get()).isEqualTo("签到记录保留 21 天（服务端配置的默认值为 28 天）");
        assertThat(hub.hub.backOffice().retention()).isEqualTo(Duration.ofDays(21));
        hub.hub.checkins().purge(hub.hub.backOffice().retention());
        vm.refresh();
        assertThat(vm.lastPurgeTextProperty().get()).contains("删除了 0 条在").endsWith("之前的签到记录");
        vm.retentionDaysProperty().set(28);
        vm.saveRetention();
    }

    /**
     * Issue 12: the hub's details were English sentences on the Chinese screen ("expires 2026-…", "GREEN -> YELLOW",
     * "30 -> 60 days"). Each is now worded in the screen's language from its message; what a person typed stays as
     * typed, and an entry from before messages existed still shows its sentence.
     */
    @Test
    void aChineseAuditRowSaysNothingInEnglish() throws Exception {
        // its own hub: it purges, rotates a key and changes retention, which the other tests here must not see
        try (TestHub hub = new TestHub()) {
            auditedEverything(hub);
        }
    }

    private static void auditedEverything(TestHub hub) throws Exception {
        long venue = BackOfficeFixture.passedVenue(hub, "审计详情商场");
        BackOfficeFixture.pairKiosk(hub, venue, "南门闸机");
        hub.hub.venues().revoke(hub.admin, venue, "场所已停业");
        long failed = hub.submit("审计退回商场");
        hub.hub.applications().decide(hub.admin, failed, new org.venuegate.api.DecisionRequest(
                org.venuegate.api.Verdict.FAIL, "营业执照照片不清晰", 1));
        hub.hub.venues().addCategory(hub.admin, new org.venuegate.api.CategoryRequest("ARCADE", "电玩城", "Arcade"));
        hub.hub.trust().rotate(KeyRole.VENUE, Duration.ofDays(7), "root-admin");
        long child = hub.hub.citizens().register(hub.admin, new org.venuegate.api.CitizenInput(null, "张*", Colour.GREEN,
                null, null, true, null, false)).subjectId();
        hub.hub.citizens().addDependant(hub.admin, hub.citizenSubject, child);
        hub.hub.citizens().setColour(hub.admin, child, new ColourChange(Colour.YELLOW, "次密接", "请三天两检"));
        hub.hub.citizens().setColour(hub.admin, child, new ColourChange(Colour.GREEN, null, null));
        long id = hub.hub.auth().createUser("rev-audit", "password-1", Role.REVIEWER, 120101, null);
        hub.hub.backOffice().updateUser(hub.admin, id, new UserUpdate(org.venuegate.api.Role.REVIEWER, 120103, false));
        int days = (int) hub.hub.backOffice().retention().toDays();
        hub.hub.backOffice().setRetention(hub.admin, new org.venuegate.api.RetentionRequest(30));
        hub.hub.checkins().purge(hub.hub.backOffice().retention());
        hub.hub.backOffice().setRetention(hub.admin, new org.venuegate.api.RetentionRequest(days));
        long tracerId = hub.hub.auth().createUser("tracer-audit", "password-1", Role.TRACER, null, null);
        hub.hub.trace().atVenue(new Principal(Role.TRACER, tracerId, "tracer-audit", null, null, null), "津卫追-0815", venue,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"));
        hub.hub.db().tx(c -> org.venuegate.hub.store.Sql.update(c, "INSERT INTO audit_log(at, actor, action, target, detail)"
                + " VALUES (?, ?, ?, ?, ?)", Instant.now().toEpochMilli(), "root-admin", "PAIRING_CODE", "venue:" + venue,
                "expires 2026-01-01T00:00:00Z"));

        AdminViewModel zh = new AdminViewModel(BackOfficeFixture.client(hub, "root-admin"), new InlineUiExecutor(), ZH);
        zh.refresh();
        List<AdminViewModel.AuditRow> rows = List.copyOf(zh.audit());
        AdminViewModel.AuditRow legacy = rows.get(0);
        assertThat(legacy.detail()).as("written before messages: its sentence, as it is").isEqualTo("expires 2026-01-01T00:00:00Z");
        // Typed by the admin: the English category name (for the English screens).
        Set<String> typed = Set.of("Arcade");
        Pattern latin = Pattern.compile("[A-Za-z]{3,}");
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(r -> {
            latin.matcher(r.detail()).results().map(m -> m.group())
                    .forEach(w -> assertThat(typed).as("%s: '%s'", r.action(), r.detail()).contains(w));
            assertThat(r.detail()).as(r.action()).doesNotContain("->").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
        });
        assertThat(detail(rows, "吊销场所码")).isEqualTo("原因：场所已停业");
        assertThat(detail(rows, "审核退回")).isEqualTo("原因：营业执照照片不清晰");
        assertThat(detail(rows, "审核通过")).isEqualTo("已生成场所 " + venue);
        assertThat(detail(rows, "终端配对")).isEqualTo("终端名称：南门闸机");
        assertThat(detail(rows, "添加行业类别")).isEqualTo("中文名“电玩城”，英文名“Arcade”");
        assertThat(rows).filteredOn(r -> r.action().equals("添加行业类别")).extracting(AdminViewModel.AuditRow::target)
                .as("the category by its name, not its code").allSatisfy(t -> assertThat(t).contains("电玩城").doesNotContain("ARCADE"));
        assertThat(detail(rows, "轮换密钥")).isEqualTo("已轮换场所码签名密钥，旧密钥再有效 7 天");
        assertThat(detail(rows, "添加家属")).isEqualTo("监护人：对象 " + hub.citizenSubject);
        assertThat(detail(rows, "登记市民")).isEqualTo("健康码：绿码");
        assertThat(rows).filteredOn(r -> r.action().equals("变更健康码颜色")).extracting(AdminViewModel.AuditRow::detail)
                .startsWith("黄码 → 绿码", "绿码 → 黄码，原因：次密接");
        assertThat(detail(rows, "修改账号")).isEqualTo("角色 审核员 → 审核员，辖区 和平区 → 河西区，状态 启用 → 已停用");
        assertThat(rows).filteredOn(r -> r.action().equals("修改保留期限")).extracting(AdminViewModel.AuditRow::detail)
                .startsWith("保留期限 30 天 → " + days + " 天", "保留期限 " + days + " 天 → 30 天");
        assertThat(detail(rows, "到期清理签到")).matches("删除了 \\d+ 条在 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 之前的签到记录（保留期限 30 天）");
        assertThat(detail(rows, "追溯：场所到访者")).isEqualTo("案件 津卫追-0815：2026-11-01 08:00 至 2026-11-02 08:00，已核验 0 条，未核验 0 条");
        assertThat(rows).filteredOn(r -> r.action().equals("生成配对码")).element(1).extracting(AdminViewModel.AuditRow::detail)
                .asString().matches("有效期至 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");

        AdminViewModel en = new AdminViewModel(BackOfficeFixture.client(hub, "root-admin"), new InlineUiExecutor(), EN);
        en.refresh();
        List<AdminViewModel.AuditRow> english = List.copyOf(en.audit());
        assertThat(detail(english, "Venue code revoked")).isEqualTo("Reason: 场所已停业");
        assertThat(detail(english, "Key rotated")).isEqualTo("Venue-code signing key rotated; the old key stays valid for 7 days");
        assertThat(detail(english, "Account changed")).isEqualTo("Role Reviewer → Reviewer, district Heping → Hexi, status Active → Disabled");
        assertThat(detail(english, "Trace: visitors of a venue"))
                .isEqualTo("Case 津卫追-0815: 2026-11-01 08:00 to 2026-11-02 08:00, 0 verified rows, 0 unverified");
    }

    /** The detail of the newest row of this (localized) action. */
    private static String detail(List<AdminViewModel.AuditRow> rows, String action) {
        return rows.stream().filter(r -> r.action().equals(action)).findFirst().orElseThrow(() -> new AssertionError(action))
                .detail();
    }

    @Test
    void theAdminScreenOffersTheDashboardToAnAdminOnly() throws Exception {
        DashboardViewModel dashboard = new DashboardViewModel(BackOfficeFixture.client(hub, "root-admin"), new InlineUiExecutor(),
                ZH, java.time.Clock.systemUTC(), Duration.ofMinutes(30));
        AdminViewModel admin = vm("root-admin", ZH);
        admin.offerDashboard(dashboard);
        assertThat(admin.dashboardProperty().get()).isSameAs(dashboard);
        AdminViewModel tracer = vm("tracer", ZH);
        tracer.offerDashboard(dashboard);
        assertThat(tracer.dashboardProperty().get()).as("the hub refuses a tracer the dashboard").isNull();
    }

    @Test
    void reviewersAndTracersAreRefusedEverything() throws Exception {
        for (String who : new String[] {"reviewer", "tracer"}) {
            AdminViewModel vm = vm(who, ZH);
            vm.refresh();
            assertThat(vm.bannerProperty().get()).isEqualTo("您的账号没有这项权限。");
            assertThat(vm.users()).isEmpty();
            vm.retentionDaysProperty().set(1);
            vm.saveRetention();
            assertThat(vm.bannerProperty().get()).isEqualTo("您的账号没有这项权限。");
        }
        assertThat(hub.hub.backOffice().retention()).isNotEqualTo(Duration.ofDays(1));
    }

    @Test
    void anExpiredSessionAsksForTheLoginAgainAndKeepsWhatWasTyped() throws Exception {
        long id = hub.hub.auth().createUser("admin-two", "password-1", Role.ADMIN, null, null);
        AdminViewModel vm = vm("admin-two", EN);
        vm.refresh();
        assertThat(vm.sessionExpiredProperty().get()).isFalse();
        // Another admin demotes and re-enables this one: the hub ends the sessions at once.
        hub.hub.backOffice().updateUser(hub.admin, id, new UserUpdate(org.venuegate.api.Role.ADMIN, null, false));
        hub.hub.backOffice().updateUser(hub.admin, id, new UserUpdate(org.venuegate.api.Role.ADMIN, null, true));
        vm.categoryCodeProperty().set("KARAOKE");
        vm.categoryZhProperty().set("歌厅");
        vm.categoryEnProperty().set("Karaoke bar");
        vm.addCategory();
        assertThat(vm.sessionExpiredProperty().get()).isTrue();
        assertThat(vm.bannerProperty().get()).isEqualTo(EN.get("bo.error.session"));
        assertThat(vm.categoryZhProperty().get()).isEqualTo("歌厅");
        vm.sessionRenewed();
        assertThat(vm.sessionExpiredProperty().get()).isFalse();
        assertThat(vm.bannerProperty().get()).isEmpty();
    }

    @Test
    void aHubThatIsDownSaysSoAndKeepsWhatWasTyped() {
        AdminViewModel vm = new AdminViewModel(new ReviewHubClient(new OkHttpClient(), "http://localhost:1"),
                new InlineUiExecutor(), ZH);
        vm.newUsernameProperty().set("new-user");
        vm.newPasswordProperty().set("password-1");
        vm.createUser();
        assertThat(vm.bannerProperty().get()).isEqualTo(ZH.get("bo.error.unreachable"));
        assertThat(vm.bannerIsErrorProperty().get()).isTrue();
        assertThat(vm.newUsernameProperty().get()).isEqualTo("new-user");
        assertThat(vm.newPasswordProperty().get()).isEqualTo("password-1");
    }
}
