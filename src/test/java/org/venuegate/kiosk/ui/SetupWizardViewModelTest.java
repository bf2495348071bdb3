package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.setup.KioskSetup;
import org.venuegate.ui.Lang;

/** The wizard's steps: the step line, Back, and a pairing that going back does not forget. */
class SetupWizardViewModelTest {
    private final Lang en = new Lang(Locale.ENGLISH);
    private final PairingViewModel.PairedVenue venue = new PairingViewModel.PairedVenue("Binjiang Department Store", "HP-000042");

    @Test
    void aNewKioskStartsAtStepOneOfThreeWithoutBack() {
        SetupWizardViewModel vm = new SetupWizardViewModel(en, KioskSetup.Step.PAIR);
        assertThat(vm.stepProperty().get()).isEqualTo(SetupWizardViewModel.Step.PAIR);
        assertThat(vm.stepLineProperty().get()).isEqualTo("Step 1 of 3");
        assertThat(vm.canGoBackProperty().get()).isFalse();
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(SetupWizardViewModel.Step.PAIR);
        vm.continuePaired();
        assertThat(vm.stepProperty().get()).as("no pairing to continue with").isEqualTo(SetupWizardViewModel.Step.PAIR);
        vm.bound();
        assertThat(vm.stepProperty().get()).as("binding is not skipped to").isEqualTo(SetupWizardViewModel.Step.PAIR);
    }

    @Test
    void forwardAndBackKeepThePairing() {
        SetupWizardViewModel vm = new SetupWizardViewModel(en, KioskSetup.Step.PAIR);
        vm.paired(venue);
        assertThat(vm.stepProperty().get()).isEqualTo(SetupWizardViewModel.Step.BIND);
        assertThat(vm.stepLineProperty().get()).isEqualTo("Step 2 of 3");
        assertThat(vm.canGoBackProperty().get()).isTrue();
        vm.bound();
        assertThat(vm.stepLineProperty().get()).isEqualTo("Step 3 of 3");
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(SetupWizardViewModel.Step.BIND);
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(SetupWizardViewModel.Step.PAIR);
        assertThat(vm.pairedProperty().get()).as("Back does not undo the pairing").isEqualTo(venue);
        vm.continuePaired();
        assertThat(vm.stepProperty().get()).isEqualTo(SetupWizardViewModel.Step.BIND);
    }

    @Test
    void aKioskPairedFromTheCommandLineStartsAtStepTwoAndCanGoBackToSeeItsPairing() {
        SetupWizardViewModel vm = new SetupWizardViewModel(new Lang(Locale.SIMPLIFIED_CHINESE), KioskSetup.Step.BIND);
        assertThat(vm.stepLineProperty().get()).isEqualTo("第 2 步（共 3 步）");
        vm.knownPairing(venue);
        assertThat(vm.stepProperty().get()).isEqualTo(SetupWizardViewModel.Step.BIND);
        vm.back();
        assertThat(vm.stepLineProperty().get()).isEqualTo("第 1 步（共 3 步）");
        assertThat(vm.pairedProperty().get()).isEqualTo(venue);
    }
}
