package org.venuegate.kiosk.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.decide.Decision;
import org.venuegate.kiosk.KioskEngine;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The full-screen prompt: pass or stop with the reason and what to do, the masked name, badge, proxy mark, venue and
 * admission time. Returns to scanning by itself after the configured time, or at once when the next code arrives.
 * Never shows a name or ID in full: only the masked name the code carries, and only from an authentic code.
 */
public final class PromptViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ReadOnlyObjectWrapper<PromptState> state = new ReadOnlyObjectWrapper<>(PromptState.IDLE);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper instruction = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper person = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper marks = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper admission = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper venueLine;

    private final Lang lang;
    private final UiExecutor executor;
    private final Duration showFor;
    private final Voice voice;
    private final ZoneId zone;
    private UiExecutor.Cancellable pendingReset;
    /** "hold it to the camera" or "to the scanner": the idle instruction names the input the venue has. */
    private String idleInstructionKey = "kiosk.idle.instruction";

    public PromptViewModel(Lang lang, UiExecutor executor, Duration showFor, Voice voice, String venueName, ZoneId zone) {
        this.lang = lang;
        this.executor = executor;
        this.showFor = showFor;
        this.voice = voice;
        this.zone = zone;
        this.venueLine = new ReadOnlyStringWrapper(lang.get("kiosk.venue", venueName));
        idle();
    }

    /** Called on the UI thread with each decision. */
    public void show(KioskEngine.Outcome outcome) {
        if (pendingReset != null) {
            pendingReset.cancel();
        }
        Decision d = outcome.decision();
        state.set(PromptState.of(d.category()));
        verdict.set(lang.text(org.venuegate.core.i18n.LocalizedText.of("decision.category." + d.category().name())));
        // For a pass the verdict word says it all; a stop's headline names the reason under the verdict.
        headline.set(d.pass() ? "" : lang.text(d.headline()));
        instruction.set(lang.text(d.instruction()));
        HealthCode code = d.healthCode().orElse(null);
        person.set(code == null ? "" : code.maskedName());
        marks.set(code == null ? "" : (code.badge() ? lang.get("kiosk.badge") : lang.get("kiosk.noBadge"))
                + (code.proxy() ? " · " + lang.get("kiosk.proxy") : ""));
        admission.set(code == null ? "" : lang.get("kiosk.admitted", TIME.format(code.admittedAt().atZone(zone))));
        voice.announce(d);
        pendingReset = executor.schedule(showFor, this::idle);
    }

    /** Scanners (keyboard wedge or serial port) read the code instead of a camera; the idle prompt says so. */
    public void inputIsScanner(boolean scanner) {
        idleInstructionKey = scanner ? "kiosk.idle.instruction.scanner" : "kiosk.idle.instruction";
        if (state.get() == PromptState.IDLE) {
            instruction.set(lang.get(idleInstructionKey));
        }
    }

    public void idle() {
        pendingReset = null;
        state.set(PromptState.IDLE);
        verdict.set(lang.get("kiosk.idle.headline"));
        headline.set("");
        instruction.set(lang.get(idleInstructionKey));
        person.set("");
        marks.set("");
        admission.set("");
    }

    public ReadOnlyObjectProperty<PromptState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The large word: the category of the decision (or the idle prompt). */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The reason under the verdict; empty for a pass and while idle. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instructionProperty() {
        return instruction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personProperty() {
        return person.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty marksProperty() {
        return marks.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty admissionProperty() {
        return admission.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty venueLineProperty() {
        return venueLine.getReadOnlyProperty();
    }
}
