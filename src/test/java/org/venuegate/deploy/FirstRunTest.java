package org.venuegate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.kiosk.config.KioskConfigLoader;

class FirstRunTest {
    @TempDir
    Path dir;

    @Test
    void firstStartCopiesTheShippedExampleToKioskJson() throws Exception {
        Path configDir = dir.resolve("venuegate/kiosk-config");
        assertThat(FirstRun.ensureKioskConfig(configDir)).isEqualTo(FirstRun.Outcome.CREATED);
        byte[] shipped = Files.readAllBytes(Path.of("kiosk-config/kiosk.example.json"));
        assertThat(Files.readAllBytes(configDir.resolve("kiosk.json"))).isEqualTo(shipped);
        assertThat(Files.readAllBytes(configDir.resolve("kiosk.example.json"))).isEqualTo(shipped);
        // what was copied is a configuration the kiosk accepts
        assertThat(KioskConfigLoader.load(configDir.resolve("kiosk.json")).hubUrl()).isEqualTo("http://localhost:8470");
        try (var s = Files.list(configDir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kiosk.json", "kiosk.example.json");
        }
    }

    @Test
    void anExistingConfigurationIsNeverOverwritten() throws Exception {
        Path configDir = dir.resolve("kiosk-config");
        Files.createDirectories(configDir);
        String mine = "{\"hubUrl\": \"https://hub.example.org\", \"adminPin\": \"9731\"}\n";
        Files.writeString(configDir.resolve("kiosk.json"), mine, StandardCharsets.UTF_8);
        assertThat(FirstRun.ensureKioskConfig(configDir, "{\"new\": true}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(FirstRun.Outcome.EXISTED);
        assertThat(Files.readString(configDir.resolve("kiosk.json"))).isEqualTo(mine);
        // the example beside it is brought up to date
        assertThat(Files.readString(configDir.resolve("kiosk.example.json"))).isEqualTo("{\"new\": true}");
        assertThat(FirstRun.ensureKioskConfig(configDir)).isEqualTo(FirstRun.Outcome.EXISTED);
        assertThat(Files.readString(configDir.resolve("kiosk.json"))).isEqualTo(mine);
    }
}
