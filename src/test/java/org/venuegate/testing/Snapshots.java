package org.venuegate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves what a scene shows as a PNG under target/screens (the README's screenshots are copied from there). */
public final class Snapshots {
    private Snapshots() {
    }

    public static Path save(FxRobot robot, Scene scene, String name) {
        try {
            Path dir = Path.of("target", "screens");
            Files.createDirectories(dir);
            WritableImage[] holder = new WritableImage[1];
            robot.interact(() -> holder[0] = scene.snapshot(null));
            Path file = dir.resolve(name);
            ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
