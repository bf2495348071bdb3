package org.venuegate.kiosk.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Dimension2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigWriter;
import org.venuegate.kiosk.setup.BindingContext;
import org.venuegate.kiosk.setup.CodeFeed;
import org.venuegate.kiosk.setup.KioskSetup;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;
import org.venuegate.ui.WindowSize;

/**
 * The first-run wizard on the kiosk's stage: 1. the one-time pairing code, 2. the venue's poster (bind), 3. camera,
 * language, voice and, when none is set, the admin PIN. Then it hands the saved configuration to the caller, which
 * starts scanning. A kiosk that was paired from the command line starts at step 2; there is no way to skip binding.
 * Which step shows is {@link SetupWizardViewModel}'s; this class builds that step's view. Back keeps what was done
 * (see the view model); step 3's choices are kept while the gatekeeper goes back and forth.
 */
public final class SetupWizard {
    private static final Logger LOG = LoggerFactory.getLogger(SetupWizard.class);
    /** The wizard's scene; shrunk to the screen, so it fits 1366 × 768 with a title bar. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 720;

    /**
     * What the steps need from outside.
     *
     * @param pairing the hub call that pairs (and writes device.json and the trust list)
     * @param feeds   opens the configured camera for the bind step
     * @param cameras lists webcams for step 3
     * @param http    for a trust-list refresh before binding; null to skip it (tests, offline)
     */
    public record Services(PairingViewModel.Action pairing, Function<KioskConfig.Camera, CodeFeed> feeds,
                           SettingsViewModel.CameraLister cameras, OkHttpClient http) {
    }

    private final Stage stage;
    private final UiExecutor executor;
    private final Path configFile;
    private final KioskConfig config;
    private final Services services;
    private final Consumer<KioskConfig> onDone;
    private final Lang lang;
    private SetupWizardViewModel wizard;
    private BindVenueViewModel bind;
    private SettingsViewModel settings;
    private Parent settingsRoot;
    private boolean done;

    /** @param onDone called on the FX thread with the configuration saved in step 3 */
    public SetupWizard(Stage stage, UiExecutor executor, Path configFile, KioskConfig config, Services services,
                       Consumer<KioskConfig> onDone) {
        this.stage = stage;
        this.executor = executor;
        this.configFile = configFile;
        this.config = config;
        this.services = services;
        this.onDone = onDone;
        this.lang = Lang.of(config.language());
    }

    public void start(KioskSetup.Step step) {
        stage.setTitle(lang.get("kiosk.title"));
        if (step == KioskSetup.Step.RUN) {
            onDone.accept(config);
            return;
        }
        wizard = new SetupWizardViewModel(lang, step);
        wizard.stepProperty().addListener((o, a, s) -> showStep(s));
        wizard.stepLineProperty().addListener((o, a, line) -> stage.setTitle(lang.get("kiosk.setup.windowTitle", line)));
        stage.setTitle(lang.get("kiosk.setup.windowTitle", wizard.stepLineProperty().get()));
        showStep(wizard.stepProperty().get());
    }

    /** The wizard's model, for tests that drive it. */
    SetupWizardViewModel model() {
        return wizard;
    }

    private Path configDir() {
        return configFile.toAbsolutePath().getParent();
    }

    private void showStep(SetupWizardViewModel.Step step) {
        if (bind != null && step != SetupWizardViewModel.Step.BIND) {
            bind.stop();
            bind = null;
        }
        switch (step) {
            case PAIR -> showPairing();
            case BIND -> showBind();
            case SETTINGS -> showSettings();
        }
    }

    private void showPairing() {
        PairingViewModel vm = new PairingViewModel(services.pairing(), executor, lang, wizard.pairedProperty().get(),
                p -> wizard.paired(new PairingViewModel.PairedVenue(p.venue().name(), p.venue().number())),
                wizard::continuePaired);
        show(PairingView.load(vm, lang, config.hubUrl()));
    }

    private void showBind() {
        executor.run(() -> {
            BindingContext ctx = BindingContext.load(configDir());
            return new Loaded(ctx, existingBinding(ctx));
        }, loaded -> {
            if (wizard.stepProperty().get() != SetupWizardViewModel.Step.BIND) {
                return; // the gatekeeper moved on while device.json was being read
            }
            BindingContext ctx = loaded.ctx();
            wizard.knownPairing(new PairingViewModel.PairedVenue(ctx.device().venueName(), ctx.device().venueNumber()));
            if (services.http() != null) {
                executor.run(() -> {
                    ctx.refreshTrust(services.http());
                    return Boolean.TRUE;
                }, ok -> { }, e -> LOG.info("trust list not refreshed before binding ({}); using the stored one", e.getMessage()));
            }
            bind = new BindVenueViewModel(ctx.binder()::bind, services.feeds().apply(config.camera()), executor, lang,
                    ctx.device().venueName(), ctx.device().venueNumber(), SettingsViewModel.Mode.WIZARD,
                    binding -> wizard.bound(), () -> { }).inWizard(loaded.existing().orElse(null), wizard::back);
            show(BindVenueView.load(bind, lang));
            bind.start();
        }, this::fail);
    }

    private record Loaded(BindingContext ctx, Optional<VenueBinding> existing) {
    }

    /** A binding made earlier in this wizard (Back from step 3) for the venue the kiosk is paired with now. */
    private Optional<VenueBinding> existingBinding(BindingContext ctx) {
        try {
            return VenueBinding.load(configDir()).filter(b -> b.venueId() == ctx.device().venueId());
        } catch (IOException e) {
            LOG.warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    private void showSettings() {
        if (settings == null) {
            settings = new SettingsViewModel(config, SettingsViewModel.Mode.WIZARD, services.cameras(),
                    s -> KioskConfigWriter.save(configFile, s), executor, lang, this::finished).onBack(wizard::back);
            settingsRoot = SettingsView.load(settings, lang);
            show(settingsRoot);
            settings.refreshCameras();
        } else {
            show(settingsRoot); // as it was left: the choices made so far are still there
        }
    }

    private void finished(KioskConfig saved) {
        if (!done) {
            done = true;
            onDone.accept(saved);
        }
    }

    private void fail(Throwable e) {
        Label l = new Label(lang.get("kiosk.setup.failed", String.valueOf(e.getMessage())));
        l.getStyleClass().add("setup-message");
        l.pseudoClassStateChanged(BindVenueView.REFUSED, true);
        l.setWrapText(true);
        VBox box = new VBox(l);
        box.getStyleClass().addAll("kiosk", "setup");
        box.getStylesheets().add(SetupWizard.class.getResource("kiosk.css").toExternalForm());
        show(box);
    }

    private void show(Parent root) {
        if (stage.getScene() == null) {
            Dimension2D size = WindowSize.fitting(WIDTH, HEIGHT);
            stage.setScene(new Scene(root, size.getWidth(), size.getHeight()));
        } else {
            stage.getScene().setRoot(root);
        }
        stage.show();
    }

    /** Closes the bind step's camera if the window goes away mid-step. */
    public void close() {
        if (bind != null) {
            bind.stop();
        }
    }
}
