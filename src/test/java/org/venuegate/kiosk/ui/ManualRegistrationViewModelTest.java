package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.Pseudonyms;
import org.venuegate.ui.Lang;

class ManualRegistrationViewModelTest {
    private final List<String> recorded = new ArrayList<>();
    private final ManualRegistrationViewModel vm = new ManualRegistrationViewModel(new Lang(Locale.ENGLISH),
            (subject, at) -> recorded.add(subject), () -> Instant.parse("2026-11-24T02:00:00Z"));

    @Test
    void validRegistrationRecordsOnlyAPseudonymAndClearsTheForm() {
        vm.idNumberProperty().set("11010519491231002x");
        vm.nameProperty().set("王小明");
        vm.phoneProperty().set("138 0013 8000");
        assertThat(vm.submit()).isTrue();
        assertThat(recorded).containsExactly(Pseudonyms.ofIdNumber("11010519491231002X"));
        assertThat(recorded.get(0)).doesNotContain("1949").doesNotContain("王");
        assertThat(vm.confirmationProperty().get()).doesNotContain("19491231").contains("110");
        assertThat(vm.idNumberProperty().get()).isEmpty();
        assertThat(vm.nameProperty().get()).isEmpty();
    }

    @Test
    void badInputSaysWhatToFixAndRecordsNothing() {
        vm.idNumberProperty().set("110105194912310021");
        vm.nameProperty().set("王小明");
        vm.phoneProperty().set("13800138000");
        assertThat(vm.submit()).isFalse();
        assertThat(vm.errorProperty().get()).isNotBlank();
        vm.idNumberProperty().set("11010519491231002X");
        vm.phoneProperty().set("12345");
        assertThat(vm.submit()).isFalse();
        assertThat(vm.errorProperty().get()).contains("11 digits");
        vm.phoneProperty().set("13800138000");
        vm.nameProperty().set(" ");
        assertThat(vm.submit()).isFalse();
        assertThat(recorded).isEmpty();
        assertThat(vm.idNumberProperty().get()).as("what was typed is kept for correction").isEqualTo("11010519491231002X");
    }
}
