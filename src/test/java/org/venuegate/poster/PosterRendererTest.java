package org.venuegate.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.venuegate.core.verify.Reason;
import org.venuegate.qr.QrImageDecoder;

/** Every paper size and colour mode, for a long venue name and a mobile place: the phone reads it and accepts it. */
class PosterRendererTest {
    @TempDir
    static Path keys;

    static PosterFixtures fixtures;
    static PosterRenderer renderer;

    @BeforeAll
    static void setUp() throws IOException {
        fixtures = new PosterFixtures(keys);
        renderer = new PosterRenderer();
    }

    static Stream<Arguments> posters() {
        List<Arguments> all = new ArrayList<>();
        for (String which : List.of("venue", "mobile")) {
            for (PaperSize paper : PaperSize.values()) {
                for (ColourMode mode : ColourMode.values()) {
                    all.add(Arguments.of(which, paper, mode));
                }
            }
        }
        return all.stream();
    }

    private static PosterContent content(String which) {
        return which.equals("venue") ? fixtures.venue : fixtures.mobile;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("posters")
    void phoneAtOneMetreReadsAndAcceptsIt(String which, PaperSize paper, ColourMode mode) throws IOException {
        PosterContent c = content(which);
        BufferedImage poster = renderer.renderImage(c, paper, mode, 150);
        assertThat(poster.getWidth()).isEqualTo(paper.widthPixels(150));
        assertThat(poster.getHeight()).isEqualTo(paper.heightPixels(150));

        PosterSelfTest.Verified v = PosterSelfTest.check(poster, c.codeText(), fixtures.verifier(), PosterFixtures.NOW);
        assertThat(v.scan().status()).isEqualTo(PosterSelfTest.Status.OK);
        assertThat(v.scan().decoded()).isEqualTo(c.codeText());
        assertThat(v.verification()).contains(Reason.VALID);
        assertThat(v.passed()).isTrue();

        BufferedImage view = PosterSelfTest.cameraView(poster);
        assertThat(view.getWidth()).isEqualTo(PosterSelfTest.CAMERA_VIEW_WIDTH);
        // A worse photo than the self-test's: still read from one of the distances a hand-held phone takes it from
        // (at one fixed scale a blurred view misses now and then, depending on where the modules fall on pixels).
        List<BufferedImage> views = PosterSelfTest.cameraViews(poster);
        assertThat(readsFromSomeDistance(views, PosterImages::blur)).as("blurred").contains(c.codeText());
        assertThat(readsFromSomeDistance(views, w -> PosterImages.jpeg(w, 0.6f))).as("JPEG").contains(c.codeText());
        assertThat(readsFromSomeDistance(views, w -> PosterImages.jpeg(PosterImages.blur(w), 0.6f))).as("blurred JPEG")
                .contains(c.codeText());
    }

    /** What a worse camera or a compressed photo does to the view. */
    @FunctionalInterface
    private interface Spoil {
        BufferedImage apply(BufferedImage view) throws IOException;
    }

    private static java.util.Optional<String> readsFromSomeDistance(List<BufferedImage> views, Spoil spoil) throws IOException {
        for (BufferedImage v : views) {
            java.util.Optional<String> text = QrImageDecoder.decode(spoil.apply(v));
            if (text.isPresent()) {
                return text;
            }
        }
        return java.util.Optional.empty();
    }

    @Test
    void monoIsBlackWhiteAndNeutralGreyOnlyWithAPureQr() {
        for (PaperSize paper : PaperSize.values()) {
            PosterLayout layout = renderer.layout(fixtures.venue, paper, ColourMode.MONO);
            BufferedImage img = renderer.renderImage(fixtures.venue, paper, ColourMode.MONO, 150);
            assertThat(maxChroma(img)).as("largest spread between R, G and B on %s", paper).isLessThanOrEqualTo(2);

            double s = 150 / 25.4;
            PosterLayout.QrSymbol q = layout.qr();
            // Inside the symbol's square (quiet zone included), rounded inwards by a pixel at each edge.
            int x0 = (int) Math.ceil(q.x() * s) + 1;
            int y0 = (int) Math.ceil(q.y() * s) + 1;
            int x1 = (int) Math.floor((q.x() + q.side()) * s) - 1;
            int y1 = (int) Math.floor((q.y() + q.side()) * s) - 1;
            int black = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    assertThat(rgb).as("QR pixel at %d,%d", x, y).isIn(0x000000, 0xffffff);
                    black += rgb == 0 ? 1 : 0;
                }
            }
            assertThat(black).as("dark modules present").isGreaterThan((x1 - x0) * (y1 - y0) / 5);
        }
    }

    @Test
    void colourModeReallyHasColourSoTheMonoCheckCanFail() {
        BufferedImage img = renderer.renderImage(fixtures.venue, PaperSize.A4, ColourMode.COLOUR, 72);
        assertThat(maxChroma(img)).isGreaterThan(50);
    }

    @Test
    void refusesDpiOutOfRange() {
        assertThatThrownBy(() -> renderer.renderImage(fixtures.venue, PaperSize.A4, ColourMode.MONO, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dpi 20");
        assertThatThrownBy(() -> renderer.renderImage(fixtures.venue, PaperSize.A3, ColourMode.MONO, 1200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesACharacterTheFontCannotPrintRatherThanPrintingABox() {
        PosterContent emoji = new PosterContent(fixtures.venue.codeText(), "咖啡馆\uD83D\uDE00", "某某公司", 120101, "HP-1", false);
        assertThatThrownBy(() -> renderer.renderImage(emoji, PaperSize.A4, ColourMode.COLOUR, 72))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+1F600");
        assertThatThrownBy(() -> renderer.renderPdf(emoji, PaperSize.A4, ColourMode.COLOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+1F600");
    }

    static int maxChroma(BufferedImage img) {
        int max = 0;
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int p : row) {
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                max = Math.max(max, Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)));
            }
        }
        return max;
    }
}
