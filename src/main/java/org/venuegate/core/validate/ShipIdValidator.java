package org.venuegate.core.validate;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Ship numbers that a ship or boat owner gives as the name of a mobile place.
 * <ul>
 *   <li>Chinese ship identification number (船舶识别号), granted by the China MSA: "CN" and 11 digits. Digits 1-4
 *       are the year the keel was laid, 5-10 a random number, 11 a check digit. The check digit algorithm is not
 *       published in any public material we could find, so only the structure and a plausible
 *       year (1900 up to next year, since a number can be granted while the ship is being built) are checked,
 *       and a mistyped random part is not caught.</li>
 *   <li>IMO ship number: "IMO" and 7 digits; the last digit is the sum of the first six times 7, 6, 5, 4, 3, 2,
 *       mod 10. IMO numbers are 7-digit numbers without a leading zero.</li>
 * </ul>
 * {@link #normalize} trims, folds full-width characters and lower case, and removes one space or hyphen after
 * the prefix ("IMO 9319466" is how the number is usually printed).
 */
public final class ShipIdValidator {
    public static final String CN_PREFIX = "CN";
    public static final String IMO_PREFIX = "IMO";
    public static final int CN_DIGITS = 11;
    public static final int IMO_DIGITS = 7;
    public static final int EARLIEST_KEEL_YEAR = 1900;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ShipIdValidator() {
    }

    /** Trimmed, full-width folded, upper-cased, one separator after the prefix removed; null becomes "". */
    public static String normalize(String raw) {
        String s = Inputs.upperAscii(Inputs.clean(raw));
        for (String prefix : new String[] {IMO_PREFIX, CN_PREFIX}) {
            if (s.startsWith(prefix) && s.length() > prefix.length()) {
                char sep = s.charAt(prefix.length());
                if (sep == ' ' || sep == '-') {
                    return prefix + s.substring(prefix.length() + 1);
                }
            }
        }
        return s;
    }

    /** Validates against the current year in China (Asia/Shanghai). */
    public static ValidationResult validate(String raw) {
        return validate(raw, null);
    }

    /**
     * Validates after {@link #normalize}; positions in messages count in the normalised number. Never throws.
     * {@code today} bounds the keel year of a Chinese number; null means today in China.
     */
    public static ValidationResult validate(String raw, LocalDate today) {
        String id = normalize(raw);
        if (id.isEmpty()) {
            return ValidationResult.error("validate.ship.empty");
        }
        if (id.startsWith(IMO_PREFIX)) {
            return validateImo(id);
        }
        if (id.startsWith(CN_PREFIX)) {
            return validateCn(id, today != null ? today : LocalDate.now(CHINA));
        }
        return ValidationResult.error("validate.ship.unknownFormat");
    }

    /**
     * The IMO check digit for the first six digits.
     *
     * @throws IllegalArgumentException if the input is not exactly 6 ASCII digits
     */
    public static int imoCheckDigit(String sixDigits) {
        if (sixDigits == null || sixDigits.length() != IMO_DIGITS - 1 || !allDigits(sixDigits)) {
            throw new IllegalArgumentException("need 6 digits, got " + sixDigits);
        }
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (sixDigits.charAt(i) - '0') * (7 - i);
        }
        return sum % 10;
    }

    private static ValidationResult validateImo(String id) {
        ValidationResult digits = checkDigits(id, IMO_PREFIX.length(), IMO_DIGITS, "validate.ship.imoLength");
        if (digits != null) {
            return digits;
        }
        String number = id.substring(IMO_PREFIX.length());
        if (number.charAt(0) == '0') {
            return ValidationResult.error("validate.ship.imoLeadingZero");
        }
        int expected = imoCheckDigit(number.substring(0, 6));
        int found = number.charAt(6) - '0';
        if (expected != found) {
            return ValidationResult.error("validate.ship.imoCheckMismatch", String.valueOf(expected),
                    String.valueOf(found));
        }
        return ValidationResult.ok();
    }

    private static ValidationResult validateCn(String id, LocalDate today) {
        ValidationResult digits = checkDigits(id, CN_PREFIX.length(), CN_DIGITS, "validate.ship.cnLength");
        if (digits != null) {
            return digits;
        }
        String yearDigits = id.substring(2, 6);
        int year = Integer.parseInt(yearDigits);
        int latest = today.getYear() + 1;
        if (year < EARLIEST_KEEL_YEAR || year > latest) {
            // Years as strings: MessageFormat would print 2,025 for the number 2025.
            return ValidationResult.error("validate.ship.cnImplausibleYear", yearDigits,
                    String.valueOf(EARLIEST_KEEL_YEAR), String.valueOf(latest));
        }
        return ValidationResult.ok();
    }

    /** Checks that the part after the prefix is exactly {@code count} ASCII digits; null if it is. */
    private static ValidationResult checkDigits(String id, int prefixLength, int count, String lengthKey) {
        int[] cps = Inputs.codePoints(id);
        int actual = cps.length - prefixLength;
        if (actual != count) {
            return ValidationResult.error(lengthKey, actual);
        }
        for (int i = prefixLength; i < cps.length; i++) {
            if (!Inputs.isAsciiDigit(cps[i])) {
                return ValidationResult.error("validate.ship.illegalChar", Inputs.describe(cps[i]), i + 1);
            }
        }
        return null;
    }

    private static boolean allDigits(String s) {
        return s.chars().allMatch(Inputs::isAsciiDigit);
    }
}
