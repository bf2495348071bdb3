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

class IdNumberValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** Adds the check character, so tests can build valid numbers from readable parts. */
    static String withCheck(String first17) {
        return first17 + IdNumberValidator.checkCharacter(first17);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "360426199101010071", "44011320141005001X"})
    void acceptsPublishedExamples(String id) {
        assertThat(IdNumberValidator.validate(id, TODAY)).isEqualTo(ValidationResult.ok());
    }

    @Test
    void acceptsGeneratedNumbers() {
        // Tianjin Heping district, leap day, and the three residence permit codes.
        assertThat(IdNumberValidator.validate(withCheck("12010120000229123"), TODAY).valid()).isTrue();
        assertThat(IdNumberValidator.validate(withCheck("81000019900101001"), TODAY).valid()).isTrue();
        assertThat(IdNumberValidator.validate(withCheck("82000019900101002"), TODAY).valid()).isTrue();
        assertThat(IdNumberValidator.validate(withCheck("83000019900101003"), TODAY).valid()).isTrue();
        assertThat(IdNumberValidator.validate(withCheck("71000019900101003"), TODAY).valid()).isTrue();
    }

    @Test
    void acceptsForeignersPermanentResidenceId() {
        // 9, Tianjin (12), nationality 840, birth date, sequence.
        assertThat(IdNumberValidator.validate(withCheck("91284019850101001"), TODAY).valid()).isTrue();
        assertKey(IdNumberValidator.validate(withCheck("98184019850101001"), TODAY),
                "validate.idNumber.unknownForeignerProvince", "81");
        assertKey(IdNumberValidator.validate(withCheck("99084019850101001"), TODAY),
                "validate.idNumber.unknownForeignerProvince", "90");
    }

    @Test
    void normalisesTrailingXWhitespaceAndFullWidth() {
        assertThat(IdNumberValidator.normalize(" 11010519491231002x ")).isEqualTo("11010519491231002X");
        assertThat(IdNumberValidator.normalize("１１０１０５１９４９１２３１００２ｘ")).isEqualTo("11010519491231002X");
        assertThat(IdNumberValidator.normalize(null)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void emptyInput(String input) {
        assertKey(IdNumberValidator.validate(input, TODAY), "validate.idNumber.empty");
    }

    @Test
    void wrongLength() {
        assertKey(IdNumberValidator.validate("110105491231002", TODAY), "validate.idNumber.length", 15);
        assertKey(IdNumberValidator.validate("11010519491231002X1", TODAY), "validate.idNumber.length", 19);
    }

    @Test
    void nonDigitInBody() {
        ValidationResult r = IdNumberValidator.validate("1101A519491231002X", TODAY);
        assertKey(r, "validate.idNumber.illegalChar", "A", 5);
        assertThat(r.message(Locale.ENGLISH)).isEqualTo("Position 5 of the ID number must be a digit, not 'A'");
        // X is only allowed last.
        assertKey(IdNumberValidator.validate("1101051949123100X2", TODAY), "validate.idNumber.illegalChar", "X", 17);
    }

    @Test
    void badCheckCharacterSymbol() {
        assertKey(IdNumberValidator.validate("11010519491231002Y", TODAY), "validate.idNumber.illegalCheckChar", "Y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "80", "84"})
    void unknownProvince(String code) {
        assertKey(IdNumberValidator.validate(withCheck(code + "010519491231002"), TODAY),
                "validate.idNumber.unknownProvince", code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82", "83"})
    void knownProvinceBoundaries(String code) {
        assertThat(IdNumberValidator.validate(withCheck(code + "010519491231002"), TODAY).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19490231", "19491301", "19490001", "19490100", "19000229", "20230229"})
    void impossibleBirthDate(String date) {
        assertKey(IdNumberValidator.validate(withCheck("110105" + date + "002"), TODAY),
                "validate.idNumber.impossibleBirthDate", date);
    }

    @Test
    void birthDateBounds() {
        assertThat(IdNumberValidator.validate(withCheck("11010519000101002"), TODAY).valid()).isTrue();
        assertKey(IdNumberValidator.validate(withCheck("11010518991231002"), TODAY),
                "validate.idNumber.birthDateTooEarly", "1899-12-31", "1900-01-01");
        assertThat(IdNumberValidator.validate(withCheck("11010520250601002"), TODAY).valid()).isTrue();
        ValidationResult future = IdNumberValidator.validate(withCheck("11010520250602002"), TODAY);
        assertKey(future, "validate.idNumber.birthDateInFuture", "2025-06-02", "2025-06-01");
        assertThat(future.message(Locale.ENGLISH))
                .isEqualTo("The birth date 2025-06-02 in the ID number is after today (2025-06-01)");
    }

    @Test
    void wrongCheckCharacter() {
        ValidationResult r = IdNumberValidator.validate("110105194912310021", TODAY);
        assertKey(r, "validate.idNumber.checkMismatch", "X", "1");
        assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).startsWith("身份证号码校验码不对：应为“X”，现在是“1”");
    }

    @Test
    void withoutTodayUsesTheClock() {
        assertThat(IdNumberValidator.validate("11010519491231002X").valid()).isTrue();
        assertThat(IdNumberValidator.validate("11010519491231002X", null).valid()).isTrue();
        assertThat(IdNumberValidator.validate(withCheck("11010530000101002")).message().key())
                .isEqualTo("validate.idNumber.birthDateInFuture");
    }

    @Test
    void checkCharacterRejectsBadInput() {
        assertThat(IdNumberValidator.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThatThrownBy(() -> IdNumberValidator.checkCharacter("1101051949123100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumberValidator.checkCharacter("1101051949123100A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumberValidator.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "11010519491231002X|110*************2X",
        "' 11010519491231002X '|110*************2X",
        "123456|123*56",
        "12345|*****",
        "1|*",
    })
    void masksIdNumbers(String input, String expected) {
        assertThat(IdNumberValidator.mask(input)).isEqualTo(expected);
    }

    @Test
    void maskOfNothingIsEmpty() {
        assertThat(IdNumberValidator.mask(null)).isEmpty();
        assertThat(IdNumberValidator.mask("  ")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "张三明|张*明",
        "张三|张*",
        "欧阳娜娜|欧**娜",
        "司马相如如|司***如",
        "张|*",
        "' 张三明 '|张*明",
        "阿卜杜拉·买买提|阿***·**提",
        "John Smith|J*** S****",
        "john  smith|j*** s****",
        "Mary-Jane O'Neil|M***-**** O'****",
        "Li|L*",
        "J|*",
    })
    void masksNames(String input, String expected) {
        assertThat(IdNumberValidator.maskName(input)).isEqualTo(expected);
    }

    @Test
    void maskNameOfNothingIsEmpty() {
        assertThat(IdNumberValidator.maskName(null)).isEmpty();
        assertThat(IdNumberValidator.maskName(" \u3000 ")).isEmpty();
    }
}
