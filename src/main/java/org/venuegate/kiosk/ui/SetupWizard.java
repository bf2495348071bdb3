package org.venuegate.kiosk.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * The first-run wizard on the kiosk's stage: 1. the one-time pairing code, 2. the venue's poster (bind), 3. camera,
 * language, voice and, when none is set, the admin PIN. Then it hands the saved configuration to the caller, which
 * starts scanning. A kiosk that was paired from the command line starts at step 2; there is no way to skip binding.
 */
public final class SetupWizard {
    private static final Logger LOG = LoggerFactory.getLogger(SetupWizard.class);

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
    private BindVenueViewModel bind;

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
        switch (step) {
            case PAIR -> showPairing();
            case BIND -> showBind();
            case RUN -> onDone.accept(config);
        }
    }

    private void showPairing() {
        PairingViewModel vm = new PairingViewModel(services.pairing(), executor, lang, paired -> showBind());
        show(PairingView.load(vm, lang, config.hubUrl()));
    }

    private void showBind() {
        Path configDir = configFile.toAbsolutePath().getParent();
        executor.run(() -> BindingContext.load(configDir), ctx -> {
            if (services.http() != null) {
                executor.run(() -> {
                    ctx.refreshTrust(services.http());
                    return Boolean.TRUE;
                }, ok -> { }, e -> LOG.info("trust list not refreshed before binding ({}); using the stored one", e.getMessage()));
            }
            bind = new BindVenueViewModel(ctx.binder()::bind, services.feeds().apply(config.camera()), executor, lang,
                    ctx.device().venueName(), ctx.device().venueNumber(), SettingsViewModel.Mode.WIZARD,
                    binding -> showSettings(), () -> { });
            show(BindVenueView.load(bind, lang));
            bind.start();
        }, this::fail);
    }

    private void showSettings() {
        bind = null;
        SettingsViewModel vm = new SettingsViewModel(config, SettingsViewModel.Mode.WIZARD, services.cameras(),
                s -> KioskConfigWriter.save(configFile, s), executor, lang, onDone);
        show(SettingsView.load(vm, lang));
        vm.refreshCameras();
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
            stage.setScene(new Scene(root, 1280, 800));
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
