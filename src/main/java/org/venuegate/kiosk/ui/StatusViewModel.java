package org.venuegate.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.venuegate.ui.Lang;

/** The status bar: online/offline, check-ins waiting, last sync, trust-list age, camera state, clock warning. */
public final class StatusViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper sync = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper trust = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper trustStale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper camera = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper cameraOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper clockWarning = new ReadOnlyStringWrapper("");
    private final Lang lang;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration trustMaxAge;
    private String inputKeys = "kiosk.camera.";

    public StatusViewModel(Lang lang, Clock clock, ZoneId zone, Duration trustMaxAge) {
        this.lang = lang;
        this.clock = clock;
        this.zone = zone;
        this.trustMaxAge = trustMaxAge;
        updateSync(false, 0, null);
        updateTrust(null);
        updateCamera("OPENING", null);
    }

    public void updateSync(boolean isOnline, long pending, Instant lastSync) {
        updateSync(isOnline, pending, lastSync, false);
    }

    /** @param needsPairing the hub refuses this kiosk itself (revoked, or no signing key): it must be paired again */
    public void updateSync(boolean isOnline, long pending, Instant lastSync, boolean needsPairing) {
        online.set(isOnline);
        network.set(lang.get(needsPairing ? "kiosk.status.needsPairing" : isOnline ? "kiosk.status.online" : "kiosk.status.offline"));
        String last = lastSync == null ? lang.get("kiosk.status.neverSynced")
                : lang.get("kiosk.status.lastSync", TIME.format(lastSync.atZone(zone)));
        sync.set(lang.get("kiosk.status.pending", pending) + " · " + last);
    }

    /** @param signedAt the hub time in the current trust list, or null when the kiosk has none */
    public void updateTrust(Instant signedAt) {
        if (signedAt == null) {
            trust.set(lang.get("kiosk.status.noTrust"));
            trustStale.set(true);
            return;
        }
        long hours = Math.max(0, Duration.between(signedAt, clock.instant()).toHours());
        boolean stale = Duration.between(signedAt, clock.instant()).compareTo(trustMaxAge) > 0;
        trustStale.set(stale);
        trust.set(lang.get(stale ? "kiosk.status.trustStale" : "kiosk.status.trustAge", hours));
    }

    /** Words the input state in terms of a scanner (keyboard wedge or serial port) instead of a camera. */
    public void inputIsScanner(boolean scanner) {
        inputKeys = scanner ? "kiosk.scanner." : "kiosk.camera.";
    }

    public void updateCamera(String state, String reason) {
        cameraOk.set("RUNNING".equals(state));
        camera.set(lang.get(inputKeys + state, InputReasons.text(lang, reason)));
    }

    /** The clock warning: empty while the wall clock is used as it is, else what the kiosk decides on and why. */
    public void updateClock(org.venuegate.kiosk.TrustedClock.Reading r) {
        String size = duration(r.skew().abs());
        clockWarning.set(switch (r.source()) {
            case WALL -> "";
            case HUB -> lang.get(r.skew().isNegative() ? "kiosk.status.clockSlow" : "kiosk.status.clockFast", size);
            case LOWER_BOUND -> lang.get("kiosk.status.clockBehindKnown", size);
            case WALL_UNCHECKED -> lang.get("kiosk.status.clockUnchecked");
        });
    }

    /** "1 h 5 min", "45 s": the size of a skew as a gatekeeper reads it. */
    String duration(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return lang.get("kiosk.duration.seconds", s);
        }
        if (s < 3600) {
            return lang.get("kiosk.duration.minutes", s / 60);
        }
        if (s < 86_400) {
            return lang.get("kiosk.duration.hoursMinutes", s / 3600, (s % 3600) / 60);
        }
        return lang.get("kiosk.duration.daysHours", s / 86_400, (s % 86_400) / 3600);
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncProperty() {
        return sync.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trustProperty() {
        return trust.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty trustStaleProperty() {
        return trustStale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraOkProperty() {
        return cameraOk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockWarningProperty() {
        return clockWarning.getReadOnlyProperty();
    }
}
