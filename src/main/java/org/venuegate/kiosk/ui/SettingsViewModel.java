package org.venuegate.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.venuegate.kiosk.capture.CameraUnavailableException;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;
import org.venuegate.kiosk.config.KioskSettings;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * Camera, resolution, language, voice and the admin PIN: the setup wizard's last step and the running kiosk's settings
 * (behind the PIN). Cameras are listed off the FX thread with a timeout; "no camera found" is an ordinary answer.
 * Saving writes kiosk.json (atomically, other fields kept) off the FX thread and hands the new configuration on.
 *
 * <p>In the wizard no webcam is preselected that the search did not find: until the list arrives, and after a search
 * that found none, the choice is empty and saving asks for one (the code scanner, or a camera plugged in and searched
 * for again). A scanner, serial port or replay source written in kiosk.json stays selected: nothing to find there. The
 * running kiosk's settings keep showing the camera it runs with.
 */
public final class SettingsViewModel {
    /** Lists the connected webcams by name, within its own timeout. */
    @FunctionalInterface
    public interface CameraLister {
        List<String> list() throws Exception;
    }

    /** Writes the settings (disk); returns the configuration the kiosk now runs with. */
    @FunctionalInterface
    public interface Saver {
        KioskConfig save(KioskSettings settings) throws Exception;
    }

    /** Where the screen is shown: the wizard (save and go on) or the running kiosk (save and apply, or cancel). */
    public enum Mode { WIZARD, RUNNING }

    /** One entry of the camera list: a source of kiosk.json's {@code camera.source} and {@code camera.name}. */
    public record CameraChoice(String source, String name, boolean connected) {
        static CameraChoice of(KioskConfig.Camera c) {
            return new CameraChoice(c.source(), c.name(), false);
        }

        boolean same(CameraChoice o) {
            return o != null && source.equals(o.source) && Objects.equals(name, o.name);
        }
    }

    public record Resolution(int width, int height) {
    }

    public static final List<Resolution> RESOLUTIONS = List.of(new Resolution(640, 480), new Resolution(1280, 720));
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final CameraChoice FIRST_WEBCAM = new CameraChoice("webcam", null, false);
    private static final CameraChoice SCANNER = new CameraChoice("scanner", null, false);

    private final ObservableList<CameraChoice> cameras = FXCollections.observableArrayList();
    private final ObjectProperty<CameraChoice> camera = new SimpleObjectProperty<>();
    private final ObservableList<Resolution> resolutions = FXCollections.observableArrayList(RESOLUTIONS);
    private final ObjectProperty<Resolution> resolution = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper resolutionApplies = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> languages = FXCollections.observableArrayList(LANGUAGES);
    private final StringProperty language = new SimpleStringProperty();
    private final BooleanProperty voiceEnabled = new SimpleBooleanProperty();
    private final StringProperty voiceLanguage = new SimpleStringProperty();
    private final StringProperty newPin = new SimpleStringProperty("");
    private final StringProperty newPinRepeat = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper pinRequired = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper cameraMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    private final CameraLister lister;
    private final Saver saver;
    private final UiExecutor executor;
    private final Lang lang;
    private final Mode mode;
    private final Consumer<KioskConfig> onSaved;
    private final CameraChoice configured;
    private final Runnable onRebind;
    private final Runnable onClose;
    private Runnable onBack = () -> { };

    /** The wizard's step: saving is the only way on. */
    public SettingsViewModel(KioskConfig current, Mode mode, CameraLister lister, Saver saver, UiExecutor executor, Lang lang,
                             Consumer<KioskConfig> onSaved) {
        this(current, mode, lister, saver, executor, lang, onSaved, () -> { }, () -> { });
    }

    /**
     * @param onRebind opens the bind step (running kiosk only)
     * @param onClose  leaves without saving (running kiosk only)
     */
    public SettingsViewModel(KioskConfig current, Mode mode, CameraLister lister, Saver saver, UiExecutor executor, Lang lang,
                             Consumer<KioskConfig> onSaved, Runnable onRebind, Runnable onClose) {
        this.onRebind = onRebind;
        this.onClose = onClose;
        this.lister = lister;
        this.saver = saver;
        this.executor = executor;
        this.lang = lang;
        this.mode = mode;
        this.onSaved = onSaved;
        this.configured = CameraChoice.of(current.camera());
        cameras.setAll(choices(List.of()));
        camera.set(mode == Mode.WIZARD && isWebcam(configured) ? null : find(configured));
        Resolution res = new Resolution(current.camera().width(), current.camera().height());
        if (!resolutions.contains(res)) {
            resolutions.add(res); // an administrator's own size stays selectable
        }
        resolution.set(res);
        resolutionApplies.bind(Bindings.createBooleanBinding(
                () -> camera.get() != null && !KioskConfig.Camera.isScanner(camera.get().source()), camera));
        language.set(current.language());
        voiceEnabled.set(Boolean.TRUE.equals(current.voice().enabled()));
        voiceLanguage.set(LANGUAGES.contains(current.voice().language()) ? current.voice().language() : "zh-CN");
        pinRequired.set(current.adminPin() == null);
    }

    /** The list: cameras found, then "first camera found", the wedge scanner, and whatever kiosk.json names now. */
    private List<CameraChoice> choices(List<String> found) {
        List<CameraChoice> out = new ArrayList<>();
        for (String n : found) {
            out.add(new CameraChoice("webcam", n, true));
        }
        out.add(FIRST_WEBCAM);
        out.add(SCANNER);
        if (out.stream().noneMatch(configured::same)) {
            out.add(configured); // a camera not plugged in now, or a replay folder for training
        }
        return out;
    }

    private CameraChoice find(CameraChoice wanted) {
        return cameras.stream().filter(c -> c.same(wanted)).findFirst().orElse(cameras.get(0));
    }

    private static boolean isWebcam(CameraChoice c) {
        return c != null && c.source().equals("webcam");
    }

    /**
     * The wizard's choice after a search: the configured webcam if it was found ("first camera found" when any was),
     * a choice the gatekeeper made themselves, or nothing.
     */
    private CameraChoice wizardChoice(CameraChoice selected, List<String> found) {
        if (selected != null && !selected.same(configured)) {
            return find(selected); // picked by hand: keep it
        }
        if (!isWebcam(configured)) {
            return find(configured);
        }
        if (configured.name() == null) {
            return found.isEmpty() ? null : find(FIRST_WEBCAM);
        }
        return found.contains(configured.name()) ? find(new CameraChoice("webcam", configured.name(), true)) : null;
    }

    /** Back to step 2 (the wizard only); what was chosen here is kept for when the gatekeeper comes back. */
    public SettingsViewModel onBack(Runnable back) {
        this.onBack = back;
        return this;
    }

    public void back() {
        if (mode == Mode.WIZARD && !busy.get()) {
            onBack.run();
        }
    }

    /** Looks for webcams off the FX thread; the selection is kept. */
    public void refreshCameras() {
        if (searching.get()) {
            return;
        }
        searching.set(true);
        cameraMessage.set(lang.get("kiosk.settings.cameraSearching"));
        executor.run(lister::list, found -> {
            searching.set(false);
            CameraChoice selected = camera.get();
            cameras.setAll(choices(found));
            camera.set(mode == Mode.WIZARD ? wizardChoice(selected, found) : find(selected == null ? configured : selected));
            cameraMessage.set(found.isEmpty() ? lang.get("kiosk.settings.noCamera")
                    : lang.get("kiosk.settings.camerasFound", found.size()));
        }, e -> {
            searching.set(false);
            cameraMessage.set(e instanceof CameraUnavailableException c && c.reason() == CameraUnavailableException.Reason.TIMEOUT
                    ? lang.get("kiosk.settings.cameraSearchTimeout")
                    : lang.get("kiosk.settings.cameraSearchFailed", String.valueOf(e.getMessage())));
        });
    }

    /** What the camera list shows for a choice. */
    public String label(CameraChoice c) {
        if (c == null) {
            return "";
        }
        if (c.source().equals("scanner")) {
            return lang.get("kiosk.settings.camera.scanner");
        }
        if (c.source().startsWith("serial:")) {
            return lang.get("kiosk.settings.camera.serial", c.source().substring("serial:".length()));
        }
        if (c.source().startsWith("replay:")) {
            return lang.get("kiosk.settings.camera.replay", c.source().substring("replay:".length()));
        }
        if (c.name() == null) {
            return lang.get("kiosk.settings.camera.first");
        }
        return c.connected() ? c.name() : lang.get("kiosk.settings.camera.notConnected", c.name());
    }

    public String languageLabel(String tag) {
        return tag == null ? "" : lang.get("kiosk.settings.language." + tag);
    }

    /** Checks the PIN fields, writes kiosk.json off the FX thread, then hands the new configuration on. */
    public void save() {
        if (busy.get()) {
            return;
        }
        String pin = newPin.get() == null ? "" : newPin.get().strip();
        if (pinRequired.get() || !pin.isEmpty()) {
            if (!pin.matches("\\d{4,8}")) {
                fail(lang.get(pinRequired.get() && pin.isEmpty() ? "kiosk.settings.pinRequired" : "kiosk.settings.pinFormat"));
                return;
            }
            if (!pin.equals(newPinRepeat.get() == null ? "" : newPinRepeat.get().strip())) {
                fail(lang.get("kiosk.settings.pinMismatch"));
                return;
            }
        }
        CameraChoice cam = camera.get();
        if (cam == null) {
            fail(lang.get("kiosk.settings.cameraRequired"));
            return;
        }
        Resolution res = resolution.get();
        KioskSettings s = new KioskSettings(cam.source(), cam.name(), res.width(), res.height(), language.get(),
                voiceEnabled.get(), voiceLanguage.get(), pin.isEmpty() ? null : pin);
        busy.set(true);
        failed.set(false);
        message.set(lang.get("kiosk.settings.saving"));
        executor.run(() -> saver.save(s), cfg -> {
            busy.set(false);
            newPin.set("");
            newPinRepeat.set("");
            pinRequired.set(cfg.adminPin() == null);
            message.set(lang.get("kiosk.settings.saved"));
            onSaved.accept(cfg);
        }, e -> {
            busy.set(false);
            fail(e instanceof KioskConfigLoader.ConfigException
                    ? lang.get("kiosk.settings.fileBroken", e.getMessage())
                    : lang.get("kiosk.settings.saveFailed", String.valueOf(e.getMessage())));
        });
    }

    /** Re-bind the venue (running kiosk only: in the wizard it was just done). */
    public void rebind() {
        if (mode == Mode.RUNNING && !busy.get()) {
            onRebind.run();
        }
    }

    public void close() {
        if (mode == Mode.RUNNING) {
            onClose.run();
        }
    }

    /** Shows a note from elsewhere (e.g. "bound again: ...") after returning from the bind step. */
    public void note(String text) {
        failed.set(false);
        message.set(text);
    }

    public String title() {
        return lang.get(mode == Mode.WIZARD ? "kiosk.settings.wizardTitle" : "kiosk.settings.title");
    }

    public String saveLabel() {
        return lang.get(mode == Mode.WIZARD ? "kiosk.settings.saveAndStart" : "kiosk.settings.save");
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    public Mode mode() {
        return mode;
    }

    public ObservableList<CameraChoice> cameras() {
        return cameras;
    }

    public ObjectProperty<CameraChoice> cameraProperty() {
        return camera;
    }

    public ObservableList<Resolution> resolutions() {
        return resolutions;
    }

    public ObjectProperty<Resolution> resolutionProperty() {
        return resolution;
    }

    /** False for the scanners: they have no resolution. */
    public ReadOnlyBooleanProperty resolutionAppliesProperty() {
        return resolutionApplies.getReadOnlyProperty();
    }

    public ObservableList<String> languages() {
        return languages;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public BooleanProperty voiceEnabledProperty() {
        return voiceEnabled;
    }

    public StringProperty voiceLanguageProperty() {
        return voiceLanguage;
    }

    public StringProperty newPinProperty() {
        return newPin;
    }

    public StringProperty newPinRepeatProperty() {
        return newPinRepeat;
    }

    /** No admin PIN is configured yet: one must be chosen before saving. */
    public ReadOnlyBooleanProperty pinRequiredProperty() {
        return pinRequired.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cameraMessageProperty() {
        return cameraMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last save was refused or failed (the message says why). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
