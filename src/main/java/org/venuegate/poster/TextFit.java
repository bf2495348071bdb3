package org.venuegate.poster;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Line breaking and shrink-to-fit for poster text. Chinese breaks between any two characters, Latin at spaces; closing
 * punctuation never starts a line and opening punctuation never ends one.
 */
final class TextFit {
    private static final String CLOSERS = "，。、；：？！）》」』”’,.;:?!)]%";
    private static final String OPENERS = "（《「『“‘([";
    private static final double STEP = 0.25;

    private final PosterFont font;

    TextFit(PosterFont font) {
        this.font = font;
    }

    /** Lines at one em size. */
    record Block(List<String> lines, double size) {
    }

    /**
     * The largest size in [minSize, maxSize] at which {@code text} fits {@code width} in at most {@code maxLines} lines;
     * when even {@code minSize} needs more lines, all of them at {@code minSize} (text is never cut off).
     *
     * @param balance make the lines of a wrapped block about equally long (for the venue name)
     */
    Block fit(String text, double width, double maxSize, double minSize, int maxLines, boolean balance) {
        for (double size = maxSize; size >= minSize - 1e-9; size -= STEP) {
            List<String> lines = wrap(text, width, size);
            if (lines.size() <= maxLines) {
                return new Block(balance ? balanced(text, width, size, lines.size()) : lines, size);
            }
        }
        return new Block(wrap(text, width, minSize), minSize);
    }

    /**
     * Like {@link #fit} for a list of items that must each stay whole (a label with its value): items are joined with
     * {@code separator} and a line breaks only between items.
     */
    Block fitItems(List<String> items, String separator, double width, double maxSize, double minSize, int maxLines) {
        for (double size = maxSize; size >= minSize - 1e-9; size -= STEP) {
            List<String> lines = packItems(items, separator, width, size);
            if (lines.size() <= maxLines) {
                return new Block(lines, size);
            }
        }
        // At the smallest size an item wider than the line is wrapped on its own rather than cut off.
        List<String> lines = new ArrayList<>();
        for (String line : packItems(items, separator, width, minSize)) {
            lines.addAll(wrap(line, width, minSize));
        }
        return new Block(lines, minSize);
    }

    private List<String> packItems(List<String> items, String separator, double width, double size) {
        List<String> lines = new ArrayList<>();
        String line = null;
        for (String item : items) {
            String candidate = line == null ? item : line + separator + item;
            if (line != null && font.width(candidate, size) > width) {
                lines.add(line);
                line = item;
            } else {
                line = candidate;
            }
        }
        if (line != null) {
            lines.add(line);
        }
        return lines;
    }

    /** Narrows the wrap width as long as the line count stays the same, so two lines split about evenly. */
    private List<String> balanced(String text, double width, double size, int count) {
        if (count < 2) {
            return wrap(text, width, size);
        }
        double lo = width / count;
        double hi = width;
        for (int i = 0; i < 20; i++) {
            double mid = (lo + hi) / 2;
            if (wrap(text, mid, size).size() <= count) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return wrap(text, hi, size);
    }

    /** Greedy line breaking at em size {@code size} into lines no wider than {@code width} (same unit). */
    List<String> wrap(String text, double width, double size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String token : tokens(text)) {
            String candidate = line + token;
            if (font.width(candidate.stripTrailing(), size) <= width) {
                line.append(token);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            String t = token.stripLeading();
            if (font.width(t.stripTrailing(), size) <= width) {
                line.append(t);
            } else {
                // One token wider than the line (a long Latin word): break it between characters.
                for (int i = 0; i < t.length(); ) {
                    int cp = t.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    if (line.length() > 0 && font.width((line + ch).stripTrailing(), size) > width) {
                        lines.add(line.toString().strip());
                        line.setLength(0);
                    }
                    line.append(ch);
                    i += Character.charCount(cp);
                }
            }
        }
        if (line.length() > 0 && !line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /** Units that must not be split: one Chinese character (with its punctuation) or one Latin word (with its spaces). */
    static List<String> tokens(String text) {
        List<String> raw = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String ch = new String(Character.toChars(cp));
            if (Character.isWhitespace(cp)) {
                word.append(' ');
                raw.add(word.toString());
                word.setLength(0);
            } else if (isCjk(cp)) {
                if (word.length() > 0) {
                    raw.add(word.toString());
                    word.setLength(0);
                }
                raw.add(ch);
            } else {
                word.append(ch);
            }
        }
        if (word.length() > 0) {
            raw.add(word.toString());
        }
        List<String> merged = new ArrayList<>();
        String pendingOpen = "";
        for (String t : raw) {
            if (t.isBlank() && !merged.isEmpty()) {
                merged.set(merged.size() - 1, merged.get(merged.size() - 1) + " ");
            } else if (t.length() == 1 && CLOSERS.contains(t) && !merged.isEmpty()) {
                merged.set(merged.size() - 1, merged.get(merged.size() - 1) + t);
            } else if (t.length() == 1 && OPENERS.contains(t)) {
                pendingOpen += t;
            } else {
                merged.add(pendingOpen + t);
                pendingOpen = "";
            }
        }
        if (!pendingOpen.isEmpty()) {
            merged.add(pendingOpen);
        }
        return merged;
    }

    private static boolean isCjk(int cp) {
        UnicodeScript s = UnicodeScript.of(cp);
        return s == UnicodeScript.HAN || s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) || cp == 0x201c || cp == 0x201d;
    }
}
