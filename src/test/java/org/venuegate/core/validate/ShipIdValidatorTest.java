package org.venuegate.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.venuegate.core.validate.CreditCodeValidatorTest.assertKey;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShipIdValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** IMO numbers of real ships, as printed in public registers and libraries. */
    @ParameterizedTest
    @ValueSource(strings = {"IMO 9319466", "IMO8814275", "imo 9074729", "IMO-9074729", "ＩＭＯ９３１９４６６", " IMO 9319466 "})
    void acceptsImoNumbers(String imo) {
        assertThat(ShipIdValidator.validate(imo, TODAY)).isEqualTo(ValidationResult.ok());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN20101234567", "cn 20101234567", "CN-20101234567", "CN19000000000", "CN20260000000"})
    void acceptsWellFormedChineseNumbers(String id) {
        assertThat(ShipIdValidator.validate(id, TODAY)).isEqualTo(ValidationResult.ok());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IMO 9319466|IMO9319466", "cn 20101234567|CN20101234567", "imo-8814275|IMO8814275", "' IMO9319466 '|IMO9319466"})
    void normalises(String input, String expected) {
        assertThat(ShipIdValidator.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void emptyInput(String input) {
        assertKey(ShipIdValidator.validate(input, TODAY), "validate.ship.empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9319466", "ABC", "津E12345", "C", "IM0 9319466", "CH20101234567"})
    void unknownFormat(String input) {
        assertKey(ShipIdValidator.validate(input, TODAY), "validate.ship.unknownFormat");
    }

    @Test
    void imoCheckDigit() {
        ValidationResult r = ShipIdValidator.validate("IMO 8814274", TODAY);
        assertKey(r, "validate.ship.imoCheckMismatch", "5", "4");
        assertThat(r.message(Locale.ENGLISH)).startsWith("Wrong IMO check digit: expected 5, found 4.");
        assertThat(ShipIdValidator.imoCheckDigit("931946")).isEqualTo(6);
        assertThatThrownBy(() -> ShipIdValidator.imoCheckDigit("93194")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShipIdValidator.imoCheckDigit("93194A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void imoCheckCatchesWhatModTenCanCatch() {
        // Mod 10 only catches every substitution where the weight is coprime to 10: positions weighted 7 and 3,
        // and the check digit itself. Weights 6, 5, 4, 2 let some through, e.g. 9319466 -> 9819466.
        String imo = "9319466";
        for (int i : new int[] {0, 4, 6}) {
            for (char c = '0'; c <= '9'; c++) {
                if (c != imo.charAt(i)) {
                    String mutated = "IMO" + imo.substring(0, i) + c + imo.substring(i + 1);
                    assertThat(ShipIdValidator.validate(mutated, TODAY).valid()).as(mutated).isFalse();
                }
            }
        }
        assertThat(ShipIdValidator.validate("IMO9819466", TODAY).valid()).isTrue();
    }

    @Test
    void imoStructure() {
        assertKey(ShipIdValidator.validate("IMO 931946", TODAY), "validate.ship.imoLength", 6);
        assertKey(ShipIdValidator.validate("IMO", TODAY), "validate.ship.imoLength", 0);
        assertKey(ShipIdValidator.validate("IMO 93194666", TODAY), "validate.ship.imoLength", 8);
        assertKey(ShipIdValidator.validate("IMO 93194A6", TODAY), "validate.ship.illegalChar", "A", 9);
        assertKey(ShipIdValidator.validate("IMO 0123450", TODAY), "validate.ship.imoLeadingZero");
    }

    @Test
    void chineseNumberStructure() {
        assertKey(ShipIdValidator.validate("CN2010123456", TODAY), "validate.ship.cnLength", 10);
        assertKey(ShipIdValidator.validate("CN", TODAY), "validate.ship.cnLength", 0);
        assertKey(ShipIdValidator.validate("CN201012345678", TODAY), "validate.ship.cnLength", 12);
        ValidationResult r = ShipIdValidator.validate("CN201012345X7", TODAY);
        assertKey(r, "validate.ship.illegalChar", "X", 12);
        assertThat(r.message(Locale.ENGLISH)).isEqualTo("Position 12 of the ship number must be a digit, not 'X'");
    }

    @Test
    void chineseNumberYearBounds() {
        ValidationResult tooLate = ShipIdValidator.validate("CN20270000000", TODAY);
        assertKey(tooLate, "validate.ship.cnImplausibleYear", "2027", "1900", "2026");
        assertThat(tooLate.message(Locale.ENGLISH)).contains("2027 is not between 1900 and 2026");
        assertKey(ShipIdValidator.validate("CN18991234567", TODAY), "validate.ship.cnImplausibleYear", "1899", "1900", "2026");
        assertKey(ShipIdValidator.validate("CN00001234567", TODAY), "validate.ship.cnImplausibleYear", "0000", "1900", "2026");
    }

    @Test
    void withoutTodayUsesTheClock() {
        assertThat(ShipIdValidator.validate("CN20101234567").valid()).isTrue();
        assertThat(ShipIdValidator.validate("CN99991234567").message().key()).isEqualTo("validate.ship.cnImplausibleYear");
    }
}
