package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.venuegate.api.UserUpdate;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.hub.TestHub;
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
        assertThat(vm.audit()).anySatisfy(a -> assertThat(a.target()).isEqualTo("类别 ESPORTS"));
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
