package org.venuegate.kiosk.ui;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
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
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.setup.CodeFeed;
import org.venuegate.kiosk.setup.VenueBinder;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The "bind venue" step: the gatekeeper holds the venue's poster to the camera (or scans it with a wedge scanner, or
 * pastes the code); the code must verify and be the venue this kiosk was paired to. Every refusal says why and the
 * camera keeps looking, so showing the right poster is the retry. While it looks, the camera's picture is shown as a
 * preview: frames arrive on the camera's thread and at most one at a time, about 15 a second, is handed to the FX thread.
 * Coming back to this step in the wizard (Back from step 3) shows the binding made before: "Next" keeps it, "Bind
 * again" opens the camera for another poster (the old binding stays on disk until a new one is saved).
 */
public final class BindVenueViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BindVenueViewModel.class);

    /** Checks and stores a binding (disk): runs off the FX thread. */
    @FunctionalInterface
    public interface Binder {
        VenueBinder.Result bind(String text, VenueBinding.Via via) throws IOException;
    }

    public enum State { WAITING, CHECKING, BOUND, REFUSED }

    /** The preview shows about this many frames a second; the scan loop still gets every frame. */
    static final long PREVIEW_INTERVAL_NANOS = 66_000_000L;

    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper camera = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paired;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
    private final ReadOnlyObjectWrapper<VenueBinder.Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper boundVenue = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper bound = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper accepting = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Frame> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper("");
    private final AtomicReference<Frame> pendingFrame = new AtomicReference<>();
    private volatile long lastFrameQueued = Long.MIN_VALUE;
    private Runnable onBack = () -> { };
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
    private volatile boolean stopped;

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
        previewNote.set(lang.get("kiosk.bind.preview.OPENING"));
        state.addListener((o, a, st) -> accepting.set(st == State.WAITING || st == State.REFUSED));
    }

    /**
     * The wizard's step 2, entered again with the binding made before (Back from step 3): shown as bound, the camera
     * closed until "Bind again".
     *
     * @param onBack goes back to step 1
     */
    public BindVenueViewModel inWizard(VenueBinding existing, Runnable onBack) {
        this.onBack = onBack;
        if (existing != null) {
            binding = existing;
            bound.set(true);
            boundVenue.set(existing.venueName());
            outcome.set(VenueBinder.Outcome.BOUND);
            state.set(State.BOUND);
            message.set(lang.get("kiosk.bind.already", existing.venueName(), existing.venueNumber()));
            camera.set(lang.get("kiosk.bind.cameraClosed"));
            previewNote.set(lang.get("kiosk.bind.preview.CLOSED"));
        }
        return this;
    }

    /** Opens the code feed (the camera) off the FX thread; nothing to open while bound (until "Bind again"). */
    public void start() {
        if (state.get() == State.BOUND || handle != null) {
            return;
        }
        stopped = false;
        camera.set(lang.get("kiosk.camera.OPENING", ""));
        previewNote.set(lang.get("kiosk.bind.preview.OPENING"));
        executor.run(() -> feed.open(new CodeFeed.Sink() {
            @Override
            public void code(String text) {
                executor.onUi(() -> onCode(text));
            }

            @Override
            public void camera(String cameraState, String detail) {
                executor.onUi(() -> onCamera(cameraState, detail));
            }

            @Override
            public void frame(Frame frame) {
                onFrame(frame);
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
        preview.set(null);
        pendingFrame.set(null);
        lastFrameQueued = Long.MIN_VALUE;
        previewNote.set(lang.get("kiosk.bind.preview.CLOSED"));
    }

    private void closeOffUi(CodeFeed.Handle h) {
        executor.run(() -> {
            h.close();
            return Boolean.TRUE;
        }, ok -> { }, e -> LOG.warn("closing the bind step's camera failed: {}", e.toString()));
    }

    void onCamera(String cameraState, String detail) {
        if (stopped) {
            return; // a late state from a camera being closed
        }
        camera.set(lang.get("kiosk.camera." + cameraState, InputReasons.text(lang, detail)));
        if (!"RUNNING".equals(cameraState)) {
            preview.set(null); // a stale picture would pretend the camera still sees
        }
        previewNote.set(preview.get() != null ? "" : lang.get("kiosk.bind.preview." + cameraState));
    }

    /**
     * A camera frame, on the camera's thread: keeps the newest one and hands it to the FX thread, with at most one
     * hand-over waiting and about 15 frames a second, so a fast camera cannot flood the FX thread.
     */
    void onFrame(Frame frame) {
        long last = lastFrameQueued;
        if (stopped || (last != Long.MIN_VALUE && frame.capturedNanos() - last < PREVIEW_INTERVAL_NANOS)) {
            return;
        }
        lastFrameQueued = frame.capturedNanos();
        if (pendingFrame.getAndSet(frame) == null) {
            executor.onUi(() -> {
                Frame f = pendingFrame.getAndSet(null);
                if (f != null && !stopped) {
                    preview.set(f);
                    previewNote.set("");
                }
            });
        }
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
            camera.set(lang.get("kiosk.bind.cameraClosed"));
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

    /**
     * Back in the wizard's step 2 after a binding: looks for a poster again. The binding made before stays (on disk and
     * for "Next") until a new one is saved.
     */
    public void bindAgain() {
        if (state.get() != State.BOUND) {
            return;
        }
        typed.set("");
        outcome.set(null);
        state.set(State.WAITING);
        message.set(lang.get("kiosk.bind.againWaiting", binding.venueName()));
        start();
    }

    /** Back to step 1 (the wizard only); closes the camera first. The pairing and any binding stay as they are. */
    public void back() {
        if (mode == SettingsViewModel.Mode.WIZARD && state.get() != State.CHECKING) {
            stop();
            onBack.run();
        }
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

    /** The wizard's Back and "Bind again" (the running kiosk's re-bind has Cancel instead). */
    public boolean inWizardMode() {
        return mode == SettingsViewModel.Mode.WIZARD;
    }

    /** The newest camera frame for the preview (on the FX thread), null while there is no live picture. */
    public ReadOnlyObjectProperty<Frame> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What the preview area says while it has no picture (camera starting, scanner only, unavailable, closed). */
    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote.getReadOnlyProperty();
    }

    /** A code can be submitted now: waiting or after a refusal (not while checking, not once bound). */
    public ReadOnlyBooleanProperty acceptingProperty() {
        return accepting.getReadOnlyProperty();
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
