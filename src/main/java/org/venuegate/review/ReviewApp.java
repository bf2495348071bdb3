package org.venuegate.review;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.venuegate.api.Role;
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
        // An expired session asks for the password again on top of the screen; what was typed stays in the ViewModels.
        List<Runnable> renewals = new ArrayList<>();
        renewals.add(queue::sessionRenewed);
        Parent[] overlay = new Parent[1];
        LoginViewModel relogin = new LoginViewModel(client::login, executor, () -> {
            root.getChildren().remove(overlay[0]);
            overlay[0] = null;
            renewals.forEach(Runnable::run);
        }, l);
        Runnable askAgain = () -> {
            if (overlay[0] == null) {
                overlay[0] = LoginView.load(relogin, l, l.get("review.sessionExpired"), l.get("login.hub", hub));
                overlay[0].setStyle("-fx-background-color: rgba(255,255,255,0.92);");
                relogin.usernameProperty().set(client.username() == null ? "" : client.username());
                root.getChildren().add(overlay[0]);
            }
        };
        SessionWatch watch = (expired, renew) -> {
            expired.addListener((o, was, now) -> {
                if (now) {
                    askAgain.run();
                }
            });
            renewals.add(renew);
        };
        watch.watch(queue.sessionExpiredProperty(), () -> { });
        LoginViewModel[] login = new LoginViewModel[1];
        login[0] = new LoginViewModel(client::login, executor, () -> {
            Parent screen = screenFor(client, executor, l, queue, watch);
            if (screen == null) {
                // A citizen (or any role without screens here) is told so and stays at the login.
                root.getChildren().setAll(LoginView.load(login[0], l, l.get("bo.app.noScreens"), l.get("login.hub", hub)));
                return;
            }
            root.getChildren().setAll(screen);
        }, l);
        root.getChildren().setAll(LoginView.load(login[0], l, l.get("review.title"), l.get("login.hub", hub)));
        stage.setTitle(l.get("review.title"));
        javafx.geometry.Dimension2D size = org.venuegate.ui.WindowSize.fitting(1280, 760);
        stage.setScene(new Scene(root, size.getWidth(), size.getHeight()));
        stage.show();
        if (user != null) {
            login[0].usernameProperty().set(user);
            login[0].passwordProperty().set(password);
            login[0].login();
        }
    }

    /** How long a kiosk may stay silent before the dashboard marks it ({@code -Dvenuegate.fleet.silentMinutes}). */
    static Duration silentAfter() {
        return Duration.ofMinutes(Long.getLong("venuegate.fleet.silentMinutes", 30L));
    }

    /**
     * The screens of the role the hub gave at login, and only those: a reviewer gets the queue (and the dashboard),
     * an admin the admin screens (and the dashboard), a tracer the tracer screen. Null for any other role.
     */
    static Parent screenFor(ReviewHubClient client, UiExecutor executor, Lang l, QueueViewModel queue) {
        return screenFor(client, executor, l, queue, (expired, renew) -> { });
    }

    /** Where a screen's "session expired" goes: the window asks for the password again, then calls {@code renew}. */
    @FunctionalInterface
    interface SessionWatch {
        void watch(javafx.beans.value.ObservableBooleanValue expired, Runnable renew);
    }

    static Parent screenFor(ReviewHubClient client, UiExecutor executor, Lang l, QueueViewModel queue, SessionWatch watch) {
        Role role = client.role();
        // The dashboard opens from the screen's own toolbar (one toolbar, not a bar above it), for the roles
        // DashboardViewModel.shownTo allows; the view models refuse it to any other.
        DashboardViewModel dashboard = null;
        if (DashboardViewModel.shownTo(role)) {
            dashboard = new DashboardViewModel(client, executor, l, Clock.systemUTC(), silentAfter());
            watch.watch(dashboard.sessionExpiredProperty(), dashboard::sessionRenewed);
        }
        if (role == Role.REVIEWER) {
            queue.offerDashboard(dashboard);
            // The queue's own admin button stays hidden: reviewers never see admin tools.
            Parent queueView = ReviewView.load(queue, l, posters(client), null);
            queue.refresh();
            return queueView;
        }
        if (role == Role.ADMIN) {
            AdminViewModel admin = new AdminViewModel(client, executor, l);
            admin.offerDashboard(dashboard);
            watch.watch(admin.sessionExpiredProperty(), admin::sessionRenewed);
            Parent adminView = AdminView.load(admin, l);
            admin.refresh();
            return adminView;
        }
        if (role == Role.TRACER) {
            TracerViewModel tracer = new TracerViewModel(client, executor, l);
            watch.watch(tracer.sessionExpiredProperty(), tracer::sessionRenewed);
            return TracerView.load(tracer, l);
        }
        return null;
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
