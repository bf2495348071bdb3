package org.venuegate.kiosk.ui;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.util.StringConverter;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** Camera, resolution, language, voice and PIN. Thin: binds to {@link SettingsViewModel}, which words every choice. */
public final class SettingsView {
    @FXML
    Label title;
    @FXML
    ComboBox<SettingsViewModel.CameraChoice> camera;
    @FXML
    Button refresh;
    @FXML
    Label cameraMessage;
    @FXML
    ComboBox<SettingsViewModel.Resolution> resolution;
    @FXML
    ComboBox<String> language;
    @FXML
    CheckBox voiceEnabled;
    @FXML
    ComboBox<String> voiceLanguage;
    @FXML
    PasswordField newPin;
    @FXML
    PasswordField newPinRepeat;
    @FXML
    Label pinHint;
    @FXML
    Label message;
    @FXML
    Button back;
    @FXML
    Button rebind;
    @FXML
    Button close;
    @FXML
    Button save;

    private SettingsViewModel vm;
    private Lang lang;

    public static Parent load(SettingsViewModel vm, Lang lang) {
        SettingsView view = new SettingsView();
        view.vm = vm;
        view.lang = lang;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        title.setText(vm.title());
        camera.setItems(vm.cameras());
        camera.setConverter(converter(vm::label));
        camera.valueProperty().bindBidirectional(vm.cameraProperty());
        refresh.setOnAction(e -> vm.refreshCameras());
        refresh.disableProperty().bind(vm.searchingProperty());
        cameraMessage.textProperty().bind(vm.cameraMessageProperty());
        resolution.setItems(vm.resolutions());
        resolution.setConverter(converter(r -> r == null ? "" : r.width() + " × " + r.height()));
        resolution.valueProperty().bindBidirectional(vm.resolutionProperty());
        resolution.disableProperty().bind(vm.resolutionAppliesProperty().not());
        language.setItems(vm.languages());
        language.setConverter(converter(vm::languageLabel));
        language.valueProperty().bindBidirectional(vm.languageProperty());
        voiceEnabled.selectedProperty().bindBidirectional(vm.voiceEnabledProperty());
        voiceLanguage.setItems(vm.languages());
        voiceLanguage.setConverter(converter(vm::languageLabel));
        voiceLanguage.valueProperty().bindBidirectional(vm.voiceLanguageProperty());
        voiceLanguage.disableProperty().bind(vm.voiceEnabledProperty().not());
        newPin.textProperty().bindBidirectional(vm.newPinProperty());
        newPinRepeat.textProperty().bindBidirectional(vm.newPinRepeatProperty());
        pinHint.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pinRequiredProperty())
                .then(lang.get("kiosk.settings.pinHintRequired")).otherwise(lang.get("kiosk.settings.pinHintOptional")));
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, a, failed) -> message.pseudoClassStateChanged(BindVenueView.REFUSED, failed));
        boolean running = vm.mode() == SettingsViewModel.Mode.RUNNING;
        back.setVisible(!running);
        back.setManaged(!running);
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.busyProperty());
        rebind.setVisible(running);
        rebind.setManaged(running);
        rebind.setOnAction(e -> vm.rebind());
        close.setVisible(running);
        close.setManaged(running);
        close.setOnAction(e -> vm.close());
        save.setText(vm.saveLabel());
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return label.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("the lists are not editable");
            }
        };
    }
}
