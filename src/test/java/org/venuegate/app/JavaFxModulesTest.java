package org.venuegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaFxModulesTest {
    @Test
    void onlyTheWindowedCommandsNeedJavaFx() {
        assertThat(JavaFxModules.opensWindows(new String[0])).as("no subcommand runs the demo").isTrue();
        for (String cmd : new String[] {"demo", "kiosk", "review", "phone"}) {
            assertThat(JavaFxModules.opensWindows(new String[] {cmd, "--lang", "en"})).as(cmd).isTrue();
        }
        for (String cmd : new String[] {"hub", "keys", "codes", "bench", "--version", "--help", "Demo"}) {
            assertThat(JavaFxModules.opensWindows(new String[] {cmd})).as(cmd).isFalse();
        }
    }

    @Test
    void theRelaunchKeepsJavaOptionsAndClassPathAndPutsJavaFxOnTheModulePath() {
        List<String> cmd = JavaFxModules.relaunchCommand(Path.of("/jdk/bin/java"), List.of("-Xmx512m", "-Dx=1"),
                Path.of("/app/javafx"), "/app/venuegate.jar", new String[] {"demo", "--lang", "en"});
        assertThat(cmd).containsExactly("/jdk/bin/java", "-Xmx512m", "-Dx=1",
                "--module-path", "/app/javafx", "--add-modules", "javafx.controls,javafx.fxml,javafx.swing",
                "-Dvenuegate.javafx.relaunched=true", "-cp", "/app/venuegate.jar", "org.venuegate.app.Launcher",
                "demo", "--lang", "en");
    }

    @Test
    void fromClassesOnTheClassPathNothingIsRelaunched() {
        // Surefire runs from target/classes with JavaFX on the class path: no jar, so no javafx folder beside it.
        assertThat(JavaFxModules.named()).isFalse();
        assertThat(JavaFxModules.present()).isTrue();
        assertThat(JavaFxModules.besideJar()).isEmpty();
        assertThat(JavaFxModules.relaunchFolder(new String[] {"demo"})).isEmpty();
        assertThat(JavaFxModules.childJvmOptions()).isEmpty();
    }
}
