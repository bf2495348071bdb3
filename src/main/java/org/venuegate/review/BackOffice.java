package org.venuegate.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.api.DeviceHealth;
import org.venuegate.api.Role;
import org.venuegate.client.HubSession.HubException;
import org.venuegate.core.place.Districts;
import org.venuegate.ui.Lang;
import org.venuegate.ui.WindowSize;

/**
 * What the back-office screens (dashboard, admin, tracer) share: hub errors as localized sentences (the English
 * detail goes to the log), durations in minutes or hours as fits, district and role names, and one window per
 * screen that Esc closes.
 */
final class BackOffice {
    private static final Logger LOG = LoggerFactory.getLogger(BackOffice.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZONE);
    /** Open back-office windows, one per screen, by the view class. */
    private static final Map<Class<?>, Stage> WINDOWS = new HashMap<>();
    private static final Map<Class<?>, Object> MODELS = new HashMap<>();

    private BackOffice() {
    }

    /** A hub failure as the user reads it: never the hub's English text, never a code. */
    static String error(Lang lang, Throwable e) {
        if (!(e instanceof HubException h)) {
            LOG.error("Back-office call failed", e);
            return lang.get("bo.error.other");
        }
        LOG.warn("Hub answered {} {}: {}", h.status(), h.code(), h.getMessage());
        if (h.status() == 0) {
            return lang.get("bo.error.unreachable");
        }
        if (h.status() >= 500) {
            return lang.get("bo.error.hubFailed");
        }
        if (h.status() == 401) {
            return lang.get("bo.error.session");
        }
        if (h.status() == 403) {
            return lang.get("bo.error.forbidden");
        }
        String key = "bo.error." + h.code();
        if (lang.bundle().containsKey(key)) {
            String field = h.field();
            return lang.get(key, field == null ? lang.get("bo.field.unknown") : fieldName(lang, field));
        }
        return lang.get("bo.error.other");
    }

    static boolean expired(Throwable e) {
        return e instanceof HubException h && h.sessionExpired();
    }

    static String fieldName(Lang lang, String field) {
        String key = "bo.field." + field;
        return lang.bundle().containsKey(key) ? lang.get(key) : lang.get("bo.field.unknown");
    }

    /** Minutes below two hours, hours below two days, days beyond. */
    static String duration(Lang lang, Duration d) {
        long minutes = Math.abs(d.toMinutes());
        if (minutes < 1) {
            return lang.get("bo.duration.underMinute");
        }
        if (minutes < 120) {
            return lang.get("bo.duration.minutes", minutes);
        }
        double hours = minutes / 60.0;
        if (hours < 48) {
            return lang.get("bo.duration.hours", hours < 10 ? String.format(lang.locale(), "%.1f", hours)
                    : Long.toString(Math.round(hours)));
        }
        return lang.get("bo.duration.days", Math.round(hours / 24));
    }

    static String minutes(Lang lang, Long minutes) {
        return minutes == null ? lang.get("bo.none") : duration(lang, Duration.ofMinutes(minutes));
    }

    static String district(Lang lang, Integer code) {
        if (code == null) {
            return lang.get("bo.district.all");
        }
        return Districts.name(code, english(lang)).orElse(lang.get("bo.district.unknown"));
    }

    static boolean english(Lang lang) {
        return !lang.locale().getLanguage().equals("zh");
    }

    static String role(Lang lang, Role role) {
        String key = "bo.role." + role.name();
        return lang.bundle().containsKey(key) ? lang.get(key) : lang.get("bo.role.other");
    }

    static String time(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    /** A kiosk by its label, or by its number when it has none. */
    static String deviceLabel(Lang lang, DeviceHealth d) {
        return d.label() == null || d.label().isBlank() ? lang.get("bo.fleet.device", Long.toString(d.deviceId())) : d.label();
    }

    /**
     * Shows a screen in its one window: the first call builds it, later calls bring it to the front (a new model,
     * after another login, rebuilds it). Esc closes it. Sized to fit a 1366 × 768 screen.
     */
    static Stage window(Class<?> view, Object model, Window owner, String title, java.util.function.Supplier<javafx.scene.Parent> content,
                        double width, double height) {
        Stage open = WINDOWS.get(view);
        if (open != null && MODELS.get(view) == model) {
            if (!open.isShowing()) {
                open.show();
            }
            open.setIconified(false);
            open.toFront();
            return open;
        }
        if (open != null) {
            open.close();
        }
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        var size = WindowSize.fitting(width, height);
        Scene scene = new Scene(content.get(), size.getWidth(), size.getHeight());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        WINDOWS.put(view, stage);
        MODELS.put(view, model);
        stage.show();
        return stage;
    }
}
