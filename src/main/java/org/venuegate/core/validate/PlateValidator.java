package org.venuegate.core.validate;

import java.util.Set;

/**
 * Mainland China vehicle plate numbers (GA 36-2018), used as the name of a mobile place such as a taxi.
 * <ul>
 *   <li>Ordinary plate, 7 characters: province abbreviation, issuing-authority letter, 5 letters or digits.</li>
 *   <li>New-energy plate, 8 characters: province, authority letter, 6-character serial. Small vehicles: the
 *       serial starts with D, A, B, C, E (battery electric) or F, G, H, J, K (other new energy), the second
 *       character is a letter or a digit (GA 36-2018 allows both), the last four are digits. Large vehicles:
 *       five digits then D or F.</li>
 * </ul>
 * Letters I and O never appear (they read as 1 and 0). One separator ('·', '•', '・' or a space) after the
 * authority letter is accepted and removed by {@link #normalize}, as are surrounding spaces, full-width
 * characters and lower-case letters.
 *
 * <p>Special plates: driving-school (学) and police (警) cars carry people and so can be a mobile place; their
 * plate is province, authority letter, 4 letters or digits and the suffix. Trailer (挂), Hong Kong/Macao
 * cross-border (港, 澳), embassy and consulate (使, 领), test (试) and oversize (超) plates are refused with
 * a message saying so: a trailer carries no passengers, and the others are not issued to public transport.
 */
public final class PlateValidator {
    /** The 31 province-level abbreviations used on mainland plates. */
    public static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    public static final int ORDINARY_LENGTH = 7;
    public static final int NEW_ENERGY_LENGTH = 8;

    private static final Set<Integer> ACCEPTED_SUFFIXES = Set.of((int) '学', (int) '警');
    private static final Set<Integer> REFUSED_SUFFIXES =
            Set.of((int) '挂', (int) '港', (int) '澳', (int) '使', (int) '领', (int) '试', (int) '超');
    private static final String SMALL_NEW_ENERGY_FIRST = "DABCEFGHJK";
    private static final String LARGE_NEW_ENERGY_LAST = "DF";
    private static final String SEPARATORS = "\u00B7\u2022\u30FB ";

    private PlateValidator() {
    }

    /**
     * Trimmed, full-width folded, Latin letters upper-cased, and one separator right after the authority letter
     * removed; null becomes "". Does not validate.
     */
    public static String normalize(String raw) {
        String s = Inputs.upperAscii(Inputs.clean(raw));
        int[] cps = Inputs.codePoints(s);
        if (cps.length > 2 && SEPARATORS.indexOf(cps[2]) >= 0) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < cps.length; i++) {
                if (i != 2) {
                    sb.appendCodePoint(cps[i]);
                }
            }
            return sb.toString();
        }
        return s;
    }

    /** Validates after {@link #normalize}; positions in messages count in the normalised plate. Never throws. */
    public static ValidationResult validate(String raw) {
        String plate = normalize(raw);
        if (plate.isEmpty()) {
            return ValidationResult.error("validate.plate.empty");
        }
        int[] cps = Inputs.codePoints(plate);
        if (PROVINCES.indexOf(cps[0]) < 0) {
            return ValidationResult.error("validate.plate.unknownProvince", Inputs.describe(cps[0]));
        }
        if (cps.length != ORDINARY_LENGTH && cps.length != NEW_ENERGY_LENGTH) {
            return ValidationResult.error("validate.plate.length", cps.length);
        }
        int authority = cps[1];
        if (authority == 'I' || authority == 'O') {
            return ValidationResult.error("validate.plate.letterIO", 2);
        }
        if (!Inputs.isAsciiUpper(authority)) {
            return ValidationResult.error("validate.plate.badAuthority", Inputs.describe(authority));
        }
        int last = cps[cps.length - 1];
        boolean suffixed = cps.length == ORDINARY_LENGTH && ACCEPTED_SUFFIXES.contains(last);
        if (cps.length == ORDINARY_LENGTH && REFUSED_SUFFIXES.contains(last)) {
            return ValidationResult.error("validate.plate.suffixNotAccepted", Inputs.describe(last));
        }
        int serialEnd = suffixed ? cps.length - 1 : cps.length;
        for (int i = 2; i < serialEnd; i++) {
            int cp = cps[i];
            if (cp == 'I' || cp == 'O') {
                return ValidationResult.error("validate.plate.letterIO", i + 1);
            }
            if (!Inputs.isAsciiUpper(cp) && !Inputs.isAsciiDigit(cp)) {
                return ValidationResult.error("validate.plate.illegalChar", Inputs.describe(cp), i + 1);
            }
        }
        if (cps.length == NEW_ENERGY_LENGTH && !isNewEnergySerial(plate.substring(2))) {
            return ValidationResult.error("validate.plate.newEnergyPattern", plate.substring(2));
        }
        return ValidationResult.ok();
    }

    /** Serial of 6 characters already known to be digits and letters other than I and O. */
    private static boolean isNewEnergySerial(String serial) {
        boolean small = SMALL_NEW_ENERGY_FIRST.indexOf(serial.charAt(0)) >= 0 && allDigits(serial.substring(2));
        boolean large = allDigits(serial.substring(0, 5)) && LARGE_NEW_ENERGY_LAST.indexOf(serial.charAt(5)) >= 0;
        return small || large;
    }

    private static boolean allDigits(String s) {
        return s.chars().allMatch(Inputs::isAsciiDigit);
    }
}
