package org.venuegate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * Walks a shown scene and lists what a user must never see: a label whose text is cut off ("审…"), text outside
 * the window (inside a scroll pane: outside its width; what lies below the fold is reached by scrolling), an enum constant or true/false as a value, and (on a Chinese screen) Latin words that are not on the
 * allow-list of codes people type. Call on the FX thread after layout.
 */
public final class ScreenAudit {
    private static final Pattern ENUM = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
    private static final Pattern BOOLEAN = Pattern.compile("\\b(true|false)\\b");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

    private ScreenAudit() {
    }

    /**
     * @param allowLatin texts (or parts) that may be Latin on a Chinese screen, such as credit codes and plates
     */
    public static List<String> problems(Scene scene, Locale locale, Predicate<String> allowLatin) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), scene, locale, allowLatin, out);
        return out;
    }

    private static void walk(Node n, Scene scene, Locale locale, Predicate<String> allowLatin, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String full = l.getText();
            String shown = shownText(l);
            String where = describe(l);
            if (shown != null && !shown.equals(full)) {
                out.add("cut off: " + where + " shows '" + shown + "' of '" + full + "'");
            }
            check(full, where, locale, allowLatin, out);
            Bounds b = l.localToScene(l.getBoundsInLocal());
            ScrollPane scroller = scrollPaneAround(l);
            if (insideVirtualisedList(l)) {
                // list and table cells scroll with their control; what is not in view is reached by scrolling
            } else if (scroller != null) {
                // Below or above the fold is reachable by scrolling; sideways past the viewport is not seen at all.
                Bounds view = scroller.localToScene(scroller.getLayoutBounds());
                if (b.getMaxX() > view.getMaxX() + 1 || b.getMinX() < view.getMinX() - 1) {
                    out.add("outside its scroll pane: " + where + " '" + full + "' at " + b);
                }
            } else if (b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1 || b.getMinX() < -1 || b.getMinY() < -1) {
                out.add("outside the window: " + where + " '" + full + "' at " + b);
            }
        } else if (n instanceof Text t && !(t.getParent() instanceof Labeled) && !isLabeledText(t) && t.getText() != null) {
            check(t.getText(), describe(t), locale, allowLatin, out);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, scene, locale, allowLatin, out);
            }
        }
    }

    private static boolean insideVirtualisedList(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ListView || p instanceof javafx.scene.control.TableView) {
                return true;
            }
        }
        return false;
    }

    /** The nearest scroll pane the node scrolls in (its content, not its scroll bars), or null. */
    private static ScrollPane scrollPaneAround(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                return sp;
            }
        }
        return null;
    }

    private static boolean isLabeledText(Text t) {
        return t.getClass().getName().endsWith("LabeledText");
    }

    private static void check(String text, String where, Locale locale, Predicate<String> allowLatin, List<String> out) {
        if (ENUM.matcher(text).find() && !allowLatin.test(text)) {
            out.add("raw constant: " + where + " '" + text + "'");
        }
        if (BOOLEAN.matcher(text).find()) {
            out.add("raw boolean: " + where + " '" + text + "'");
        }
        if (locale.getLanguage().equals("zh")) {
            var m = LATIN_WORD.matcher(text);
            while (m.find()) {
                if (!allowLatin.test(m.group()) && !allowLatin.test(text)) {
                    out.add("Latin on a Chinese screen: " + where + " '" + text + "'");
                    break;
                }
            }
        }
    }

    /** The text the skin actually draws (with an ellipsis when it did not fit), or null before it is skinned. */
    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && isLabeledText(t)) {
                return t.getText();
            }
        }
        return null;
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : String.join(".", n.getStyleClass());
        return n.getClass().getSimpleName() + "(" + id + ")";
    }

    /** Nothing allowed: every Latin word on a Chinese screen is a finding. */
    public static Predicate<String> none() {
        return s -> false;
    }

    /** Names of keys printed on the keyboard (Esc, F2, Enter, Ctrl, Alt, PIN pad digits are not words). */
    public static Predicate<String> keyNames() {
        java.util.Set<String> keys = java.util.Set.of("Esc", "Enter", "Ctrl", "Alt", "Shift", "Tab");
        return keys::contains;
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
