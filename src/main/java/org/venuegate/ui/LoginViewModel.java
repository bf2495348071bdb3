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

    public LoginViewModel(Authenticator authenticator, UiExecutor executor, Runnable onSuccess) {
        this.authenticator = authenticator;
        this.executor = executor;
        this.onSuccess = onSuccess;
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
            error.set(e.getMessage());
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
