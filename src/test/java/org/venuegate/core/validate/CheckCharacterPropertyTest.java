package org.venuegate.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For many random prefixes, appending the computed check character gives a valid identifier, and changing any
 * single character to any other allowed one makes it invalid. Both check systems work modulo a prime (31, 11)
 * with weights that are non-zero modulo it, so every single substitution must be caught.
 */
class CheckCharacterPropertyTest {
    private static final int RUNS = 10_000;
    private static final long SEED = 0x56454E5545L;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final String ID_CHECK_CHARS = "0123456789X";

    @Test
    void creditCodes() {
        Random random = new Random(SEED);
        String alphabet = CreditCodeValidator.ALPHABET;
        for (int run = 0; run < RUNS; run++) {
            StringBuilder prefix = new StringBuilder(17);
            for (int i = 1; i <= 17; i++) {
                // Positions 3-8 are the division code, digits only.
                prefix.append(i >= 3 && i <= 8 ? (char) ('0' + random.nextInt(10))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String code = prefix.toString() + CreditCodeValidator.checkCharacter(prefix.toString());
            assertThat(CreditCodeValidator.validate(code).valid()).as(code).isTrue();
            for (int i = 0; i < code.length(); i++) {
                String mutated = substitute(code, i, alphabet, random);
                assertThat(CreditCodeValidator.validate(mutated).valid()).as("%s from %s", mutated, code).isFalse();
            }
        }
    }

    @Test
    void idNumbers() {
        Random random = new Random(SEED);
        List<String> provinces = IdNumberValidator.PROVINCES.stream().sorted().toList();
        long first = IdNumberValidator.EARLIEST_BIRTH_DATE.toEpochDay();
        long span = TODAY.toEpochDay() - first + 1;
        for (int run = 0; run < RUNS; run++) {
            // Random digits everywhere the standard allows any digit; a real province and birth date elsewhere,
            // since a random 17-digit string almost never has those and would fail before the check character.
            LocalDate birth = LocalDate.ofEpochDay(first + (long) (random.nextDouble() * span));
            String prefix = provinces.get(random.nextInt(provinces.size()))
                    + String.format("%04d", random.nextInt(10_000))
                    + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                    + String.format("%03d", random.nextInt(1000));
            String id = prefix + IdNumberValidator.checkCharacter(prefix);
            assertThat(IdNumberValidator.validate(id, TODAY).valid()).as(id).isTrue();
            for (int i = 0; i < id.length(); i++) {
                String mutated = substitute(id, i, i == 17 ? ID_CHECK_CHARS : "0123456789", random);
                assertThat(IdNumberValidator.validate(mutated, TODAY).valid()).as("%s from %s", mutated, id).isFalse();
            }
        }
    }

    @Test
    void idCheckCharacterIsDefinedForEveryDigitString() {
        // The check character itself must not depend on the province or date rules.
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            StringBuilder prefix = new StringBuilder(17);
            for (int i = 0; i < 17; i++) {
                prefix.append((char) ('0' + random.nextInt(10)));
            }
            assertThat(ID_CHECK_CHARS).contains(String.valueOf(IdNumberValidator.checkCharacter(prefix.toString())));
        }
    }

    /** Replaces the character at {@code index} with a different one drawn from {@code allowed}. */
    private static String substitute(String s, int index, String allowed, Random random) {
        char original = s.charAt(index);
        char replacement;
        do {
            replacement = allowed.charAt(random.nextInt(allowed.length()));
        } while (replacement == original);
        return s.substring(0, index) + replacement + s.substring(index + 1);
    }
}
