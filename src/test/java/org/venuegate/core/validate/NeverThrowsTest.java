package org.venuegate.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Kiosks feed these validators whatever a person or a scanner produces; none may throw or show a raw key. */
class NeverThrowsTest {
    private static final int RUNS = 20_000;
    private static final String PIECES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz津京粤学挂·•・ -_.CNIMO９Ｘｘ\u3000\u200B\t\n\0";

    private static final List<Function<String, ValidationResult>> VALIDATORS = List.of(
            CreditCodeValidator::validate,
            s -> IdNumberValidator.validate(s, LocalDate.of(2025, 6, 1)),
            s -> IdNumberValidator.validate(s, null),
            PlateValidator::validate,
            s -> ShipIdValidator.validate(s, LocalDate.of(2025, 6, 1)),
            ShipIdValidator::validate);

    @Test
    void randomInputNeverThrowsAndAlwaysRendersAMessage() {
        Random random = new Random(42);
        for (int run = 0; run < RUNS; run++) {
            String input = randomInput(random);
            for (Function<String, ValidationResult> validator : VALIDATORS) {
                ValidationResult r = validator.apply(input);
                assertThat(r).isNotNull();
                for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                    assertThat(r.message(locale)).as(input).isNotBlank().isNotEqualTo(r.message().key());
                }
            }
            assertThat(IdNumberValidator.mask(input)).isNotNull();
            assertThat(IdNumberValidator.maskName(input)).isNotNull();
            assertThat(CreditCodeValidator.normalize(input)).isNotNull();
            assertThat(PlateValidator.normalize(input)).isNotNull();
            assertThat(ShipIdValidator.normalize(input)).isNotNull();
        }
    }

    @Test
    void nullNeverThrows() {
        for (Function<String, ValidationResult> validator : VALIDATORS) {
            assertThat(validator.apply(null).valid()).isFalse();
        }
        assertThat(IdNumberValidator.mask(null)).isEmpty();
        assertThat(IdNumberValidator.maskName(null)).isEmpty();
    }

    private static String randomInput(Random random) {
        int length = random.nextInt(22);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> sb.appendCodePoint(random.nextInt(0x110000)); // anything, lone surrogates included
                case 1 -> sb.appendCodePoint(0x1F600 + random.nextInt(80)); // emoji, two chars each
                default -> sb.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
        }
        return sb.toString();
    }
}
