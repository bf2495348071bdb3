package org.venuegate.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("kiosk.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void theCommittedExampleLoads() throws Exception {
        KioskConfig c = KioskConfigLoader.load(Path.of("kiosk-config/kiosk.example.json"));
        assertThat(c.language()).isEqualTo("zh-CN");
        assertThat(c.promptDuration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(c.policy().requireBadge()).isFalse();
    }

    @Test
    void missingFieldsTakeDefaults() throws Exception {
        KioskConfig c = KioskConfigLoader.load(write("{\"entryPolicy\": {\"negativeTestWithinHours\": 48}}"));
        assertThat(c.hubUrl()).isEqualTo("http://localhost:8470");
        assertThat(c.policy().negativeTestWithin()).contains(Duration.ofHours(48));
        assertThat(c.camera().width()).isEqualTo(640);
    }

    @Test
    void brokenFilesNameTheFieldAndTheLine() throws Exception {
        assertThatThrownBy(() -> KioskConfigLoader.load(write("{\n  \"promptSeconds\": \"four\"\n}")))
                .isInstanceOf(KioskConfigLoader.ConfigException.class)
                .hasMessageContaining("line 2").hasMessageContaining("'promptSeconds'").hasMessageContaining("'four'");
        assertThatThrownBy(() -> KioskConfigLoader.load(write("{\"promptSecs\": 4}")))
                .hasMessageContaining("unknown field 'promptSecs'").hasMessageContaining("promptSeconds");
        assertThatThrownBy(() -> KioskConfigLoader.load(write("{\"promptSeconds\": 4,")))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> KioskConfigLoader.load(write("{\"promptSeconds\": 0}")))
                .hasMessageContaining("'promptSeconds' is 0; it must be between 1 and 60");
        assertThatThrownBy(() -> KioskConfigLoader.load(write("{\"camera\": {\"source\": \"usb\"}}")))
                .hasMessageContaining("camera.source");
        assertThatThrownBy(() -> KioskConfigLoader.load(write("{\"language\": \"fr\"}")))
                .hasMessageContaining("zh-CN or en");
        assertThatThrownBy(() -> KioskConfigLoader.load(write("{\"hubUrl\": \"localhost\"}")))
                .hasMessageContaining("hubUrl");
        assertThatThrownBy(() -> KioskConfigLoader.load(write("null"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> KioskConfigLoader.load(dir.resolve("absent.json"))).hasMessageContaining("kiosk.example.json");
        KioskConfigLoader.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(KioskConfigLoader.ConfigException.class,
                () -> KioskConfigLoader.load(write("{\"entryPolicy\": {\"requireBadge\": \"yes\"}}")));
        assertThat(e.field()).isEqualTo("entryPolicy.requireBadge");
    }
}
