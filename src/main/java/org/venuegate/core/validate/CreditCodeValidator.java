package org.venuegate.core.validate;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters.
 * <ul>
 *   <li>1: registration authority code, 2: organisation type,</li>
 *   <li>3-8: administrative division code (digits),</li>
 *   <li>9-17: organisation code, 18: check character.</li>
 * </ul>
 * The alphabet is 0-9 and A-Z without I, O, Z, S, V (31 symbols, valued 0-30 in that order). The check value is
 * {@code 31 - (sum of value * weight mod 31)}, with 31 written as 0.
 *
 * <p>Lower-case letters and full-width characters are folded silently ({@link #normalize}): people copy codes
 * from business licences with IMEs, and the code is case-free by definition, so rejecting "91350100m..." would
 * only annoy them. Registration authority and organisation type codes are not checked against a list: the
 * authorities extend that list by notice, and a stale list would reject real codes, while the check character
 * already catches typing errors there.
 */
public final class CreditCodeValidator {
    public static final int LENGTH = 18;

    /** Symbols in value order: the value of a character is its index. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int REGION_FIRST = 3;
    private static final int REGION_LAST = 8;

    private CreditCodeValidator() {
    }

    /** Trimmed, full-width folded and upper-cased; null becomes "". Does not validate. */
    public static String normalize(String raw) {
        return Inputs.upperAscii(Inputs.clean(raw));
    }

    /** Validates after {@link #normalize}. Never throws; every failure names what is wrong. */
    public static ValidationResult validate(String raw) {
        String code = normalize(raw);
        if (code.isEmpty()) {
            return ValidationResult.error("validate.creditCode.empty");
        }
        int[] cps = Inputs.codePoints(code);
        if (cps.length != LENGTH) {
            return ValidationResult.error("validate.creditCode.length", cps.length);
        }
        for (int i = 0; i < LENGTH; i++) {
            int cp = cps[i];
            int position = i + 1;
            if (value(cp) < 0) {
                return ValidationResult.error("validate.creditCode.illegalChar", Inputs.describe(cp), position);
            }
            if (position >= REGION_FIRST && position <= REGION_LAST && !Inputs.isAsciiDigit(cp)) {
                return ValidationResult.error("validate.creditCode.regionNotDigit", Inputs.describe(cp), position);
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        char found = code.charAt(LENGTH - 1);
        if (expected != found) {
            return ValidationResult.error("validate.creditCode.checkMismatch", String.valueOf(expected),
                    String.valueOf(found));
        }
        return ValidationResult.ok();
    }

    /**
     * The check character for the first 17 characters (already normalised).
     *
     * @throws IllegalArgumentException if the input is not 17 characters of the code alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters, got " + first17);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int v = value(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit code character at position " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    private static int value(int cp) {
        return cp < 128 ? ALPHABET.indexOf(cp) : -1;
    }
}
