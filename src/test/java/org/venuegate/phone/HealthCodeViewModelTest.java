package org.venuegate.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.HealthCode;
import org.venuegate.hub.TestHub;
import org.venuegate.qr.QrImageDecoder;
import org.venuegate.qr.QrRenderer;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

/** The health-code page against a real hub, run in line. */
class HealthCodeViewModelTest {
    static final String INVALID = "非有效场所码，请扫描重点场所张贴的二维码图片";
    static TestHub hub;
    static long venueId;
    static long child;
    static final OkHttpClient HTTP = new OkHttpClient();

    @TempDir
    Path tmp;

    private final List<String> spoken = new ArrayList<>();
    private final InlineUiExecutor executor = new InlineUiExecutor();

    @BeforeAll
    static void startHub() throws Exception {
        hub = new TestHub();
        venueId = PhoneFixture.passedVenue(hub, "滨江道百货大楼");
        child = PhoneFixture.dependant(hub);
        PhoneFixture.redCitizen(hub, "red");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    private HealthCodeViewModel open(String user) throws Exception {
        PhoneHubClient client = new PhoneHubClient(HTTP, hub.url);
        client.login(user, "password-1");
        HealthCodeViewModel vm = new HealthCodeViewModel(client, executor, new Lang(Locale.SIMPLIFIED_CHINESE),
                spoken::add, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        vm.load();
        return vm;
    }

    @Test
    void loginShowsTheVeiledCodeWithColourAndBadge() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        assertThat(vm.bannerProperty().get()).isEmpty();
        assertThat(vm.veiledProperty().get()).isTrue();
        assertThat(vm.colourProperty().get()).isEqualTo("GREEN");
        assertThat(vm.badgeProperty().get()).isTrue();
        assertThat(vm.proxyProperty().get()).isFalse();
        assertThat(vm.maskedNameProperty().get()).isEqualTo("张*明");
        assertThat(vm.veilPatternProperty().get()).isNotNull();
        assertThat(QrImageDecoder.decode(vm.veilPatternProperty().get())).as("the veil hides anything readable").isEmpty();
        assertThat(vm.unveiledCodeTextProperty().get()).isNull();
        assertThat(vm.popupShownProperty().get()).isFalse();
        // FAQ 10: the sections below stay readable with the veil on.
        assertThat(vm.vaccinationProperty().get()).isEqualTo("已完成新冠疫苗接种");
        assertThat(vm.nucleicAcidProperty().get()).isNotEmpty();
    }

    @Test
    void validVenueCodeUnveilsAndClosingVeilsAgain() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        vm.scanInputProperty().set(PhoneFixture.venueCode(hub, venueId));
        vm.scan();
        assertThat(vm.veiledProperty().get()).isFalse();
        assertThat(vm.scanErrorProperty().get()).isEmpty();
        String text = vm.unveiledCodeTextProperty().get();
        var parsed = CodeFormat.parse(text);
        assertThat(parsed.ok()).isTrue();
        HealthCode code = parsed.code().healthCode().orElseThrow();
        assertThat(code.venueId()).isEqualTo(venueId);
        assertThat(code.subjectId()).isEqualTo(hub.citizenSubject);
        assertThat(vm.venueNameProperty().get()).isEqualTo("滨江道百货大楼");
        assertThat(vm.admittedAtProperty().get()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(vm.passPromptProperty().get()).isEqualTo("请通行");
        assertThat(spoken).containsExactly("滨江道百货大楼");
        // The QR on screen carries exactly that text and is big enough for a webcam.
        assertThat(QrImageDecoder.decode(vm.unveiledQrProperty().get())).contains(text);
        assertThat(vm.unveiledQrProperty().get().getWidth()).isGreaterThanOrEqualTo(250);

        vm.close();
        assertThat(vm.veiledProperty().get()).isTrue();
        assertThat(vm.unveiledCodeTextProperty().get()).isNull();
        assertThat(vm.unveiledQrProperty().get()).isNull();
        assertThat(vm.venueNameProperty().get()).isEmpty();
    }

    @Test
    void venueIdStandsInForTheCamera() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        vm.scanText(Long.toString(venueId));
        assertThat(vm.veiledProperty().get()).isFalse();
        assertThat(vm.venueNameProperty().get()).isEqualTo("滨江道百货大楼");
    }

    @Test
    void theVenueNumberPrintedOnThePosterStandsInForTheCamera() throws Exception {
        String number = hub.hub.venues().venue(hub.admin, venueId).number();
        assertThat(number).matches("0101-\\d{6}");
        for (String typed : List.of(number, " " + number + " ", number.replace("-", ""), fullWidth(number),
                number.replace("-", " - "))) {
            HealthCodeViewModel vm = open("citizen");
            vm.scanText(typed);
            assertThat(vm.veiledProperty().get()).as(typed).isFalse();
            assertThat(vm.venueNameProperty().get()).isEqualTo("滨江道百货大楼");
            assertThat(vm.scanErrorProperty().get()).isEmpty();
        }
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c == '-' ? '\uFF0D' : (char) (c - '0' + 0xFF10)));
        return sb.toString();
    }

    @Test
    void aRefusedScanSaysPlainlyWhatThePhoneWants() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        vm.scanText("0101-999999");
        assertThat(vm.scanErrorProperty().get()).isEqualTo(INVALID);
        assertThat(vm.scanHintProperty().get()).isEqualTo("没有找到编号为 0101-999999 的场所码（模拟手机只能找到本账号申请通过的场所）");
        // The right application number with another district's prefix is no venue of this citizen's either.
        String number = hub.hub.venues().venue(hub.admin, venueId).number();
        vm.scanText("0102" + number.substring(4));
        assertThat(vm.veiledProperty().get()).isTrue();
        assertThat(vm.scanHintProperty().get()).contains("0102" + number.substring(4));

        vm.scanText("https://weixin.qq.com/x");
        assertThat(vm.scanErrorProperty().get()).isEqualTo(INVALID);
        assertThat(vm.scanHintProperty().get()).isEqualTo("请输入场所码海报上印的场所编号（如 0101-000001），或粘贴以 VGV1: 开头的场所码文本");
        vm.scanText("");
        assertThat(vm.scanHintProperty().get()).startsWith("请输入场所码海报上印的场所编号");

        File blank = tmp.resolve("blank.png").toFile();
        ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", blank);
        vm.scanImage(blank);
        assertThat(vm.scanHintProperty().get()).isEqualTo("图片中没有找到二维码，请选择清晰的场所码海报图片");

        vm.rescan();
        assertThat(vm.scanErrorProperty().get()).isEmpty();
        assertThat(vm.scanHintProperty().get()).isEmpty();

        PhoneHubClient client = new PhoneHubClient(HTTP, hub.url);
        client.login("citizen", "password-1");
        HealthCodeViewModel en = new HealthCodeViewModel(client, executor, new Lang(Locale.ENGLISH), PhoneVoice.SILENT,
                Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        en.load();
        en.scanText("hello");
        assertThat(en.scanHintProperty().get()).isEqualTo("Type the venue number printed on the venue-code poster"
                + " (e.g. 0101-000001), or paste the venue-code text starting with VGV1:");
    }

    @Test
    void hubErrorsAreMessagesInTheScreensLanguage() throws Exception {
        // Not logged in: the hub answers 401 UNAUTHENTICATED with an English detail the citizen never sees.
        PhoneHubClient client = new PhoneHubClient(HTTP, hub.url);
        HealthCodeViewModel zh = new HealthCodeViewModel(client, executor, new Lang(Locale.SIMPLIFIED_CHINESE),
                PhoneVoice.SILENT, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        zh.load();
        assertThat(zh.bannerProperty().get()).isEqualTo("登录已过期，请重新登录");
        HealthCodeViewModel en = new HealthCodeViewModel(client, executor, new Lang(Locale.ENGLISH),
                PhoneVoice.SILENT, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        en.load();
        assertThat(en.bannerProperty().get()).isEqualTo("Your session has expired; please log in again");
    }

    @Test
    void posterImageUnveils() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        File poster = tmp.resolve("poster.png").toFile();
        Files.write(poster.toPath(), posterBytes());
        vm.scanImage(poster);
        assertThat(vm.veiledProperty().get()).isFalse();
        assertThat(CodeFormat.parse(vm.unveiledCodeTextProperty().get()).ok()).isTrue();
    }

    private static byte[] posterBytes() throws Exception {
        PhoneHubClient c = new PhoneHubClient(HTTP, hub.url);
        c.login("citizen", "password-1");
        return c.posterPng(venueId);
    }

    @Test
    void invalidCodesGetTheFaqPromptAndNoCode() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        vm.scanText("https://weixin.qq.com/x");
        assertThat(vm.scanErrorProperty().get()).isEqualTo(INVALID);
        assertThat(vm.veiledProperty().get()).isTrue();
        assertThat(vm.unveiledCodeTextProperty().get()).isNull();
        assertThat(vm.bannerProperty().get()).isEmpty();

        vm.rescan();
        assertThat(vm.scanErrorProperty().get()).isEmpty();

        // A picture with no QR in it, and a health code held up instead of a venue code.
        File blank = tmp.resolve("blank.png").toFile();
        ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", blank);
        vm.scanImage(blank);
        assertThat(vm.scanErrorProperty().get()).isEqualTo(INVALID);
        vm.scanImage(tmp.resolve("missing.png").toFile());
        assertThat(vm.scanErrorProperty().get()).isEqualTo(INVALID);
        vm.scanText("999999");
        assertThat(vm.scanErrorProperty().get()).isEqualTo(INVALID);

        vm.scanText(PhoneFixture.venueCode(hub, venueId));
        String health = vm.unveiledCodeTextProperty().get();
        File healthPng = tmp.resolve("health.png").toFile();
        ImageIO.write(QrRenderer.renderReadable(health, ErrorCorrectionLevel.M, 4, 4), "png", healthPng);
        vm.scanImage(healthPng);
        assertThat(vm.scanErrorProperty().get()).isEqualTo(INVALID);
        assertThat(vm.veiledProperty().get()).isTrue();
    }

    @Test
    void inEnglishTheInvalidPromptIsTheFaqWording() throws Exception {
        PhoneHubClient client = new PhoneHubClient(HTTP, hub.url);
        client.login("citizen", "password-1");
        HealthCodeViewModel vm = new HealthCodeViewModel(client, executor, new Lang(Locale.ENGLISH), PhoneVoice.SILENT,
                Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        vm.load();
        vm.scanText("hello");
        assertThat(vm.scanErrorProperty().get()).isEqualTo("Not a valid venue code, please scan the QR code posted in key places");
    }

    @Test
    void redCodeShowsThePopupWithReasonAndFollowUp() throws Exception {
        HealthCodeViewModel vm = open("red");
        assertThat(vm.colourProperty().get()).isEqualTo("RED");
        assertThat(vm.popupShownProperty().get()).isTrue();
        assertThat(vm.popupReasonProperty().get()).isEqualTo("密切接触者");
        assertThat(vm.popupFollowUpProperty().get()).isEqualTo("请居家隔离并联系社区");
        assertThat(vm.badgeProperty().get()).isFalse();
        vm.dismissPopup();
        assertThat(vm.popupShownProperty().get()).isFalse();
    }

    @Test
    void switchingToADependantShowsTheProxyMarkAndNoVaccinationDetails() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        assertThat(vm.persons()).extracting(HealthCodeViewModel.Person::subjectId).containsExactly(hub.citizenSubject, child);
        vm.scanText(PhoneFixture.venueCode(hub, venueId));
        vm.switchTo(vm.persons().get(1));
        assertThat(vm.veiledProperty().get()).as("another person's page starts veiled").isTrue();
        assertThat(vm.proxyProperty().get()).isTrue();
        assertThat(vm.maskedNameProperty().get()).isEqualTo("张*宝 （代办）");
        assertThat(vm.badgeProperty().get()).isTrue();
        assertThat(vm.vaccinationProperty().get()).isEqualTo("仅显示本人的疫苗接种情况");
        assertThat(vm.nucleicAcidProperty().get()).startsWith("阴性");

        vm.scanText(PhoneFixture.venueCode(hub, venueId));
        HealthCode code = CodeFormat.parse(vm.unveiledCodeTextProperty().get()).code().healthCode().orElseThrow();
        assertThat(code.proxy()).isTrue();
        assertThat(code.subjectId()).isEqualTo(child);
    }

    @Test
    void unveiledCodeVeilsItselfWhenItExpires() throws Exception {
        HealthCodeViewModel vm = open("citizen");
        vm.scanText(PhoneFixture.venueCode(hub, venueId));
        assertThat(executor.pendingScheduled()).isEqualTo(1);
        executor.runScheduled();
        assertThat(vm.veiledProperty().get()).isTrue();
    }

    @Test
    void hubDownIsABannerNotAnInvalidCode() throws Exception {
        PhoneHubClient client = new PhoneHubClient(HTTP, "http://localhost:1");
        HealthCodeViewModel vm = new HealthCodeViewModel(client, executor, new Lang(Locale.SIMPLIFIED_CHINESE),
                PhoneVoice.SILENT, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        vm.load();
        assertThat(vm.bannerProperty().get()).isEqualTo("无法连接平台，请检查网络后重试");
    }
}
