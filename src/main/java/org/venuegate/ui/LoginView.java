package org.venuegate.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The login form the review workstation and the phone share. */
public final class LoginView {
    @FXML
    Label title;
    @FXML
    Label hubLabel;
    @FXML
    TextField username;
    @FXML
    PasswordField password;
    @FXML
    Button submit;
    @FXML
    Label error;

    private LoginViewModel vm;
    private String titleText;
    private String hubText;

    public static Parent load(LoginViewModel vm, Lang lang, String title, String hub) {
        FXMLLoader loader = new FXMLLoader(LoginView.class.getResource("LoginView.fxml"), lang.bundle());
        LoginView view = new LoginView();
        view.vm = vm;
        view.titleText = title;
        view.hubText = hub;
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FXML
    void initialize() {
        title.setText(titleText);
        hubLabel.setText(hubText);
        username.textProperty().bindBidirectional(vm.usernameProperty());
        password.textProperty().bindBidirectional(vm.passwordProperty());
        error.textProperty().bind(vm.errorProperty());
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.login());
    }
}
