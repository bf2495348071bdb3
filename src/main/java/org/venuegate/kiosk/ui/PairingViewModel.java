package org.venuegate.kiosk.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.venuegate.kiosk.sync.Pairing;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/** First run: the gatekeeper types the one-time pairing code the administrator gave them. */
public final class PairingViewModel {
    /** Performs the pairing (network and disk), off the UI thread. */
    @FunctionalInterface
    public interface Action {
        Pairing pair(String code, String label) throws Exception;
    }

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Action action;
    private final UiExecutor executor;
    private final Lang lang;
    private final Consumer<Pairing> onPaired;

    public PairingViewModel(Action action, UiExecutor executor, Lang lang, Consumer<Pairing> onPaired) {
        this.action = action;
        this.executor = executor;
        this.lang = lang;
        this.onPaired = onPaired;
    }

    public void pair() {
        String c = code.get() == null ? "" : code.get().trim();
        if (c.isEmpty()) {
            message.set(lang.get("kiosk.pair.codeRequired"));
            return;
        }
        busy.set(true);
        message.set("");
        executor.run(() -> action.pair(c, label.get()), p -> {
            busy.set(false);
            message.set(lang.get("kiosk.pair.done", p.venue().name()));
            onPaired.accept(p);
        }, e -> {
            busy.set(false);
            message.set(lang.get("kiosk.pair.failed", e.getMessage()));
        });
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
