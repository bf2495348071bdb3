package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.decide.Decision;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.kiosk.KioskFixture;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class PromptViewModelTest {
    private final InlineUiExecutor executor = new InlineUiExecutor();
    private final List<Decision> spoken = new ArrayList<>();
    private final KioskFixture kiosk = new KioskFixture(EntryPolicy.DEFAULT);

    private PromptViewModel vm(Locale locale) {
        return new PromptViewModel(new Lang(locale), executor, Duration.ofSeconds(4), spoken::add, "滨江道百货大楼", ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void passShowsMaskedNameBadgeAdmissionAndSpeaksThenReturnsToIdle() {
        PromptViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.stateProperty().get()).isEqualTo(PromptState.IDLE);
        vm.show(kiosk.engine.onCode(kiosk.issuer.green(), 0));
        assertThat(vm.stateProperty().get()).isEqualTo(PromptState.PASS);
        assertThat(vm.verdictProperty().get()).isEqualTo("通行");
        assertThat(vm.headlineProperty().get()).isEmpty();
        assertThat(vm.personProperty().get()).isEqualTo("张*明");
        assertThat(vm.marksProperty().get()).isEqualTo("津盾");
        assertThat(vm.admissionProperty().get()).isEqualTo("入场时间 10:00:00");
        assertThat(vm.venueLineProperty().get()).contains("滨江道百货大楼");
        assertThat(spoken).hasSize(1);
        executor.runScheduled();
        assertThat(vm.stateProperty().get()).isEqualTo(PromptState.IDLE);
        assertThat(vm.personProperty().get()).isEmpty();
    }

    @Test
    void theIdlePromptNamesTheScannerWhenTheVenueUsesOne() {
        PromptViewModel vm = vm(Locale.ENGLISH);
        assertThat(vm.instructionProperty().get()).endsWith("hold the unveiled code to the camera");
        vm.inputIsScanner(true);
        assertThat(vm.instructionProperty().get()).endsWith("hold the unveiled code under the scanner");
        vm.show(kiosk.engine.onCode(kiosk.issuer.green(), 0));
        executor.runScheduled();
        assertThat(vm.instructionProperty().get()).as("back to idle after a decision").endsWith("under the scanner");
    }

    @Test
    void theNextCodeReplacesThePromptAtOnceAndCancelsTheOldTimer() {
        PromptViewModel vm = vm(Locale.ENGLISH);
        vm.show(kiosk.engine.onCode(kiosk.issuer.green(), 0));
        vm.show(kiosk.engine.onCode("https://example.com", 0));
        assertThat(executor.pendingScheduled()).isEqualTo(1);
        assertThat(vm.stateProperty().get()).isEqualTo(PromptState.RESCAN);
        assertThat(vm.verdictProperty().get()).isEqualTo("SCAN AGAIN");
        assertThat(vm.headlineProperty().get()).isEqualTo("NOT A HEALTH CODE - STOP");
        assertThat(vm.personProperty().get()).as("nothing from an unverified text is shown").isEmpty();
    }

    @Test
    void otherVenueStopShowsWhatToDo() {
        PromptViewModel vm = vm(Locale.ENGLISH);
        vm.show(kiosk.engine.onCode(kiosk.issuer.health(TestIssuer.greenAt(TestIssuer.VENUE + 1, TestIssuer.T0, 3)), 0));
        assertThat(vm.headlineProperty().get()).isEqualTo("SCANNED AT ANOTHER VENUE - STOP");
        assertThat(vm.instructionProperty().get()).contains("Scan the venue code posted here");
    }

    @Test
    void eachCategoryHasItsOwnStateAndVerdictWordInBothLanguages() {
        PromptViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.show(kiosk.engine.onCode(kiosk.issuer.health(new org.venuegate.core.code.HealthCode(2, "王*",
                org.venuegate.core.code.Colour.RED, true, java.util.Optional.empty(), false, TestIssuer.VENUE, TestIssuer.T0,
                TestIssuer.T0.plusSeconds(600), 11)), 0));
        assertThat(zh.stateProperty().get()).isEqualTo(PromptState.HEALTH);
        assertThat(zh.verdictProperty().get()).isEqualTo("禁止入场");
        assertThat(zh.headlineProperty().get()).isEqualTo("红码 请止步");
        assertThat(zh.instructionProperty().get()).contains("12345");

        PromptViewModel en = vm(Locale.ENGLISH);
        en.show(kiosk.engine.onCode(new TestIssuer().green(), 0));
        assertThat(en.stateProperty().get()).isEqualTo(PromptState.INVALID);
        assertThat(en.verdictProperty().get()).isEqualTo("INVALID - CALL SUPERVISOR");
        assertThat(en.personProperty().get()).as("a forged code's content is never shown").isEmpty();
        String green = kiosk.issuer.green();
        en.show(kiosk.engine.onCode(green, 0));
        en.show(kiosk.engine.onCode(green, 0));
        assertThat(en.stateProperty().get()).as("the same code again").isEqualTo(PromptState.RESCAN);
    }
}
