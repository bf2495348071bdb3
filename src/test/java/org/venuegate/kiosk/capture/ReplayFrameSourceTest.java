package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFrameSourceTest {
    @TempDir
    Path dir;

    private void write(String name, int grey) throws Exception {
        BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(0, 0, 8, 6);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve(name).toFile());
    }

    @Test
    void playsInNameOrderAndLoops() throws Exception {
        write("b.png", 20);
        write("a.png", 10);
        write("c.png", 30);
        try (ReplayFrameSource s = new ReplayFrameSource(dir, true)) {
            s.open(Duration.ofSeconds(1));
            int[] seen = new int[5];
            for (int i = 0; i < 5; i++) {
                Frame f = s.grab();
                assertThat(f.width()).isEqualTo(8);
                assertThat(f.height()).isEqualTo(6);
                seen[i] = f.lumaAt(3, 3);
            }
            assertThat(seen).containsExactly(10, 20, 30, 10, 20);
        }
    }

    @Test
    void endsWithoutLoop() throws Exception {
        write("a.png", 10);
        try (ReplayFrameSource s = new ReplayFrameSource(dir, false)) {
            s.open(Duration.ofSeconds(1));
            assertThat(s.grab()).isNotNull();
            assertThat(s.grab()).isNull();
            assertThat(s.finished()).isTrue();
        }
    }

    @Test
    void emptyFolderIsUnavailable() {
        ReplayFrameSource s = new ReplayFrameSource(dir, false);
        assertThatThrownBy(() -> s.open(Duration.ofSeconds(1)))
                .isInstanceOf(CameraUnavailableException.class)
                .extracting(e -> ((CameraUnavailableException) e).reason())
                .isEqualTo(CameraUnavailableException.Reason.NO_FRAMES);
    }
}
