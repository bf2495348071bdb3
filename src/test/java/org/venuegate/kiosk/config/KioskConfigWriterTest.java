package org.venuegate.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.json.Json;

class KioskConfigWriterTest {
    @TempDir
    Path dir;

    private static final KioskSettings ENGLISH_HD = new KioskSettings("webcam", "USB Camera", 1280, 720, "en", false, "en", null);

    @Test
    void changesOnlyItsOwnFieldsAndKeepsEverythingElseInPlace() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.copy(Path.of("kiosk-config/kiosk.example.json"), file);
        JsonNode before = Json.mapper().readTree(file.toFile());

        KioskConfig saved = KioskConfigWriter.save(file, ENGLISH_HD);

        assertThat(saved.language()).isEqualTo("en");
        assertThat(saved.camera()).isEqualTo(new KioskConfig.Camera("webcam", "USB Camera", 1280, 720));
        assertThat(saved.voice()).isEqualTo(new KioskConfig.Voice(false, "en"));
        assertThat(saved.adminPin()).isEqualTo("246810");
        assertThat(KioskConfigLoader.load(file)).isEqualTo(saved);

        JsonNode after = Json.mapper().readTree(file.toFile());
        ObjectNode expected = before.deepCopy();
        expected.put("language", "en");
        ((ObjectNode) expected.get("camera")).put("name", "USB Camera").put("width", 1280).put("height", 720);
        ((ObjectNode) expected.get("voice")).put("enabled", false).put("language", "en");
        assertThat(after).isEqualTo(expected);
        assertThat(names(after)).as("the administrator's order of fields").isEqualTo(names(before));
        assertThat(Files.readString(file)).contains("\"hubUrl\": \"http://localhost:8470\"").contains("\n  \"camera\": {\n    \"source\"");
        assertThat(Files.list(dir)).as("no temporary file left behind").containsExactly(file);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void fieldsLeftOutStayLeftOutSoTheyKeepMeaningTheDefault() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{\"hubUrl\": \"http://hub.example:8470\", \"entryPolicy\": {\"requireBadge\": true}}");
        KioskConfig saved = KioskConfigWriter.save(file, ENGLISH_HD);
        JsonNode after = Json.mapper().readTree(file.toFile());
        assertThat(names(after)).containsExactly("hubUrl", "entryPolicy", "language", "camera", "voice");
        assertThat(saved.hubUrl()).isEqualTo("http://hub.example:8470");
        assertThat(saved.policy().requireBadge()).isTrue();
        assertThat(saved.promptSeconds()).isEqualTo(4);
        assertThat(saved.adminPin()).isNull();
    }

    @Test
    void aMissingFileIsCreatedAndANewPinIsWritten() throws Exception {
        Path file = dir.resolve("sub").resolve("kiosk.json");
        KioskConfig saved = KioskConfigWriter.save(file, new KioskSettings("scanner", null, 640, 480, "zh-CN", true, "zh-CN", "13579"));
        assertThat(saved.camera().source()).isEqualTo("scanner");
        assertThat(saved.adminPin()).isEqualTo("13579");
        assertThat(KioskConfigLoader.load(file)).isEqualTo(saved);
    }

    @Test
    void aBrokenFileIsLeftAloneAndTheMessageSaysWhereItIsBroken() throws Exception {
        Path file = dir.resolve("kiosk.json");
        String broken = "{\n  \"promptSeconds\": \"four\"\n}";
        Files.writeString(file, broken);
        assertThatThrownBy(() -> KioskConfigWriter.save(file, ENGLISH_HD))
                .isInstanceOf(KioskConfigLoader.ConfigException.class)
                .hasMessageContaining("line 2").hasMessageContaining("promptSeconds");
        Files.writeString(file, "{\"language\": \"en\",");
        assertThatThrownBy(() -> KioskConfigWriter.save(file, ENGLISH_HD)).hasMessageContaining("not valid JSON");
        assertThat(Files.readString(file)).isEqualTo("{\"language\": \"en\",");
    }

    @Test
    void invalidNewValuesAreRefusedBeforeTheFileIsTouched() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> KioskConfigWriter.save(file, new KioskSettings("webcam", null, 640, 480, "fr", true, "zh-CN", null)))
                .hasMessageContaining("zh-CN or en");
        assertThatThrownBy(() -> KioskConfigWriter.save(file, new KioskSettings("webcam", null, 640, 480, "en", true, "en", "12")))
                .hasMessageContaining("adminPin");
        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    @Test
    void onlyFieldsBuiltIntoTheEngineNeedARestart() throws Exception {
        Path file = dir.resolve("kiosk.json");
        Files.copy(Path.of("kiosk-config/kiosk.example.json"), file);
        KioskConfig running = KioskConfigLoader.load(file);
        assertThat(KioskConfigWriter.save(file, ENGLISH_HD).startupFieldsDiffer(running)).as("camera, language, voice").isFalse();
        Files.writeString(file, Files.readString(file).replace("\"retentionDays\": 28", "\"retentionDays\": 14"));
        assertThat(KioskConfigWriter.save(file, ENGLISH_HD).startupFieldsDiffer(running)).isTrue();
        Files.writeString(file, "{\"entryPolicy\": {\"requireBadge\": true}}");
        assertThat(KioskConfigWriter.save(file, ENGLISH_HD).startupFieldsDiffer(running)).isTrue();
    }
}
