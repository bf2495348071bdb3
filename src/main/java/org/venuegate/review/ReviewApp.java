package org.venuegate.review;

import java.time.ZoneId;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.venuegate.ui.FxUiExecutor;
import org.venuegate.ui.Lang;
import org.venuegate.ui.LoginView;
import org.venuegate.ui.LoginViewModel;

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
        Lang lang = Lang.of(language);
        ReviewHubClient client = new ReviewHubClient(http, hubUrl);
        StackPane root = new StackPane();
        QueueViewModel queue = new QueueViewModel(client, executor, lang, ZoneId.of("Asia/Shanghai"));
        LoginViewModel login = new LoginViewModel(client::login, executor, () -> {
            root.getChildren().setAll(ReviewView.load(queue, lang));
            queue.refresh();
        });
        root.getChildren().setAll(LoginView.load(login, lang, lang.get("review.title"), lang.get("login.hub", hubUrl)));
        stage.setTitle(lang.get("review.title"));
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    @Override
    public void stop() {
        executor.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
