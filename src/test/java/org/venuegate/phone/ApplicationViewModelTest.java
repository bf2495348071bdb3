package org.venuegate.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.api.ApplicationCounts;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Verdict;
import org.venuegate.hub.TestHub;
import org.venuegate.qr.QrImageDecoder;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

/** Applying for a venue code from the phone and following it, against a real hub. */
class ApplicationViewModelTest {
    private TestHub hub;
    private ApplicationViewModel vm;

    @TempDir
    Path tmp;

    @BeforeEach
    void open() throws Exception {
        hub = new TestHub();
        PhoneHubClient client = new PhoneHubClient(new OkHttpClient(), hub.url);
        client.login("citizen", "password-1");
        vm = new ApplicationViewModel(client, new InlineUiExecutor(), new Lang(Locale.SIMPLIFIED_CHINESE), ZoneId.of("Asia/Shanghai"));
        vm.load();
    }

    @AfterEach
    void close() {
        hub.close();
    }

    private void fill() {
        vm.placeNameProperty().set("劝业场");
        vm.unitNameProperty().set("天津劝业场集团股份有限公司");
        vm.creditCodeProperty().set("91350100M000100Y43");
        vm.categoryProperty().set(vm.categories().stream().filter(c -> c.code().equals("MALL")).findFirst().orElseThrow());
        vm.districtProperty().set(vm.districts().stream().filter(d -> d.code().equals("120101")).findFirst().orElseThrow());
        vm.addressProperty().set("和平区和平路290号");
        vm.responsibleNameProperty().set("王五");
        vm.responsibleIdNumberProperty().set("11010519491231002X");
        vm.responsiblePhoneProperty().set("13800138000");
    }

    @Test
    void submittedApplicationAppearsUnderReview() {
        assertThat(vm.categories()).isNotEmpty();
        assertThat(vm.districts()).extracting(ApplicationViewModel.Choice::code).contains("120101");
        fill();
        vm.submit();
        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("已提交：劝业场");
        assertThat(vm.statusProperty().get()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(vm.rows()).extracting(ApplicationViewModel.Row::placeName).containsExactly("劝业场");
        assertThat(vm.countsProperty().get().underReview()).isEqualTo(1);
        assertThat(vm.placeNameProperty().get()).as("the form is ready for the next place").isEmpty();
        var stored = hub.hub.applications().get(hub.admin, vm.rows().get(0).id()).application();
        assertThat(stored.submittedBy()).isEqualTo("citizen");
    }

    @Test
    void validationErrorIsShownAndKeepsTheForm() {
        fill();
        vm.creditCodeProperty().set("91350100M000100Y44");
        vm.submit();
        assertThat(vm.fieldErrors()).containsOnlyKeys("creditCode");
        assertThat(vm.fieldErrors().get("creditCode")).isEqualTo("统一社会信用代码校验码不对：应为“3”，现在是“4”，请核对各位是否输错");
        assertThat(vm.formErrorProperty().get()).isEqualTo("有 1 项需要修改，请查看标红的项目");
        assertThat(vm.placeNameProperty().get()).isEqualTo("劝业场");
        assertThat(vm.creditCodeProperty().get()).isEqualTo("91350100M000100Y44");
        assertThat(vm.responsibleIdNumberProperty().get()).isEqualTo("11010519491231002X");
        assertThat(vm.categoryProperty().get().code()).isEqualTo("MALL");
        assertThat(vm.rows()).isEmpty();
        assertThat(hub.hub.applications().counts(hub.admin).of(ApplicationStatus.UNDER_REVIEW))
                .as("nothing reached the hub").isZero();

        vm.creditCodeProperty().set("91350100M000100Y43");
        assertThat(vm.fieldErrors()).as("a corrected field loses its message").isEmpty();
        vm.submit();
        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.fieldErrors()).isEmpty();
        assertThat(vm.rows()).hasSize(1);
    }

    @Test
    void everyFieldErrorShowsAtOnceInTheScreensLanguage() {
        vm.submit();
        assertThat(vm.fieldErrors()).containsOnlyKeys("placeName", "unitName", "creditCode", "category", "district",
                "address", "responsibleName", "responsibleIdNumber", "responsiblePhone");
        assertThat(vm.fieldErrors().get("placeName")).isEqualTo("请填写场所名称");
        assertThat(vm.fieldErrors().get("category")).isEqualTo("请选择行业分类");
        assertThat(vm.fieldErrors().get("creditCode")).isEqualTo("请填写统一社会信用代码");
        assertThat(vm.formErrorProperty().get()).isEqualTo("有 9 项需要修改，请查看标红的项目");

        fill();
        vm.creditCodeProperty().set("91350100M000100Y4");
        vm.responsibleIdNumberProperty().set("110105194912310021");
        vm.responsiblePhoneProperty().set("12345");
        vm.submit();
        assertThat(vm.fieldErrors()).containsOnlyKeys("creditCode", "responsibleIdNumber", "responsiblePhone");
        assertThat(vm.fieldErrors().get("creditCode")).isEqualTo("统一社会信用代码应为 18 位，现在是 17 位");
        assertThat(vm.fieldErrors().get("responsibleIdNumber")).startsWith("身份证号码校验码不对");
        assertThat(vm.fieldErrors().get("responsiblePhone")).startsWith("请填写 11 位手机号");

        ApplicationViewModel en = english();
        en.submit();
        assertThat(en.fieldErrors()).hasSize(9);
        assertThat(en.fieldErrors().get("placeName")).isEqualTo("Place name is required");
        assertThat(en.fieldErrors().get("creditCode")).isEqualTo("Enter the unified social credit code");
        assertThat(en.fieldErrors().get("district")).isEqualTo("District: please choose one");
        assertThat(en.formErrorProperty().get()).isEqualTo("9 fields need correcting: see the ones marked in red");
        en.mobileProperty().set(true);
        en.plateOrShipProperty().set("CN2019");
        en.submit();
        assertThat(en.fieldErrors()).doesNotContainKey("placeName");
        assertThat(en.fieldErrors().get("plateOrShip")).as("a ship number gets the ship rule's message")
                .startsWith("A Chinese ship identification number has 11 digits after CN");
    }

    private ApplicationViewModel english() {
        try {
            PhoneHubClient client = new PhoneHubClient(new OkHttpClient(), hub.url);
            client.login("citizen", "password-1");
            ApplicationViewModel en = new ApplicationViewModel(client, new InlineUiExecutor(), new Lang(Locale.ENGLISH),
                    ZoneId.of("Asia/Shanghai"));
            en.load();
            return en;
        } catch (PhoneHubClient.HubException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRefusalOnlyTheHubCanMakeIsShownAtItsFieldInTheScreensLanguage() {
        fill();
        // A category that the phone's list once had but the hub no longer knows.
        vm.categoryProperty().set(new ApplicationViewModel.Choice("GONE", "已撤销的分类"));
        vm.submit();
        assertThat(vm.fieldErrors()).containsOnlyKeys("category");
        assertThat(vm.fieldErrors().get("category")).isEqualTo("平台没有接受这一项，请核对后重新提交");
        assertThat(vm.formErrorProperty().get()).doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(vm.placeNameProperty().get()).isEqualTo("劝业场");
    }

    @Test
    void mobilePlaceWithABadPlateNamesThatField() {
        fill();
        vm.mobileProperty().set(true);
        vm.placeNameProperty().set("");
        vm.plateOrShipProperty().set("津A1234");
        vm.submit();
        assertThat(vm.fieldErrors()).containsOnlyKeys("plateOrShip");
        assertThat(vm.fieldErrors().get("plateOrShip")).isEqualTo("车牌号应为 7 位（普通车牌）或 8 位（新能源车牌），现在是 6 位");
        assertThat(vm.plateOrShipProperty().get()).isEqualTo("津A1234");

        vm.plateOrShipProperty().set("津A12345");
        vm.submit();
        assertThat(vm.fieldErrors()).isEmpty();
        assertThat(vm.rows()).extracting(ApplicationViewModel.Row::placeName).containsExactly("津A12345");
    }

    @Test
    void afterSubmittingTheFormIsEmptyFoldedAndTheCountsAreFresh() {
        vm.formOpenProperty().set(true);
        vm.submit();
        assertThat(vm.fieldErrors()).isNotEmpty();
        fill();
        vm.mobileProperty().set(true);
        vm.mobileProperty().set(false);
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo("已提交：劝业场");
        for (var p : List.of(vm.placeNameProperty(), vm.unitNameProperty(), vm.creditCodeProperty(), vm.addressProperty(),
                vm.plateOrShipProperty(), vm.responsibleNameProperty(), vm.responsibleIdNumberProperty(),
                vm.responsiblePhoneProperty())) {
            assertThat(p.get()).isEmpty();
        }
        assertThat(vm.categoryProperty().get()).isNull();
        assertThat(vm.districtProperty().get()).isNull();
        assertThat(vm.mobileProperty().get()).isFalse();
        assertThat(vm.fieldErrors()).isEmpty();
        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.formOpenProperty().get()).isFalse();
        assertThat(vm.replacesIdProperty().get()).isNull();
        assertThat(vm.countsProperty().get().underReview()).isEqualTo(1);

        // A reviewer decides meanwhile: showing any tab again brings fresh counts.
        hub.hub.applications().decide(hub.admin, vm.rows().get(0).id(),
                new DecisionRequest(Verdict.PASS, null, 1));
        vm.showStatus(ApplicationStatus.UNDER_REVIEW);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.countsProperty().get()).isEqualTo(new ApplicationCounts(0, 1, 0));
    }

    @Test
    void aFailedApplicationIsCorrectedAndReappliedForAsAReplacement() {
        long failed = hub.submit("错误的场所");
        hub.hub.applications().decide(hub.admin, failed,
                new DecisionRequest(Verdict.FAIL, "地址不完整", 1));
        vm.showStatus(ApplicationStatus.FAILED);
        vm.open(failed);
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::value).contains("未通过", "地址不完整", "否");

        vm.reapply();
        assertThat(vm.detail()).as("the failed one's reason moves into the form; its detail closes").isEmpty();
        assertThat(vm.formOpenProperty().get()).isTrue();
        assertThat(vm.replacesIdProperty().get()).isEqualTo(failed);
        assertThat(vm.replacesNameProperty().get()).isEqualTo("错误的场所");
        assertThat(vm.replacesReasonProperty().get()).isEqualTo("地址不完整");
        assertThat(vm.placeNameProperty().get()).isEqualTo("错误的场所");
        assertThat(vm.unitNameProperty().get()).isEqualTo("天津测试商贸有限公司");
        assertThat(vm.creditCodeProperty().get()).isEqualTo("91350100M000100Y43");
        assertThat(vm.categoryProperty().get().code()).isEqualTo("MALL");
        assertThat(vm.districtProperty().get().code()).isEqualTo("120101");
        assertThat(vm.responsiblePhoneProperty().get()).isEqualTo("13800138000");
        assertThat(vm.responsibleIdNumberProperty().get()).as("the hub only shows it masked").isEmpty();

        vm.addressProperty().set("和平区滨江道1号百货大楼一层");
        vm.submit();
        assertThat(vm.fieldErrors()).containsOnlyKeys("responsibleIdNumber");
        vm.responsibleIdNumberProperty().set("11010519491231002X");
        vm.submit();
        assertThat(vm.fieldErrors()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("已重新提交：错误的场所（替代未通过的“错误的场所”）");
        assertThat(vm.replacesIdProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        long newId = vm.rows().get(0).id();
        var stored = hub.hub.applications().get(hub.admin, newId);
        assertThat(stored.application().replacesId()).isEqualTo(failed);
        assertThat(stored.application().address()).isEqualTo("和平区滨江道1号百货大楼一层");
        assertThat(hub.hub.applications().get(hub.admin, failed).application().address())
                .as("the failed one is never modified").isEqualTo("和平区滨江道1号 错误的场所");

        vm.open(newId);
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::label).contains("替代的申请");
        vm.reapply();
        assertThat(vm.replacesIdProperty().get()).as("only a failed application is re-applied for").isNull();
    }

    @Test
    void cancellingAReapplicationEmptiesTheForm() {
        long failed = hub.submit("错误的场所");
        hub.hub.applications().decide(hub.admin, failed,
                new DecisionRequest(Verdict.FAIL, "地址不完整", 1));
        vm.open(failed);
        vm.reapply();
        vm.cancelReapply();
        assertThat(vm.replacesIdProperty().get()).isNull();
        assertThat(vm.placeNameProperty().get()).isEmpty();
        fill();
        vm.submit();
        assertThat(hub.hub.applications().get(hub.admin, vm.rows().get(0).id()).application().replacesId()).isNull();
    }

    @Test
    void passedApplicationShowsAllItsInformationItsCodeAndSavesThePoster() throws Exception {
        long venue = PhoneFixture.passedVenue(hub, "滨江道百货大楼");
        long failed = hub.submit("错误的场所");
        hub.hub.applications().decide(hub.admin, failed,
                new DecisionRequest(Verdict.FAIL, "信用代码有误", 1));
        vm.showStatus(ApplicationStatus.PASSED);
        assertThat(vm.rows()).extracting(ApplicationViewModel.Row::placeName).containsExactly("滨江道百货大楼");
        assertThat(vm.countsProperty().get().failed()).isEqualTo(1);

        vm.open(vm.rows().get(0).id());
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::label)
                .contains("场所名称", "场所单位", "统一社会信用代码", "行业分类", "所在区", "详细地址", "负责人", "状态");
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::value).contains("已通过", "和平区", "商场超市")
                .contains(hub.hub.venues().venue(hub.admin, venue).number())
                .noneMatch(v -> v.matches("MALL|120101|PASSED|true|false"));
        assertThat(vm.openVenueIdProperty().get()).isEqualTo(venue);
        assertThat(QrImageDecoder.decode(vm.openCodeImageProperty().get())).contains(vm.openCodeTextProperty().get());
        assertThat(vm.openCodeTextProperty().get()).isEqualTo(PhoneFixture.venueCode(hub, venue));

        Path target = tmp.resolve("venue.png");
        vm.savePoster(target.toFile());
        assertThat(vm.messageProperty().get()).startsWith("已保存到");
        assertThat(ImageIO.read(target.toFile())).isNotNull();
        assertThat(Files.size(target)).isGreaterThan(10_000);

        vm.showStatus(ApplicationStatus.FAILED);
        vm.open(vm.rows().get(0).id());
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::value).contains("信用代码有误");
        assertThat(vm.openCodeTextProperty().get()).isNull();
    }
}
