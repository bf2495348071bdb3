package org.venuegate.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeValidatorTest {
    /** Real codes from public material (the two from the brief, the rest from public business registers). */
    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", "91110000802100433B", "91110000600037341L", "121200004013590816",
        "9144030071526726XG", "91310115MA1K3BTP2B", "91620105L015101280", "92340602MA2PBMEM24",
        "913101127033980359", "91340600MA2PBN188W", "91120224064012553U", "9131012056010553X5",
        "91340603MA2UJXXCXF", "92340621MA2PBN0KXX"})
    void acceptsRealCodes(String code) {
        assertThat(CreditCodeValidator.validate(code)).isEqualTo(ValidationResult.ok());
    }

    @Test
    void foldsCaseWhitespaceAndFullWidthSilently() {
        assertThat(CreditCodeValidator.normalize("  91350100m000100y43\t")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCodeValidator.normalize("\u3000９１３５０１００Ｍ０００１００Ｙ４３")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCodeValidator.validate("91350100m000100y43").valid()).isTrue();
        assertThat(CreditCodeValidator.validate("９１３５０１００Ｍ０００１００Ｙ４３").valid()).isTrue();
        assertThat(CreditCodeValidator.normalize(null)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void emptyInput(String input) {
        assertKey(CreditCodeValidator.validate(input), "validate.creditCode.empty");
    }

    @Test
    void wrongLengthSaysHowLong() {
        ValidationResult r = CreditCodeValidator.validate("91350100M000100Y4");
        assertKey(r, "validate.creditCode.length", 17);
        assertThat(r.message(Locale.ENGLISH)).isEqualTo("A unified social credit code has 18 characters; this one has 17");
        assertKey(CreditCodeValidator.validate("91350100M000100Y433"), "validate.creditCode.length", 19);
        // An emoji is one character to a person, so it counts as one.
        assertKey(CreditCodeValidator.validate("91350100M000100Y4\uD83D\uDE00"), "validate.creditCode.illegalChar",
                "\uD83D\uDE00", 18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "Z", "S", "V", "-", "中"})
    void illegalCharacterNamesCharacterAndPosition(String bad) {
        String code = "91350100" + bad + "000100Y43";
        assertKey(CreditCodeValidator.validate(code), "validate.creditCode.illegalChar", bad, 9);
    }

    @Test
    void invisibleCharactersAreShownAsCodePoints() {
        assertKey(CreditCodeValidator.validate("9135010 M000100Y43"), "validate.creditCode.illegalChar", "U+0020", 8);
        assertKey(CreditCodeValidator.validate("91350100M000100Y4\u200B"), "validate.creditCode.illegalChar", "U+200B", 18);
    }

    @Test
    void illegalCheckCharacterIsReportedAsSuch() {
        assertKey(CreditCodeValidator.validate("91350100M000100Y4I"), "validate.creditCode.illegalChar", "I", 18);
    }

    @Test
    void divisionCodeMustBeDigits() {
        ValidationResult r = CreditCodeValidator.validate("91A50100M000100Y43");
        assertKey(r, "validate.creditCode.regionNotDigit", "A", 3);
        assertThat(r.message(Locale.ENGLISH))
                .isEqualTo("Position 3 is part of the administrative division code and must be a digit, not 'A'");
        assertKey(CreditCodeValidator.validate("9135010MM000100Y43"), "validate.creditCode.regionNotDigit", "M", 8);
    }

    @Test
    void wrongCheckCharacterSaysExpectedAndFound() {
        ValidationResult r = CreditCodeValidator.validate("91350100M000100Y44");
        assertKey(r, "validate.creditCode.checkMismatch", "3", "4");
        assertThat(r.message(Locale.ENGLISH)).startsWith(
                "Wrong check character in the unified social credit code: expected '3', found '4'.");
        assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).contains("应为“3”，现在是“4”");
    }

    @Test
    void checkValueThirtyOneIsWrittenAsZero() {
        // Search a prefix whose raw check value is 31 (sum divisible by 31) so the wrap-around is exercised.
        String found = null;
        for (int n = 0; n < 100_000 && found == null; n++) {
            String prefix = "91120000" + String.format("%09d", n);
            if (CreditCodeValidator.checkCharacter(prefix) == '0') {
                found = prefix;
            }
        }
        assertThat(found).isNotNull();
        assertThat(CreditCodeValidator.validate(found + "0").valid()).isTrue();
    }

    @Test
    void everySingleSubstitutionInRealCodesIsCaught() {
        for (String code : new String[] {"91350100M000100Y43", "91110000802100433B", "9144030071526726XG"}) {
            for (int i = 0; i < code.length(); i++) {
                for (char c : CreditCodeValidator.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String mutated = code.substring(0, i) + c + code.substring(i + 1);
                        assertThat(CreditCodeValidator.validate(mutated).valid()).as(mutated).isFalse();
                    }
                }
            }
        }
    }

    static void assertKey(ValidationResult r, String key, Object... args) {
        assertThat(r.valid()).as("valid").isFalse();
        assertThat(r.message().key()).isEqualTo(key);
        assertThat(r.message().args()).containsExactly(args);
    }
}
