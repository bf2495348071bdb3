package org.venuegate.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValidationResultTest {
    @Test
    void okIsValidAndSaysSo() {
        ValidationResult ok = ValidationResult.ok();
        assertThat(ok.valid()).isTrue();
        assertThat(ok.message().key()).isEqualTo("validate.ok");
        assertThat(ok.message(Locale.ENGLISH)).isEqualTo("Valid");
        assertThat(ok.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("有效");
    }

    @Test
    void errorKeepsKeyAndArgumentsAndRendersLate() {
        ValidationResult r = ValidationResult.error("validate.idNumber.checkMismatch", "X", "3");
        assertThat(r.valid()).isFalse();
        assertThat(r.message().key()).isEqualTo("validate.idNumber.checkMismatch");
        assertThat(r.message().args()).containsExactly("X", "3");
        assertThat(r.message(Locale.ENGLISH)).startsWith("Wrong check character in the ID number: expected 'X', found '3'");
        assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).contains("应为“X”").contains("现在是“3”");
    }

    @Test
    void nullLocaleMeansTheChineseDefault() {
        assertThat(ValidationResult.error("validate.plate.empty").message(null)).isEqualTo("请填写车牌号");
    }

    @Test
    void nullArgumentsDoNotThrow() {
        assertThat(ValidationResult.error("validate.plate.illegalChar", null, 3).message().args()).containsExactly("", 3);
        assertThat(ValidationResult.error("validate.plate.empty", (Object[]) null).message().args()).isEmpty();
    }
}
