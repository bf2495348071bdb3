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

    private static String source(String value) {
        return "{\"camera\": {\"source\": \"" + value.replace("\\", "\\\\") + "\"}}";
    }

    private KioskConfigLoader.ConfigException refused(String json) {
        return org.junit.jupiter.api.Assertions.assertThrows(KioskConfigLoader.ConfigException.class,
                () -> KioskConfigLoader.load(write(json)));
    }

    @Test
    void serialScannersAreNamedByPortAndOptionalBaudRate() throws Exception {
        assertThat(KioskConfigLoader.load(write(source("serial:/dev/ttyACM0"))).camera().parsedSource())
                .isEqualTo(new CameraSource.Serial("/dev/ttyACM0", 9600));
        assertThat(KioskConfigLoader.load(write(source("serial:COM3@115200"))).camera().parsedSource())
                .isEqualTo(new CameraSource.Serial("COM3", 115200));
    }

    @Test
    void malformedSerialValuesNameTheFieldAndWhatIsWrong() throws Exception {
        KioskConfigLoader.ConfigException noPort = refused(source("serial:"));
        assertThat(noPort.field()).isEqualTo("camera.source");
        assertThat(noPort).hasMessageContaining("field 'camera.source': 'serial:'").hasMessageContaining("names no port");
        assertThat(refused(source("serial:@9600"))).hasMessageContaining("names no port");
        assertThat(refused(source("serial:/dev/ttyACM0@fast"))).hasMessageContaining("baud rate 'fast' is not a whole number");
        assertThat(refused(source("serial:/dev/ttyACM0@"))).hasMessageContaining("baud rate '' is not a whole number");
        assertThat(refused(source("serial:COM3@12"))).hasMessageContaining("baud rate 12 must be between 300 and 4000000");
        assertThat(refused(source("serial:/dev/tty ACM0"))).hasMessageContaining("must not contain spaces");
        assertThat(refused(source("usb"))).hasMessageContaining("serial:PORT[@BAUD]").hasMessageContaining("replay:");
    }

    @Test
    void replayTakesAFolderOrAVideoFileAndChecksTheFileUpFront() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("frames"));
        assertThat(KioskConfigLoader.load(write(source("replay:" + folder))).camera().parsedSource())
                .isEqualTo(new CameraSource.ReplayFolder(folder));
        Path video = org.venuegate.testing.TestVideos.write(dir.resolve("clip.mp4"), 10,
                java.util.List.of(org.venuegate.testing.TestVideos.flat(64, 48, 128)));
        KioskConfig c = KioskConfigLoader.load(write("{\"camera\": {\"source\": \"replay:" + video + "\", \"replayLoop\": false, "
                + "\"replayPace\": \"fastest\"}}"));
        assertThat(c.camera().parsedSource()).isEqualTo(new CameraSource.ReplayVideo(video));
        assertThat(c.camera().loopReplay()).isFalse();
        assertThat(c.camera().fastestReplay()).isTrue();
        KioskConfig dflt = KioskConfigLoader.load(write(source("replay:" + video)));
        assertThat(dflt.camera().loopReplay()).isTrue();
        assertThat(dflt.camera().fastestReplay()).isFalse();

        assertThat(refused(source("replay:" + dir.resolve("absent.mp4")))).hasMessageContaining("absent.mp4 does not exist");
        Files.writeString(dir.resolve("notes.mov"), "these are notes, not a film");
        assertThat(refused(source("replay:" + dir.resolve("notes.mov")))).hasMessageContaining("is not an MP4/MOV file");
        Files.write(dir.resolve("empty.mp4"), new byte[0]);
        assertThat(refused(source("replay:" + dir.resolve("empty.mp4")))).hasMessageContaining("empty.mp4 is empty");
        assertThat(refused(source("replay:" + dir.resolve("clip.avi")))).hasMessageContaining(".avi files cannot be replayed")
                .hasMessageContaining("H.264");
        assertThat(refused(source("replay:"))).hasMessageContaining("names no folder or video file");
        KioskConfigLoader.ConfigException pace = refused("{\"camera\": {\"replayPace\": \"slow\"}}");
        assertThat(pace.field()).isEqualTo("camera.replayPace");
        assertThat(pace).hasMessageContaining("realtime or fastest");
    }
}
