package org.venuegate.phone;

import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;
import org.venuegate.ui.LoginView;
import org.venuegate.ui.LoginViewModel;
import org.venuegate.ui.WindowSize;

/** Composition root of the phone simulator: one OkHttpClient, one executor, login then the health-code page. */
public final class PhoneApp extends Application {
    /**
     * Phone-sized, like a handset less its system bars, and short enough that the window with its title bar fits a
     * 1366 x 768 screen above the taskbar (768 - 40 - 40 = 688); smaller screens get less (the pages scroll).
     */
    public static final double WIDTH = 390;
    public static final double HEIGHT = 680;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Set by the launcher before {@link Application#launch}; JavaFX gives no constructor arguments. */
    static volatile String hubUrl = "http://localhost:8470";
    static volatile String language = "zh-CN";

    public static void launch(String hub, String lang) {
        hubUrl = hub;
        language = lang;
        Application.launch(PhoneApp.class);
    }

    private final OkHttpClient http = new OkHttpClient();
    private final FxUiExecutor executor = new FxUiExecutor();
    private Phone phone;

    @Override
    public void start(Stage stage) {
        // JavaFX's own texts (a text field's context menu, dialogs) follow the default locale: the phone's language.
        java.util.Locale.setDefault(Lang.of(language).locale());
        org.venuegate.kiosk.voice.SoundVoice sound = new org.venuegate.kiosk.voice.SoundVoice(language);
        phone = Phone.open(stage, http, executor, hubUrl, Lang.of(language), venueName -> sound.announcePass());
    }

    @Override
    public void stop() {
        executor.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /**
     * One phone window, for {@link PhoneApp} and for the demo (which opens it on a stage of its own, with a shared
     * client and executor): login, then the page. {@link #healthCode()} exposes the unveiled code to the virtual camera.
     */
    public static final class Phone {
        private final HealthCodeViewModel healthCode;
        private final ApplicationViewModel applications;
        private final Scene scene;

        private Phone(HealthCodeViewModel healthCode, ApplicationViewModel applications, Scene scene) {
            this.healthCode = healthCode;
            this.applications = applications;
            this.scene = scene;
        }

        public static Phone open(Stage stage, OkHttpClient http, FxUiExecutor executor, String hubUrl, Lang lang, PhoneVoice voice) {
            return open(stage, http, executor, hubUrl, lang, voice, null, null);
        }

        /** With credentials the phone signs in at once (the demo does). */
        public static Phone open(Stage stage, OkHttpClient http, FxUiExecutor executor, String hubUrl, Lang lang, PhoneVoice voice,
                                 String user, String password) {
            PhoneHubClient client = new PhoneHubClient(http, hubUrl);
            HealthCodeViewModel code = new HealthCodeViewModel(client, executor, lang, voice, Clock.systemUTC(), ZONE);
            ApplicationViewModel apps = new ApplicationViewModel(client, executor, lang, ZONE);
            StackPane root = new StackPane();
            root.getStyleClass().add("phone-root");
            // The hub's English reason goes to the log; the person reads it in the phone's language.
            LoginViewModel login = new LoginViewModel((u, p) -> {
                try {
                    client.login(u, p);
                } catch (PhoneHubClient.HubException e) {
                    throw new PhoneHubClient.HubException(e.status(), e.code(), PhoneErrors.message(lang, e));
                }
            }, executor, () -> {
                Parent page = PhoneView.load(code, apps, lang);
                root.getChildren().setAll(page);
                code.load();
            });
            root.getChildren().setAll(LoginView.load(login, lang, lang.get("phone.title"), lang.get("login.hub", hubUrl)));
            javafx.geometry.Dimension2D size = WindowSize.fitting(WIDTH, HEIGHT);
            Scene scene = new Scene(root, size.getWidth(), size.getHeight());
            stage.setTitle(lang.get("phone.title"));
            stage.setScene(scene);
            // A stage that held a larger scene before (the demo's, a test's) would stretch this one to its own size.
            stage.sizeToScene();
            stage.setResizable(false);
            stage.show();
            if (user != null) {
                login.usernameProperty().set(user);
                login.passwordProperty().set(password);
                login.login();
            }
            return new Phone(code, apps, scene);
        }

        public HealthCodeViewModel healthCode() {
            return healthCode;
        }

        public ApplicationViewModel applications() {
            return applications;
        }

        /** The phone's scene: the demo's virtual camera snapshots it. */
        public Scene scene() {
            return scene;
        }
    }
}
