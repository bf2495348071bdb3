package org.venuegate.ui;

import javafx.fxml.FXML;
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
        LoginView view = new LoginView();
        view.vm = vm;
        view.titleText = title;
        view.hubText = hub;
        return Fxml.load(view, lang);
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
