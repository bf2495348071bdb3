package org.venuegate.kiosk.ui;

import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.setup.CodeFeed;
import org.venuegate.kiosk.setup.VenueBinder;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The "bind venue" step: the gatekeeper holds the venue's poster to the camera (or scans it with a wedge scanner, or
 * pastes the code); the code must verify and be the venue this kiosk was paired to. Every refusal says why and the
 * camera keeps looking, so showing the right poster is the retry.
 */
public final class BindVenueViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BindVenueViewModel.class);

    /** Checks and stores a binding (disk): runs off the FX thread. */
    @FunctionalInterface
    public interface Binder {
        VenueBinder.Result bind(String text, VenueBinding.Via via) throws IOException;
    }

    public enum State { WAITING, CHECKING, BOUND, REFUSED }

    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper camera = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paired;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
    private final ReadOnlyObjectWrapper<VenueBinder.Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper boundVenue = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper bound = new ReadOnlyBooleanWrapper(false);
    private final Binder binder;
    private final CodeFeed feed;
    private final UiExecutor executor;
    private final Lang lang;
    private final String pairedName;
    private final Consumer<VenueBinding> onDone;
    private final SettingsViewModel.Mode mode;
    private final Runnable onCancel;
    private VenueBinding binding;
    private CodeFeed.Handle handle;
    private boolean stopped;

    /**
     * @param mode     WIZARD: "Next" goes on to the settings step; RUNNING: re-binding from the settings, with cancel
     * @param onCancel leaves the step unbound (RUNNING only)
     */
    public BindVenueViewModel(Binder binder, CodeFeed feed, UiExecutor executor, Lang lang, String pairedName,
                              String pairedNumber, SettingsViewModel.Mode mode, Consumer<VenueBinding> onDone,
                              Runnable onCancel) {
        this.mode = mode;
        this.onCancel = onCancel;
        this.binder = binder;
        this.feed = feed;
        this.executor = executor;
        this.lang = lang;
        this.pairedName = pairedName;
        this.onDone = onDone;
        this.paired = new ReadOnlyStringWrapper(lang.get("kiosk.bind.paired", pairedName, pairedNumber));
        camera.set(lang.get("kiosk.camera.OPENING", ""));
        message.set(lang.get("kiosk.bind.waiting"));
    }

    /** Opens the code feed (the camera) off the FX thread. */
    public void start() {
        stopped = false;
        executor.run(() -> feed.open(new CodeFeed.Sink() {
            @Override
            public void code(String text) {
                executor.onUi(() -> onCode(text));
            }

            @Override
            public void camera(String cameraState, String detail) {
                executor.onUi(() -> onCamera(cameraState, detail));
            }
        }), h -> {
            if (stopped) {
                closeOffUi(h); // the step was left while the camera was still opening
            } else {
                handle = h;
            }
        }, e -> camera.set(lang.get("kiosk.camera.UNAVAILABLE", String.valueOf(e.getMessage()))));
    }

    /** Closes the camera off the FX thread (the driver may take seconds); safe to call twice. */
    public void stop() {
        stopped = true;
        CodeFeed.Handle h = handle;
        handle = null;
        if (h != null) {
            closeOffUi(h);
        }
    }

    private void closeOffUi(CodeFeed.Handle h) {
        executor.run(() -> {
            h.close();
            return Boolean.TRUE;
        }, ok -> { }, e -> LOG.warn("closing the bind step's camera failed: {}", e.toString()));
    }

    void onCamera(String cameraState, String detail) {
        camera.set(lang.get("kiosk.camera." + cameraState, InputReasons.text(lang, detail)));
    }

    /** A code read by the camera (on the FX thread). Ignored while one is being checked or once bound. */
    void onCode(String text) {
        if (state.get() == State.CHECKING || state.get() == State.BOUND || stopped) {
            return;
        }
        check(text, VenueBinding.Via.CAMERA);
    }

    /** The typed, pasted or wedge-scanned code (Enter in the field, or the button). */
    public void submitTyped() {
        if (state.get() == State.CHECKING || state.get() == State.BOUND) {
            return;
        }
        check(typed.get(), VenueBinding.Via.TYPED);
    }

    private void check(String text, VenueBinding.Via via) {
        state.set(State.CHECKING);
        message.set(lang.get("kiosk.bind.checking"));
        executor.run(() -> binder.bind(text, via), this::show, e -> {
            state.set(State.REFUSED);
            outcome.set(null);
            message.set(lang.get("kiosk.bind.saveFailed", String.valueOf(e.getMessage())));
        });
    }

    private void show(VenueBinder.Result r) {
        outcome.set(r.outcome());
        if (r.bound()) {
            binding = r.binding();
            state.set(State.BOUND);
            bound.set(true);
            boundVenue.set(binding.venueName());
            message.set(lang.get("kiosk.bind.outcome.BOUND", binding.venueName(), binding.venueNumber()));
            stop(); // nothing more to read; frees the camera for the kiosk
            return;
        }
        if (r.detail() != null) {
            LOG.info("venue binding refused: {}", r.detail());
        }
        state.set(State.REFUSED);
        String scanned = r.scanned() == null ? "" : r.scanned().name();
        message.set(lang.get("kiosk.bind.outcome." + r.outcome().name(), scanned, pairedName));
    }

    /** Clears the last refusal and the field, to try again; the camera has been looking all along. */
    public void retry() {
        if (state.get() == State.CHECKING || state.get() == State.BOUND) {
            return;
        }
        typed.set("");
        outcome.set(null);
        state.set(State.WAITING);
        message.set(lang.get("kiosk.bind.waiting"));
    }

    /** Goes on once bound. */
    public void finish() {
        if (binding != null) {
            stop();
            onDone.accept(binding);
        }
    }

    /** Leaves without binding (re-binding from the running kiosk's settings; the old binding stays). */
    public void cancel() {
        if (mode == SettingsViewModel.Mode.RUNNING) {
            stop();
            onCancel.run();
        }
    }

    public String title() {
        return lang.get(mode == SettingsViewModel.Mode.WIZARD ? "kiosk.bind.title" : "kiosk.bind.titleRebind");
    }

    public String finishLabel() {
        return lang.get(mode == SettingsViewModel.Mode.WIZARD ? "kiosk.bind.next" : "kiosk.bind.done");
    }

    public boolean cancellable() {
        return mode == SettingsViewModel.Mode.RUNNING;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pairedProperty() {
        return paired.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last attempt's outcome, null while waiting. */
    public ReadOnlyObjectProperty<VenueBinder.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boundVenueProperty() {
        return boundVenue.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty boundProperty() {
        return bound.getReadOnlyProperty();
    }
}
