package org.venuegate.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PosterPdfTest {
    @TempDir
    static Path dir;

    static PosterFixtures fixtures;
    static PosterRenderer renderer;

    @BeforeAll
    static void setUp() throws IOException {
        fixtures = new PosterFixtures(dir.resolve("keys"));
        renderer = new PosterRenderer();
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void onePageOfThePaperSizeWithEmbeddedFontAndRealText(PaperSize paper) throws IOException {
        byte[] pdf = renderer.renderPdf(fixtures.venue, paper, ColourMode.COLOUR);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo((float) (paper.widthMm() / 25.4 * 72), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo((float) (paper.heightMm() / 25.4 * 72), org.assertj.core.data.Offset.offset(0.5f));

            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());

            String text = new PDFTextStripper().getText(doc);
            assertThat(text.replaceAll("\\s+", "")).contains(PosterFixtures.LONG_NAME).contains("天津健康码");
            assertThat(text.replaceAll("\\s+", " "))
                    .contains(PosterText.load().en("scan.how"))
                    .contains(PosterText.load().en("scan.not"))
                    .contains("HP-000042");
        }
    }

    @ParameterizedTest
    @EnumSource(ColourMode.class)
    void printedPdfReadsLikeThePng(ColourMode mode) throws Exception {
        Optional<Path> pdftoppm = onPath("pdftoppm");
        assumeThat(pdftoppm).as("pdftoppm (Debian poppler-utils) to rasterise the PDF").isPresent();
        Path pdf = dir.resolve("poster-" + mode + ".pdf");
        Files.write(pdf, renderer.renderPdf(fixtures.mobile, PaperSize.A4, mode));
        Path prefix = dir.resolve("poster-" + mode);
        Process p = new ProcessBuilder(pdftoppm.get().toString(), "-r", "150", "-png", "-singlefile", pdf.toString(), prefix.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("pdftoppm.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("pdftoppm.log"))).isZero();
        BufferedImage img = ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
        assertThat(img.getWidth()).isBetween(PaperSize.A4.widthPixels(150) - 1, PaperSize.A4.widthPixels(150) + 1); // poppler rounds up
        PosterSelfTest.Verified v = PosterSelfTest.check(img, fixtures.mobile.codeText(), fixtures.verifier(), PosterFixtures.NOW);
        assertThat(v.passed()).as("%s", v).isTrue();
    }

    private static Optional<Path> onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(d -> Path.of(d, binary))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
