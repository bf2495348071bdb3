package org.venuegate.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.hub.ApplicationService;
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
        assertThat(vm.statusProperty().get()).isEqualTo(ApplicationViewModel.Status.UNDER_REVIEW);
        assertThat(vm.rows()).extracting(ApplicationViewModel.Row::placeName).containsExactly("劝业场");
        assertThat(vm.countsProperty().get().get(ApplicationViewModel.Status.UNDER_REVIEW)).isEqualTo(1);
        assertThat(vm.placeNameProperty().get()).as("the form is ready for the next place").isEmpty();
        var stored = hub.hub.applications().get(hub.admin, vm.rows().get(0).id()).application();
        assertThat(stored.submittedBy()).isEqualTo("citizen");
    }

    @Test
    void validationErrorIsShownAndKeepsTheForm() {
        fill();
        vm.creditCodeProperty().set("91350100M000100Y44");
        vm.submit();
        assertThat(vm.errorFieldProperty().get()).isEqualTo("creditCode");
        assertThat(vm.formErrorProperty().get()).startsWith("统一社会信用代码：");
        assertThat(vm.placeNameProperty().get()).isEqualTo("劝业场");
        assertThat(vm.creditCodeProperty().get()).isEqualTo("91350100M000100Y44");
        assertThat(vm.responsibleIdNumberProperty().get()).isEqualTo("11010519491231002X");
        assertThat(vm.categoryProperty().get().code()).isEqualTo("MALL");
        assertThat(vm.rows()).isEmpty();

        vm.creditCodeProperty().set("91350100M000100Y43");
        vm.submit();
        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.errorFieldProperty().get()).isEmpty();
        assertThat(vm.rows()).hasSize(1);
    }

    @Test
    void mobilePlaceWithABadPlateNamesThatField() {
        fill();
        vm.mobileProperty().set(true);
        vm.placeNameProperty().set("");
        vm.plateOrShipProperty().set("not a plate");
        vm.submit();
        assertThat(vm.errorFieldProperty().get()).isEqualTo("plateOrShip");
        assertThat(vm.plateOrShipProperty().get()).isEqualTo("not a plate");
    }

    @Test
    void passedApplicationShowsAllItsInformationItsCodeAndSavesThePoster() throws Exception {
        long venue = PhoneFixture.passedVenue(hub, "滨江道百货大楼");
        long failed = hub.submit("错误的场所");
        hub.hub.applications().decide(hub.admin, failed,
                new ApplicationService.Decision(ApplicationService.Verdict.FAIL, "信用代码有误", 1));
        vm.showStatus(ApplicationViewModel.Status.PASSED);
        assertThat(vm.rows()).extracting(ApplicationViewModel.Row::placeName).containsExactly("滨江道百货大楼");
        assertThat(vm.countsProperty().get().get(ApplicationViewModel.Status.FAILED)).isEqualTo(1);

        vm.open(vm.rows().get(0).id());
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::label)
                .contains("场所名称", "场所单位", "统一社会信用代码", "行业分类", "所在区", "详细地址", "负责人", "状态");
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::value).contains("已通过", "和平区");
        assertThat(vm.openVenueIdProperty().get()).isEqualTo(venue);
        assertThat(QrImageDecoder.decode(vm.openCodeImageProperty().get())).contains(vm.openCodeTextProperty().get());
        assertThat(vm.openCodeTextProperty().get()).isEqualTo(PhoneFixture.venueCode(hub, venue));

        Path target = tmp.resolve("venue.png");
        vm.savePoster(target.toFile());
        assertThat(vm.messageProperty().get()).startsWith("已保存到");
        assertThat(ImageIO.read(target.toFile())).isNotNull();
        assertThat(Files.size(target)).isGreaterThan(10_000);

        vm.showStatus(ApplicationViewModel.Status.FAILED);
        vm.open(vm.rows().get(0).id());
        assertThat(vm.detail()).extracting(ApplicationViewModel.Field::value).contains("信用代码有误");
        assertThat(vm.openCodeTextProperty().get()).isNull();
    }
}
