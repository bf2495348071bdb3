package org.venuegate.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.venuegate.api.ApplicationCheck;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.Category;
import org.venuegate.core.i18n.LocalizedText;
import org.venuegate.core.place.Districts;
import org.venuegate.ui.Lang;

/**
 * What the reviewer reads instead of the hub's codes: category, district, status, yes/no, check names and their
 * messages, history actions, waiting times, all in the screen's language. Nothing here is ever shown raw.
 */
public final class ReviewNames {
    private final Lang lang;
    private final boolean english;
    /** Category code to its name in this language, as the hub lists them (admins may add categories). */
    private final Map<String, String> categories = new ConcurrentHashMap<>();

    public ReviewNames(Lang lang) {
        this.lang = lang;
        this.english = lang.locale().getLanguage().equals("en");
    }

    /** Takes the hub's category list. */
    public void categories(List<Category> list) {
        list.forEach(c -> categories.put(c.code(), c.name(english)));
    }

    /** Known categories in the hub's order: code and name. */
    public Map<String, String> categoryNames() {
        return Map.copyOf(categories);
    }

    public String category(String code) {
        String name = categories.get(code);
        return name != null ? name : lang.get("review.category.unknown");
    }

    public String district(int code) {
        return Districts.name(code, english).orElse(lang.get("review.district.unknown"));
    }

    public String status(ApplicationStatus status) {
        return lang.get("review.status." + status.name());
    }

    public String yesNo(boolean b) {
        return lang.get(b ? "review.yes" : "review.no");
    }

    public String checkName(String name) {
        return lang.get("review.check." + name);
    }

    /** The check's message from its key and arguments; core validator keys come from the core messages. */
    public String checkMessage(ApplicationCheck check) {
        String key = check.messageKey();
        if (key == null) {
            return lang.get(check.passed() ? "review.check.ok" : "review.check.failed");
        }
        Object[] args = check.args().toArray();
        if (key.startsWith("check.")) {
            return lang.get("review." + key, args);
        }
        return lang.text(LocalizedText.of(key, args));
    }

    /** One history line's action, with what it refers to. */
    public String historyAction(String action, String detail) {
        return switch (action) {
            case "SUBMITTED" -> detail != null && detail.startsWith("replaces ")
                    ? lang.get("review.action.SUBMITTED.replaces", detail.substring("replaces ".length()))
                    : lang.get("review.action.SUBMITTED");
            case "PASSED" -> lang.get("review.action.PASSED");
            case "FAILED" -> lang.get("review.action.FAILED", detail == null ? "" : detail);
            default -> lang.get("review.action.other");
        };
    }

    /** "3 分钟", "2 小时 5 分", "4 天": how long an application has waited. */
    public String waited(Duration d) {
        long m = Math.max(0, d.toMinutes());
        if (m < 60) {
            return lang.get("review.wait.minutes", m);
        }
        if (m < 24 * 60) {
            return lang.get("review.wait.hours", m / 60, m % 60);
        }
        return lang.get("review.wait.days", m / (24 * 60), (m % (24 * 60)) / 60);
    }
}
