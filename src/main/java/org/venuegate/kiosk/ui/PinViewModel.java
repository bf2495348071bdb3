package org.venuegate.kiosk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.venuegate.kiosk.setup.PinGate;
import org.venuegate.ui.Lang;

/**
 * Asks for the admin PIN before settings, today's figures or exit. A wrong PIN keeps the prompt open and says how many
 * tries are left; after too many, how long to wait. The gate is shared, so the count holds across the three keys.
 */
public final class PinViewModel {
    /** What the PIN opens; picks the prompt's wording. */
    public enum Purpose { SETTINGS, TODAY, EXIT }

    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final PinGate gate;
    private final Lang lang;
    private final Runnable onOpen;

    public PinViewModel(PinGate gate, Lang lang, Purpose purpose, Runnable onOpen) {
        this.gate = gate;
        this.lang = lang;
        this.onOpen = onOpen;
        this.prompt = new ReadOnlyStringWrapper(lang.get("kiosk.pin.prompt." + purpose.name()));
    }

    /** Checks the PIN typed; the field is cleared either way so a PIN never stays on screen. */
    public void submit() {
        if (done.get()) {
            return;
        }
        PinGate.Attempt a = gate.check(pin.get());
        pin.set("");
        switch (a.status()) {
            case OPEN -> {
                message.set("");
                done.set(true);
                onOpen.run();
            }
            case WRONG -> message.set(lang.get("kiosk.pin.wrong", a.attemptsLeft()));
            case LOCKED -> message.set(lang.get("kiosk.pin.locked", Math.max(1, (a.retryIn().toMillis() + 999) / 1000)));
        }
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** The right PIN was entered: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
