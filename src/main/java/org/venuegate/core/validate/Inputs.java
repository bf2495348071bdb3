package org.venuegate.core.validate;

import java.util.Locale;

/** Input clean-up shared by the validators. People type these on phones and kiosks with Chinese IMEs. */
final class Inputs {
    private Inputs() {
    }

    /**
     * Trims Unicode whitespace (including the ideographic space U+3000) and folds full-width ASCII
     * (U+FF01..U+FF5E, typed by Chinese IMEs in full-width mode) to its half-width form. Null becomes "".
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        raw.strip().codePoints().forEach(cp -> {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                sb.append((char) (cp - 0xFEE0));
            } else if (cp == 0x3000) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Upper-cases ASCII letters only: String.toUpperCase would turn e.g. 'ß' into "SS" and shift positions. */
    static String upperAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(cp >= 'a' && cp <= 'z' ? cp - ('a' - 'A') : cp));
        return sb.toString();
    }

    static int[] codePoints(String s) {
        return s.codePoints().toArray();
    }

    /** Shows a character in a message; invisible ones as U+XXXX so the person can see there is something. */
    static String describe(int cp) {
        int type = Character.getType(cp);
        boolean invisible = Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
        return invisible ? String.format(Locale.ROOT, "U+%04X", cp) : new String(Character.toChars(cp));
    }

    static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    static boolean isAsciiUpper(int cp) {
        return cp >= 'A' && cp <= 'Z';
    }
}
