package org.venuegate.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Logs in off the UI thread; on success hands over to the next screen, on failure says why and keeps the name. */
public final class LoginViewModel {
    /** The actual login call (the hub client of the mode). */
    @FunctionalInterface
    public interface Authenticator {
        void login(String username, String password) throws Exception;
    }

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Authenticator authenticator;
    private final UiExecutor executor;
    private final Runnable onSuccess;

    private final java.util.function.Function<Throwable, String> wording;

    /** The authenticator's exception message is shown as it is (it words its refusals itself). */
    public LoginViewModel(Authenticator authenticator, UiExecutor executor, Runnable onSuccess) {
        this(authenticator, executor, onSuccess, Throwable::getMessage);
    }

    /** A hub refusal is worded in the screen's language from its error code; the hub's English detail is logged. */
    public LoginViewModel(Authenticator authenticator, UiExecutor executor, Runnable onSuccess, Lang lang) {
        this(authenticator, executor, onSuccess, e -> e instanceof org.venuegate.client.HubSession.HubException h
                ? HubErrors.message(lang, h) : lang.get("hub.error.OTHER"));
    }

    private LoginViewModel(Authenticator authenticator, UiExecutor executor, Runnable onSuccess,
                           java.util.function.Function<Throwable, String> wording) {
        this.authenticator = authenticator;
        this.executor = executor;
        this.onSuccess = onSuccess;
        this.wording = wording;
    }

    public void login() {
        String user = username.get().trim();
        String pw = password.get();
        busy.set(true);
        error.set("");
        executor.run(() -> {
            authenticator.login(user, pw);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            password.set("");
            onSuccess.run();
        }, e -> {
            busy.set(false);
            password.set("");
            error.set(wording.apply(e));
        });
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
