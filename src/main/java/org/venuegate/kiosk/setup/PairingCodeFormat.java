package org.venuegate.kiosk.setup;

import java.util.Locale;

/**
 * What a pairing code looks like, checked on the kiosk before it asks the hub: ten characters in two groups of five
 * ({@code 7KQ4M-XW9PD}) from an alphabet without 0/O and 1/I/L. Case, spaces and the dash do not matter; the hub
 * normalizes the same way, so the kiosk only catches typing mistakes early and says which.
 */
public final class PairingCodeFormat {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;

    /** Where a typed code stands. */
    public enum Problem {
        /** Nothing typed yet. */
        EMPTY,
        /** Fewer than ten characters so far (may still be typing). */
        TOO_SHORT,
        TOO_LONG,
        /** A character pairing codes never contain (0, O, 1, I, L, punctuation). */
        BAD_CHARACTER,
        /** Looks like a pairing code. */
        NONE
    }

    private PairingCodeFormat() {
    }

    /** Upper case, without spaces and dashes. */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(typed.length());
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c != '-' && c != ' ' && c != '\u3000' && c != '\u2010' && c != '\u2013' && c != '\uFF0D') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static Problem check(String typed) {
        String n = normalize(typed);
        for (int i = 0; i < n.length(); i++) {
            if (ALPHABET.indexOf(n.charAt(i)) < 0) {
                return Problem.BAD_CHARACTER;
            }
        }
        if (n.isEmpty()) {
            return Problem.EMPTY;
        }
        if (n.length() < LENGTH) {
            return Problem.TOO_SHORT;
        }
        return n.length() > LENGTH ? Problem.TOO_LONG : Problem.NONE;
    }

    /** The first character a pairing code cannot hold, or 0 when there is none. */
    public static char badCharacter(String typed) {
        String n = normalize(typed);
        for (int i = 0; i < n.length(); i++) {
            if (ALPHABET.indexOf(n.charAt(i)) < 0) {
                return n.charAt(i);
            }
        }
        return 0;
    }

    /** As the administrator's slip shows it: {@code 7KQ4M-XW9PD}. Only for a code that passed {@link #check}. */
    public static String display(String typed) {
        String n = normalize(typed);
        return n.length() == LENGTH ? n.substring(0, 5) + "-" + n.substring(5) : n;
    }
}
