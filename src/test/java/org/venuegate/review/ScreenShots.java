package org.venuegate.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.venuegate.testing.ScreenAudit;

/** Shows a back-office screen at 1366 × 768, writes its PNG to target/screens and runs the scene audit on it. */
final class ScreenShots {
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    private ScreenShots() {
    }

    static Scene show(FxRobot robot, Stage stage, java.util.function.Supplier<Parent> content) {
        Scene[] scene = new Scene[1];
        robot.interact(() -> {
            scene[0] = new Scene(content.get(), WIDTH, HEIGHT);
            stage.setScene(scene[0]);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            stage.show();
        });
        return scene[0];
    }

    /** Snapshot and audit; the findings are added to {@code problems} with the picture's name. */
    static void check(FxRobot robot, Scene scene, Locale locale, Predicate<String> allow, String name, List<String> problems)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", dir.resolve(name).toFile());
        List<String> found = new ArrayList<>();
        robot.interact(() -> found.addAll(ScreenAudit.problems(scene, locale, allow)));
        found.forEach(p -> problems.add(name + ": " + p));
    }
}
