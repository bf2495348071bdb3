package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.json.Json;
import org.venuegate.kiosk.capture.CameraUnavailableException;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.config.KioskConfigLoader;
import org.venuegate.kiosk.config.KioskConfigWriter;
import org.venuegate.kiosk.ui.SettingsViewModel.CameraChoice;
import org.venuegate.kiosk.ui.SettingsViewModel.Resolution;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    private final List<KioskConfig> saved = new ArrayList<>();
    private List<String> found = List.of();
    private Exception listFailure;

    private SettingsViewModel vm(KioskConfig current, SettingsViewModel.Mode mode, Path file) {
        return new SettingsViewModel(current, mode, () -> {
            if (listFailure != null) {
                throw listFailure;
            }
            return found;
        }, s -> KioskConfigWriter.save(file, s), new InlineUiExecutor(), new Lang(Locale.ENGLISH), saved::add);
    }

    private Path example() throws IOException {
        Path f = dir.resolve("kiosk.json");
        Files.copy(Path.of("kiosk-config/kiosk.example.json"), f);
        return f;
    }

    @Test
    void noCameraFoundIsAnOrdinaryAnswer() throws Exception {
        Path file = example();
        SettingsViewModel vm = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.RUNNING, file);
        assertThat(vm.cameras()).extracting(vm::label).containsExactly("First camera found", "Code scanner (keyboard)");
        assertThat(vm.label(vm.cameraProperty().get())).isEqualTo("First camera found");
        vm.refreshCameras();
        assertThat(vm.cameraMessageProperty().get()).isEqualTo(
                "No camera found. Choose the code scanner, or connect a camera and press \"Search again\".");
        assertThat(vm.searchingProperty().get()).isFalse();
        assertThat(vm.cameras()).hasSize(2);
    }

    @Test
    void camerasFoundAreListedAndTheSelectionIsKept() throws Exception {
        Path file = example();
        KioskConfig cfg = KioskConfigLoader.load(file);
        KioskConfig named = new KioskConfig(cfg.hubUrl(), cfg.language(), cfg.entryPolicy(),
                new KioskConfig.Camera("webcam", "HD Webcam C270", 640, 480), cfg.voice(), cfg.promptSeconds(),
                cfg.maxAdmissionAgeSeconds(), cfg.clockToleranceSeconds(), cfg.trustListMaxAgeHours(), cfg.retentionDays(), cfg.adminPin());
        SettingsViewModel vm = vm(named, SettingsViewModel.Mode.RUNNING, file);
        assertThat(vm.label(vm.cameraProperty().get())).as("before the search: not known to be connected")
                .isEqualTo("HD Webcam C270 (not connected)");
        found = List.of("USB2.0 Camera /dev/video0", "HD Webcam C270");
        vm.refreshCameras();
        assertThat(vm.cameraMessageProperty().get()).isEqualTo("2 camera(s) found");
        assertThat(vm.cameras()).extracting(vm::label).containsExactly("USB2.0 Camera /dev/video0", "HD Webcam C270",
                "First camera found", "Code scanner (keyboard)");
        assertThat(vm.cameraProperty().get()).isEqualTo(new CameraChoice("webcam", "HD Webcam C270", true));
    }

    @Test
    void aSearchThatTimesOutOrFailsSaysSo() throws Exception {
        Path file = example();
        SettingsViewModel vm = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.RUNNING, file);
        listFailure = new CameraUnavailableException(CameraUnavailableException.Reason.TIMEOUT, "camera discovery did not finish in 3000 ms");
        vm.refreshCameras();
        assertThat(vm.cameraMessageProperty().get()).startsWith("The camera search timed out.");
        listFailure = new CameraUnavailableException(CameraUnavailableException.Reason.DRIVER_ERROR, "camera driver failed: no libv4l");
        vm.refreshCameras();
        assertThat(vm.cameraMessageProperty().get()).isEqualTo("The camera search failed: camera driver failed: no libv4l");
        assertThat(vm.cameras()).hasSize(2);
    }

    @Test
    void aReplayFolderStaysSelectableAndTheScannerHasNoResolution() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{\"camera\": {\"source\": \"replay:training\"}}");
        SettingsViewModel vm = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.RUNNING, file);
        assertThat(vm.label(vm.cameraProperty().get())).isEqualTo("Replay image folder or video training (training)");
        assertThat(vm.resolutionAppliesProperty().get()).isTrue();
        vm.cameraProperty().set(vm.cameras().get(1));
        assertThat(vm.resolutionAppliesProperty().get()).isFalse();
        assertThat(vm.languages()).extracting(vm::languageLabel).containsExactly("简体中文", "English");
    }

    @Test
    void aSerialScannerStaysSelectedWithoutAResolutionAndIsSavedAsItWas() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{\"camera\": {\"source\": \"serial:/dev/ttyACM0@9600\"}, \"adminPin\": \"1234\"}");
        SettingsViewModel vm = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.RUNNING, file);
        assertThat(vm.label(vm.cameraProperty().get())).isEqualTo("Serial-port code scanner /dev/ttyACM0@9600");
        assertThat(vm.resolutionAppliesProperty().get()).isFalse();
        vm.languageProperty().set("en");
        vm.save();
        assertThat(vm.failedProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(KioskConfigLoader.load(file).camera().source()).isEqualTo("serial:/dev/ttyACM0@9600");
    }

    @Test
    void savingWritesOnlyTheChosenFieldsAndHandsTheNewConfigurationOn() throws Exception {
        Path file = example();
        JsonNode before = Json.mapper().readTree(file.toFile());
        SettingsViewModel vm = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.RUNNING, file);
        assertThat(vm.pinRequiredProperty().get()).isFalse();
        vm.cameraProperty().set(vm.cameras().get(1));
        vm.resolutionProperty().set(new Resolution(1280, 720));
        vm.languageProperty().set("en");
        vm.voiceEnabledProperty().set(false);
        vm.voiceLanguageProperty().set("en");

        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("Saved");
        assertThat(vm.failedProperty().get()).isFalse();
        assertThat(saved).hasSize(1);
        KioskConfig now = saved.get(0);
        assertThat(now.language()).isEqualTo("en");
        assertThat(now.camera()).isEqualTo(new KioskConfig.Camera("scanner", null, 1280, 720));
        assertThat(now.voice()).isEqualTo(new KioskConfig.Voice(false, "en"));
        assertThat(now.adminPin()).as("left empty: kept").isEqualTo("246810");
        assertThat(KioskConfigLoader.load(file)).isEqualTo(now);
        ObjectNode expected = before.deepCopy();
        expected.put("language", "en");
        ((ObjectNode) expected.get("camera")).put("source", "scanner").put("width", 1280).put("height", 720);
        ((ObjectNode) expected.get("voice")).put("enabled", false).put("language", "en");
        assertThat(Json.mapper().readTree(file.toFile())).isEqualTo(expected);
    }

    @Test
    void withoutAPinTheWizardMakesTheAdministratorChooseOne() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{}");
        SettingsViewModel vm = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.WIZARD, file);
        assertThat(vm.pinRequiredProperty().get()).isTrue();
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose an admin PIN");
        vm.newPinProperty().set("12a4");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("The admin PIN must be 4 to 8 digits");
        vm.newPinProperty().set("135790");
        vm.newPinRepeatProperty().set("135791");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("The two PINs differ");
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(saved).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("{}");

        vm.newPinRepeatProperty().set("135790");
        assertThat(vm.cameraProperty().get()).as("no camera searched for yet: none preselected").isNull();
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose how codes are read: a camera or the code scanner");
        assertThat(saved).isEmpty();
        found = List.of("USB Camera");
        vm.refreshCameras();
        assertThat(vm.label(vm.cameraProperty().get())).isEqualTo("First camera found");
        vm.save();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).adminPin()).isEqualTo("135790");
        assertThat(KioskConfigLoader.load(file).adminPin()).isEqualTo("135790");
        assertThat(vm.pinRequiredProperty().get()).isFalse();
        assertThat(vm.newPinProperty().get()).as("a PIN never stays in a field").isEmpty();
    }

    @Test
    void aBrokenFileIsNotOverwrittenAndTheMessageSaysWhy() throws Exception {
        Path file = example();
        KioskConfig loaded = KioskConfigLoader.load(file);
        String broken = "{\n  \"retentionDays\": \"lots\"\n}\n";
        Files.writeString(file, broken); // someone edited it while the kiosk ran
        SettingsViewModel vm = vm(loaded, SettingsViewModel.Mode.RUNNING, file);
        vm.languageProperty().set("en");
        vm.save();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Settings not saved; kiosk.json was left unchanged: ")
                .contains("line 2").contains("'retentionDays'").endsWith("Ask the administrator to fix the file, then save again.");
        assertThat(Files.readString(file)).isEqualTo(broken);
        assertThat(saved).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFileThatCannotBeWrittenSaysSo() throws Exception {
        SettingsViewModel vm = new SettingsViewModel(KioskConfig.defaults(), SettingsViewModel.Mode.RUNNING, List::of, s -> {
            throw new IOException("kiosk-config is read-only");
        }, new InlineUiExecutor(), new Lang(Locale.ENGLISH), saved::add);
        vm.newPinProperty().set("2468");
        vm.newPinRepeatProperty().set("2468");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Settings not saved: kiosk-config is read-only");
        assertThat(saved).isEmpty();
    }

    @Test
    void theWizardDoesNotPreselectACameraItDidNotFind() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{\"camera\": {\"source\": \"webcam\"}}");
        SettingsViewModel vm = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.WIZARD, file);
        assertThat(vm.cameraProperty().get()).as("before the search").isNull();
        vm.refreshCameras();
        assertThat(vm.cameraMessageProperty().get()).startsWith("No camera found");
        assertThat(vm.cameraProperty().get()).as("nothing found, nothing chosen").isNull();
        assertThat(vm.cameras()).extracting(vm::label).contains("First camera found", "Code scanner (keyboard)");

        // the gatekeeper picks the scanner; a later search keeps that choice
        SettingsViewModel.CameraChoice scanner = vm.cameras().stream().filter(c -> c.source().equals("scanner")).findFirst().orElseThrow();
        vm.cameraProperty().set(scanner);
        found = List.of("USB Camera");
        vm.refreshCameras();
        assertThat(vm.cameraProperty().get()).isEqualTo(scanner);
    }

    @Test
    void theWizardPreselectsANamedCameraOnlyWhenItIsFound() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{\"camera\": {\"source\": \"webcam\", \"name\": \"Door cam\"}}");
        KioskConfig cfg = KioskConfigLoader.load(file);
        found = List.of("USB Camera");
        SettingsViewModel vm = vm(cfg, SettingsViewModel.Mode.WIZARD, file);
        vm.refreshCameras();
        assertThat(vm.cameraProperty().get()).as("Door cam is not connected").isNull();
        assertThat(vm.cameras()).extracting(vm::label).contains("Door cam (not connected)", "USB Camera");

        found = List.of("USB Camera", "Door cam");
        SettingsViewModel again = vm(cfg, SettingsViewModel.Mode.WIZARD, file);
        again.refreshCameras();
        assertThat(again.label(again.cameraProperty().get())).isEqualTo("Door cam");

        // the running kiosk's settings keep showing what it runs with, found or not
        found = List.of();
        SettingsViewModel running = vm(cfg, SettingsViewModel.Mode.RUNNING, file);
        running.refreshCameras();
        assertThat(running.label(running.cameraProperty().get())).isEqualTo("Door cam (not connected)");
    }

    @Test
    void backInTheWizardOnlyAndNotWhileSaving() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{}");
        int[] backs = new int[1];
        SettingsViewModel wizard = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.WIZARD, file).onBack(() -> backs[0]++);
        wizard.back();
        assertThat(backs[0]).isEqualTo(1);
        SettingsViewModel running = vm(KioskConfigLoader.load(file), SettingsViewModel.Mode.RUNNING, file).onBack(() -> backs[0]++);
        running.back();
        assertThat(backs[0]).isEqualTo(1);
    }
}
