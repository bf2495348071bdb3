package org.venuegate.poster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes sample posters to target/poster-samples/ for a person to look at; checks only that they were written. */
class PosterSamplesTest {
    @TempDir
    Path keys;

    @Test
    void writesSamplePngs() throws Exception {
        PosterFixtures f = new PosterFixtures(keys);
        PosterRenderer renderer = new PosterRenderer();
        Path out = Path.of("target", "poster-samples");
        Files.createDirectories(out);
        for (ColourMode mode : ColourMode.values()) {
            String m = mode.name().toLowerCase();
            write(renderer.renderImage(f.venue, PaperSize.A4, mode, 150), out.resolve("a4-" + m + ".png"));
            write(renderer.renderImage(f.mobile, PaperSize.A4, mode, 150), out.resolve("a4-" + m + "-mobile.png"));
        }
        PosterContent longest = new PosterContent(f.venue.codeText(), "天津市滨海新区中新生态城国家动漫园文化创意产业综合服务中心东",
                "天津生态城动漫园投资开发有限公司", 120116, "BH-001234", false);
        write(renderer.renderImage(longest, PaperSize.A4, ColourMode.COLOUR, 150), out.resolve("a4-colour-longest-name.png"));
        Files.write(out.resolve("a4-colour.pdf"), renderer.renderPdf(f.venue, PaperSize.A4, ColourMode.COLOUR));
        assertThat(out.resolve("a4-colour.png")).isNotEmptyFile();
        assertThat(out.resolve("a4-mono.png")).isNotEmptyFile();
    }

    private static void write(BufferedImage img, Path file) throws Exception {
        assertThat(ImageIO.write(img, "png", file.toFile())).isTrue();
    }
}
