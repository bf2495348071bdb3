package org.venuegate.kiosk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.venuegate.kiosk.setup.KioskSetup;
import org.venuegate.ui.Lang;

/**
 * Where the first-run wizard stands: which of its three steps shows, what the step line says ("Step 2 of 3"), whether
 * Back is offered, and which venue the kiosk is paired with. Going back never undoes anything: step 1 shows the
 * pairing made (and offers to pair again), step 2 the binding made (and offers to bind again); only a new pairing or a
 * new binding replaces the old one. The view ({@link SetupWizard}) shows the step this model names.
 */
public final class SetupWizardViewModel {
    public enum Step {
        PAIR, BIND, SETTINGS;

        public int number() {
            return ordinal() + 1;
        }
    }

    public static final int STEPS = Step.values().length;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper stepLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<PairingViewModel.PairedVenue> paired = new ReadOnlyObjectWrapper<>();
    private final Lang lang;

    /** @param first where the kiosk's setup stands at launch (PAIR or BIND) */
    public SetupWizardViewModel(Lang lang, KioskSetup.Step first) {
        this.lang = lang;
        step.addListener((o, a, s) -> {
            stepLine.set(lang.get("kiosk.setup.stepOf", s.number(), STEPS));
            canGoBack.set(s != Step.PAIR);
        });
        step.set(first == KioskSetup.Step.PAIR ? Step.PAIR : Step.BIND);
    }

    /** Step 1 succeeded: a new pairing (it replaces any earlier one). */
    public void paired(PairingViewModel.PairedVenue venue) {
        paired.set(venue);
        if (step.get() == Step.PAIR) {
            step.set(Step.BIND);
        }
    }

    /** The pairing found on disk (a kiosk paired with --pair, or after a restart mid-setup). */
    public void knownPairing(PairingViewModel.PairedVenue venue) {
        paired.set(venue);
    }

    /** Step 1 with the pairing the kiosk has: on to step 2. */
    public void continuePaired() {
        if (step.get() == Step.PAIR && paired.get() != null) {
            step.set(Step.BIND);
        }
    }

    /** Step 2 succeeded (or kept the earlier binding). */
    public void bound() {
        if (step.get() == Step.BIND) {
            step.set(Step.SETTINGS);
        }
    }

    public void back() {
        switch (step.get()) {
            case SETTINGS -> step.set(Step.BIND);
            case BIND -> step.set(Step.PAIR);
            case PAIR -> { }
        }
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** "Step 2 of 3" in the screen's language. */
    public ReadOnlyStringProperty stepLineProperty() {
        return stepLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** The venue this kiosk is paired with; null before the first pairing. */
    public ReadOnlyObjectProperty<PairingViewModel.PairedVenue> pairedProperty() {
        return paired.getReadOnlyProperty();
    }

    /** The step's title: "Step 1 of 3: pair this kiosk" and so on. */
    public String title(Step s) {
        return lang.get("kiosk.setup.title", s.number(), STEPS, lang.get("kiosk.setup.step." + s.name()));
    }
}
