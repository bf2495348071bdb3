package org.venuegate.kiosk.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.venuegate.api.Pairing;
import org.venuegate.kiosk.setup.PairingCodeFormat;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * Step 1 of the setup wizard: the gatekeeper types the one-time pairing code the administrator gave them. The hint
 * under the field says what a code looks like and, while typing, what is wrong with this one. A kiosk that is already
 * paired (step 2's Back, or paired with {@code --pair}) shows which venue it is paired with and offers to go on with
 * that pairing or to pair again; pairing again replaces the old pairing only once the hub accepted the new code.
 */
public final class PairingViewModel {
    /** Performs the pairing (network and disk), off the UI thread. */
    @FunctionalInterface
    public interface Action {
        Pairing pair(String code, String label) throws Exception;
    }

    /** The venue a kiosk is paired with, as device.json names it. */
    public record PairedVenue(String name, String number) {
    }

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hintWrong = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<PairedVenue> paired = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper formShown = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper pairedText = new ReadOnlyStringWrapper("");
    private final Action action;
    private final UiExecutor executor;
    private final Lang lang;
    private final Consumer<Pairing> onPaired;
    private final Runnable onContinue;

    public PairingViewModel(Action action, UiExecutor executor, Lang lang, Consumer<Pairing> onPaired) {
        this(action, executor, lang, null, onPaired, () -> { });
    }

    /**
     * @param current    the venue this kiosk is paired with now, or null when it is not paired
     * @param onContinue goes on to step 2 with the current pairing
     */
    public PairingViewModel(Action action, UiExecutor executor, Lang lang, PairedVenue current, Consumer<Pairing> onPaired,
                            Runnable onContinue) {
        this.action = action;
        this.executor = executor;
        this.lang = lang;
        this.onPaired = onPaired;
        this.onContinue = onContinue;
        code.addListener((o, a, typed) -> updateHint(typed));
        updateHint("");
        paired.set(current);
        formShown.set(current == null);
        pairedText.set(current == null ? "" : lang.get("kiosk.pair.pairedWith", current.name(), current.number()));
    }

    private void updateHint(String typed) {
        PairingCodeFormat.Problem p = PairingCodeFormat.check(typed);
        int n = PairingCodeFormat.normalize(typed).length();
        hintWrong.set(p == PairingCodeFormat.Problem.BAD_CHARACTER || p == PairingCodeFormat.Problem.TOO_LONG);
        hint.set(switch (p) {
            case EMPTY -> lang.get("kiosk.pair.hint.EMPTY");
            case TOO_SHORT -> lang.get("kiosk.pair.hint.TOO_SHORT", n, PairingCodeFormat.LENGTH);
            case TOO_LONG -> lang.get("kiosk.pair.hint.TOO_LONG", n, PairingCodeFormat.LENGTH);
            case BAD_CHARACTER -> lang.get("kiosk.pair.hint.BAD_CHARACTER", String.valueOf(PairingCodeFormat.badCharacter(typed)));
            case NONE -> lang.get("kiosk.pair.hint.NONE", PairingCodeFormat.display(typed));
        });
    }

    /** Sends the code once it looks like one; otherwise says what is wrong with it and sends nothing. */
    public void pair() {
        if (busy.get()) {
            return;
        }
        String typed = code.get();
        PairingCodeFormat.Problem p = PairingCodeFormat.check(typed);
        if (p == PairingCodeFormat.Problem.EMPTY) {
            fail(lang.get("kiosk.pair.codeRequired"));
            return;
        }
        if (p != PairingCodeFormat.Problem.NONE) {
            fail(hint.get());
            return;
        }
        String c = PairingCodeFormat.display(typed);
        busy.set(true);
        failed.set(false);
        message.set(lang.get("kiosk.pair.pairing"));
        executor.run(() -> action.pair(c, label.get()), result -> {
            busy.set(false);
            PairedVenue now = new PairedVenue(result.venue().name(), result.venue().number());
            paired.set(now);
            pairedText.set(lang.get("kiosk.pair.pairedWith", now.name(), now.number()));
            formShown.set(false);
            message.set(lang.get("kiosk.pair.done", now.name()));
            onPaired.accept(result);
        }, e -> {
            busy.set(false);
            fail(lang.get("kiosk.pair.failed", String.valueOf(e.getMessage())));
        });
    }

    /** Goes on to step 2 with the pairing this kiosk has (only when it has one). */
    public void continuePaired() {
        if (paired.get() != null && !busy.get()) {
            onContinue.run();
        }
    }

    /** Shows the code field to pair again; the current pairing stays until a new code has been accepted. */
    public void startRepair() {
        if (paired.get() != null && !busy.get()) {
            code.set("");
            formShown.set(true);
            failed.set(false);
            message.set(lang.get("kiosk.pair.repairNote", paired.get().name()));
        }
    }

    /** Hides the code field again and keeps the current pairing. */
    public void cancelRepair() {
        if (paired.get() != null && !busy.get()) {
            formShown.set(false);
            code.set("");
            failed.set(false);
            message.set("");
        }
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** What a pairing code looks like, or what is wrong with the one typed so far. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The code typed so far cannot be a pairing code (a wrong character, too long). */
    public ReadOnlyBooleanProperty hintWrongProperty() {
        return hintWrong.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last message is a refusal or failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The venue this kiosk is paired with now; null before the first pairing. */
    public ReadOnlyObjectProperty<PairedVenue> pairedProperty() {
        return paired.getReadOnlyProperty();
    }

    /** "This kiosk is paired with venue X (number)", empty when it is not paired. */
    public ReadOnlyStringProperty pairedTextProperty() {
        return pairedText.getReadOnlyProperty();
    }

    /** The code field is shown: not paired yet, or pairing again. */
    public ReadOnlyBooleanProperty formShownProperty() {
        return formShown.getReadOnlyProperty();
    }
}
