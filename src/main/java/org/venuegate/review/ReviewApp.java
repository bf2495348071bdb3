package org.venuegate.review;

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
import org.venuegate.ui.UiExecutor;

/** Composition root of the review workstation: one OkHttpClient, one executor, login then the queue. */
public final class ReviewApp extends Application {
    /** Set by the launcher before {@link Application#launch}; JavaFX gives no constructor arguments. */
    static volatile String hubUrl = "http://localhost:8470";
    static volatile String language = "zh-CN";

    public static void launch(String hub, String lang) {
        hubUrl = hub;
        language = lang;
        Application.launch(ReviewApp.class);
    }

    private final OkHttpClient http = new OkHttpClient();
    private final FxUiExecutor executor = new FxUiExecutor();

    @Override
    public void start(Stage stage) {
        open(stage, http, executor, hubUrl, language, null, null);
    }

    /**
     * Opens the review workstation on a stage; with credentials it signs in at once (the demo does).
     * Shared by this app and the demo, which runs every window in one JavaFX application.
     */
    public static void open(Stage stage, OkHttpClient http, UiExecutor executor, String hub, String lang, String user,
                            String password) {
        Lang l = Lang.of(lang);
        // JavaFX's own texts and the date pickers (zh-CN weeks start on Monday) follow the default locale
        l.useAsDefault();
        ReviewHubClient client = new ReviewHubClient(http, hub);
        StackPane root = new StackPane();
        QueueViewModel queue = new QueueViewModel(client, executor, l, ZoneId.of("Asia/Shanghai"));
        LoginViewModel login = new LoginViewModel(client::login, executor, () -> {
            root.getChildren().setAll(ReviewView.load(queue, l, posters(client), new AdminViewModel(client, executor, l)));
            queue.refresh();
        });
        // An expired session asks for the password again on top of the queue; what was typed stays in the ViewModel.
        LoginViewModel relogin = new LoginViewModel(client::login, executor, () -> {
            root.getChildren().remove(root.getChildren().size() - 1);
            queue.sessionRenewed();
        });
        queue.sessionExpiredProperty().addListener((o, was, expired) -> {
            if (expired) {
                Parent form = LoginView.load(relogin, l, l.get("review.sessionExpired"), l.get("login.hub", hub));
                form.setStyle("-fx-background-color: rgba(255,255,255,0.92);");
                relogin.usernameProperty().set(client.username() == null ? "" : client.username());
                root.getChildren().add(form);
            }
        });
        root.getChildren().setAll(LoginView.load(login, l, l.get("review.title"), l.get("login.hub", hub)));
        stage.setTitle(l.get("review.title"));
        javafx.geometry.Dimension2D size = org.venuegate.ui.WindowSize.fitting(1280, 760);
        stage.setScene(new Scene(root, size.getWidth(), size.getHeight()));
        stage.show();
        if (user != null) {
            login.usernameProperty().set(user);
            login.passwordProperty().set(password);
            login.login();
        }
    }

    /** Null when this PC has no CJK font: the queue still works, poster buttons then do nothing. */
    private static PosterExporter posters(ReviewHubClient client) {
        try {
            return new PosterExporter(client, new org.venuegate.poster.PosterRenderer(), java.time.Clock.systemUTC());
        } catch (IllegalStateException e) {
            org.slf4j.LoggerFactory.getLogger(ReviewApp.class).warn("Posters unavailable: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public void stop() {
        executor.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
