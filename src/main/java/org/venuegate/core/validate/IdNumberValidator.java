package org.venuegate.core.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Citizen identity number (公民身份号码), GB 11643-1999: 17 digits and a check character.
 * <ul>
 *   <li>1-6: address code, the first two digits a province-level code of GB/T 2260,</li>
 *   <li>7-14: birth date YYYYMMDD, 15-17: sequence, 18: ISO 7064 MOD 11-2 check (0-9 or X).</li>
 * </ul>
 * Also accepted, because their holders show them at the same gates:
 * <ul>
 *   <li>residence permits of Hong Kong, Macao and Taiwan residents (address codes 81, 82, 83; 71 is Taiwan's
 *       GB/T 2260 code), which use the same structure;</li>
 *   <li>the 2023 foreigner's permanent residence ID (外国人永久居留身份证), which starts with 9 and uses the same
 *       birth date position and check character; digits 2-3 are read as the province where it was applied for.</li>
 * </ul>
 * The old 15-digit numbers have not been valid since 2013 and get a length message. A lower-case x is
 * accepted as the check character.
 */
public final class IdNumberValidator {
    public static final int LENGTH = 18;

    /** The earliest birth date taken as plausible; anything before is a typing error in the year. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Province-level codes of GB/T 2260, plus 83 used by Taiwan residents' residence permits. */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    /** Where a foreigner's permanent residence ID can be applied for: mainland provinces only. */
    private static final Set<String> FOREIGNER_PROVINCES = Set.copyOf(
            PROVINCES.stream().filter(p -> p.charAt(0) <= '6').toList());

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private IdNumberValidator() {
    }

    /** Trimmed, full-width folded, a trailing x upper-cased; null becomes "". Does not validate. */
    public static String normalize(String raw) {
        String s = Inputs.clean(raw);
        return s.endsWith("x") ? s.substring(0, s.length() - 1) + 'X' : s;
    }

    /** Validates against today's date in China (Asia/Shanghai). */
    public static ValidationResult validate(String raw) {
        return validate(raw, null);
    }

    /**
     * Validates after {@link #normalize}. Never throws. {@code today} bounds the birth date; null means
     * today in China.
     */
    public static ValidationResult validate(String raw, LocalDate today) {
        String id = normalize(raw);
        if (id.isEmpty()) {
            return ValidationResult.error("validate.idNumber.empty");
        }
        int[] cps = Inputs.codePoints(id);
        if (cps.length != LENGTH) {
            return ValidationResult.error("validate.idNumber.length", cps.length);
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!Inputs.isAsciiDigit(cps[i])) {
                return ValidationResult.error("validate.idNumber.illegalChar", Inputs.describe(cps[i]), i + 1);
            }
        }
        int last = cps[LENGTH - 1];
        if (!Inputs.isAsciiDigit(last) && last != 'X') {
            return ValidationResult.error("validate.idNumber.illegalCheckChar", Inputs.describe(last));
        }
        if (id.charAt(0) == '9') {
            String province = id.substring(1, 3);
            if (!FOREIGNER_PROVINCES.contains(province)) {
                return ValidationResult.error("validate.idNumber.unknownForeignerProvince", province);
            }
        } else if (!PROVINCES.contains(id.substring(0, 2))) {
            return ValidationResult.error("validate.idNumber.unknownProvince", id.substring(0, 2));
        }
        // Semantic date checks come before the check character: a typo in the date is then reported
        // where it is, instead of as an anonymous check character mismatch.
        String digits = id.substring(6, 14);
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            return ValidationResult.error("validate.idNumber.impossibleBirthDate", digits);
        }
        if (birth.isBefore(EARLIEST_BIRTH_DATE)) {
            return ValidationResult.error("validate.idNumber.birthDateTooEarly", birth.toString(),
                    EARLIEST_BIRTH_DATE.toString());
        }
        LocalDate now = today != null ? today : LocalDate.now(CHINA);
        if (birth.isAfter(now)) {
            return ValidationResult.error("validate.idNumber.birthDateInFuture", birth.toString(), now.toString());
        }
        char expected = checkCharacter(id.substring(0, LENGTH - 1));
        char found = id.charAt(LENGTH - 1);
        if (expected != found) {
            return ValidationResult.error("validate.idNumber.checkMismatch", String.valueOf(expected),
                    String.valueOf(found));
        }
        return ValidationResult.ok();
    }

    /**
     * The ISO 7064 MOD 11-2 check character (0-9 or X) for 17 digits.
     *
     * @throws IllegalArgumentException if the input is not exactly 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 digits, got " + first17);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = first17.charAt(i);
            if (!Inputs.isAsciiDigit(c)) {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /**
     * Masks an identity number for display and logs: keeps the first 3 and last 2 characters (province hint and
     * check character, enough for a person to recognise their own number) and stars the rest, the birth date
     * included. Works on any text, valid or not; 5 characters or fewer are starred entirely, since keeping 3 + 2
     * of them would reveal everything. Null becomes "".
     */
    public static String mask(String idNumber) {
        int[] cps = Inputs.codePoints(Inputs.clean(idNumber));
        int n = cps.length;
        if (n <= 5) {
            return "*".repeat(n);
        }
        StringBuilder sb = new StringBuilder(n);
        sb.appendCodePoint(cps[0]).appendCodePoint(cps[1]).appendCodePoint(cps[2]);
        sb.append("*".repeat(n - 5));
        sb.appendCodePoint(cps[n - 2]).appendCodePoint(cps[n - 1]);
        return sb.toString();
    }

    /**
     * Masks a person's name for display. A name with any Han character is treated as Chinese: the first and last
     * characters stay and those between are starred ("张*" for 2 characters, "张*明" for 3, "张**明" for 4); a
     * middle dot separating the parts of a transliterated name (e.g. 阿卜杜拉·买买提) stays. Other names keep the
     * first letter of each word and star the remaining letters ("John Smith" becomes "J*** S****"), keeping
     * hyphens and apostrophes. A single character becomes "*". Null or blank becomes "".
     */
    public static String maskName(String fullName) {
        String name = Inputs.clean(fullName);
        if (name.isEmpty()) {
            return "";
        }
        int[] cps = Inputs.codePoints(name);
        boolean chinese = name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        if (chinese) {
            if (cps.length == 1) {
                return "*";
            }
            StringBuilder sb = new StringBuilder(name.length());
            sb.appendCodePoint(cps[0]);
            for (int i = 1; i < cps.length - 1; i++) {
                sb.appendCodePoint(isNameSeparator(cps[i]) ? cps[i] : '*');
            }
            // Two characters: the surname stays, the given name goes (张*), as on Chinese government sites.
            sb.appendCodePoint(cps.length == 2 ? '*' : cps[cps.length - 1]);
            return sb.toString();
        }
        StringJoiner words = new StringJoiner(" ");
        for (String word : name.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int[] w = Inputs.codePoints(word);
            StringBuilder sb = new StringBuilder(word.length());
            sb.appendCodePoint(w[0]);
            for (int i = 1; i < w.length; i++) {
                sb.appendCodePoint(Character.isLetterOrDigit(w[i]) ? '*' : w[i]);
            }
            words.add(sb);
        }
        String masked = words.toString();
        return masked.codePointCount(0, masked.length()) == 1 ? "*" : masked;
    }

    private static boolean isNameSeparator(int cp) {
        return cp == '\u00B7' || cp == '\u2022' || cp == '\u30FB' || cp == '.' || cp == ' ';
    }
}
