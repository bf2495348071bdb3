package org.venuegate.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venuegate.core.validate.CreditCodeValidatorTest.assertKey;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateValidatorTest {
    @ParameterizedTest
    @ValueSource(strings = {
        // ordinary: Tianjin taxis are 津E
        "津E12345", "津EA1234", "京A1B2C3", "沪AZZZZZ", "琼A00000", "藏A12345",
        // small new energy: every allowed first letter, second character a digit or a letter
        "津ED12345", "津EA12345", "津EB12345", "津EC12345", "津EE12345",
        "津EF12345", "津EG12345", "津EH12345", "津EJ12345", "津EK12345", "京ADF1234",
        // large new energy
        "津A12345D", "京A12345F",
        // accepted special plates
        "津A1234学", "津A1234警"})
    void acceptsValidPlates(String plate) {
        assertThat(PlateValidator.validate(plate)).isEqualTo(ValidationResult.ok());
    }

    @Test
    void everyProvinceIsAccepted() {
        assertThat(PlateValidator.PROVINCES.codePoints().count()).isEqualTo(31);
        PlateValidator.PROVINCES.codePoints().forEach(p ->
                assertThat(PlateValidator.validate(new String(Character.toChars(p)) + "A12345").valid()).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "津E·12345|津E12345",
        "津E 12345|津E12345",
        "津e•12345|津E12345",
        "津E・D12345|津ED12345",
        "'  津e\u300012345 '|津E12345",
        "津Ｅ１２３４５|津E12345",
        "津ed12345|津ED12345",
    })
    void normalisesSeparatorCaseAndWidth(String input, String expected) {
        assertThat(PlateValidator.normalize(input)).isEqualTo(expected);
        assertThat(PlateValidator.validate(input).valid()).isTrue();
    }

    @Test
    void onlyOneSeparatorAfterTheAuthorityLetterIsRemoved() {
        assertThat(PlateValidator.normalize("津E··12345")).isEqualTo("津E·12345");
        assertKey(PlateValidator.validate("津E··12345"), "validate.plate.illegalChar", "·", 3);
        assertKey(PlateValidator.validate("津E12 345"), "validate.plate.illegalChar", "U+0020", 5);
        assertKey(PlateValidator.validate("津·E12345"), "validate.plate.badAuthority", "·");
        assertThat(PlateValidator.normalize(null)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000"})
    void emptyInput(String input) {
        assertKey(PlateValidator.validate(input), "validate.plate.empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"港A12345|港", "AB12345|A", "12345|1", "台A12345|台", "WJ1234|W"})
    void unknownProvince(String plate, String shown) {
        ValidationResult r = PlateValidator.validate(plate);
        assertKey(r, "validate.plate.unknownProvince", shown);
    }

    @Test
    void unknownProvinceMessage() {
        assertThat(PlateValidator.validate("X津12345").message(Locale.ENGLISH))
                .isEqualTo("The first character 'X' of the plate is not a province abbreviation");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"津|1", "津E|2", "津E1234|6", "津E123456789|11"})
    void wrongLength(String plate, int length) {
        assertKey(PlateValidator.validate(plate), "validate.plate.length", length);
    }

    @Test
    void lettersIAndOAreNamed() {
        assertKey(PlateValidator.validate("津I12345"), "validate.plate.letterIO", 2);
        assertKey(PlateValidator.validate("津O12345"), "validate.plate.letterIO", 2);
        ValidationResult r = PlateValidator.validate("津E12O45");
        assertKey(r, "validate.plate.letterIO", 5);
        assertThat(r.message(Locale.ENGLISH)).isEqualTo("Plate position 5: plates never use the letters I and O; use the digits 1 and 0");
        assertKey(PlateValidator.validate("津ED1234I"), "validate.plate.letterIO", 8);
        assertKey(PlateValidator.validate("津A123I学"), "validate.plate.letterIO", 6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"津112345|1", "津津12345|津", "津-12345|-"})
    void badAuthorityLetter(String plate, String shown) {
        assertKey(PlateValidator.validate(plate), "validate.plate.badAuthority", shown);
    }

    @Test
    void illegalCharacterInSerial() {
        assertKey(PlateValidator.validate("津E12-45"), "validate.plate.illegalChar", "-", 5);
        assertKey(PlateValidator.validate("津E1234学5"), "validate.plate.illegalChar", "学", 7);
        assertKey(PlateValidator.validate("津A12345学"), "validate.plate.illegalChar", "学", 8);
        assertKey(PlateValidator.validate("津E1234\u200B"), "validate.plate.illegalChar", "U+200B", 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"津EZ12345", "津ED1234A", "津E1234DA", "津E12345A", "津EDD1A34", "津EL12345", "津E1234D5"})
    void invalidNewEnergyPattern(String plate) {
        ValidationResult r = PlateValidator.validate(plate);
        assertKey(r, "validate.plate.newEnergyPattern", plate.substring(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"挂", "港", "澳", "使", "领", "试", "超"})
    void refusedSpecialPlates(String suffix) {
        ValidationResult r = PlateValidator.validate("粤Z1234" + suffix);
        assertKey(r, "validate.plate.suffixNotAccepted", suffix);
        assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("带“" + suffix + "”字的专用车牌不能作为移动场所登记");
    }
}
