package org.venuegate.poster;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.venuegate.core.verify.CodeVerifier;

/**
 * Renders the venue-code poster as an image (download, preview, self-test) and as a PDF (printing). Both come from one
 * {@link PosterLayout}, so they show the same poster. Plain Java2D and PDFBox: the hub renders posters headless.
 *
 * <p>Immutable and thread-safe; loading the font costs tens of milliseconds, so create one and share it.
 */
public final class PosterRenderer {
    public static final int MIN_DPI = 36;
    /** An A3 page at 600 dpi is already 7016 × 9921 pixels (280 MB as RGB); print from the PDF beyond that. */
    public static final int MAX_DPI = 600;

    private final PosterFont font;
    private final PosterText text;

    /**
     * With the CJK font found by {@link CjkFont#locate()}.
     *
     * @throws CjkFontNotFoundException when there is none, saying what was tried and how to fix it
     */
    public PosterRenderer() {
        this(CjkFont.locate());
    }

    /** @param fontFile a TrueType font or collection (.ttf/.ttc) with Chinese glyphs */
    public PosterRenderer(Path fontFile) {
        this.font = PosterFont.load(Objects.requireNonNull(fontFile, "fontFile"));
        this.text = PosterText.load();
    }

    /**
     * The poster as an RGB image of the whole page.
     *
     * @param dpi {@value #MIN_DPI} to {@value #MAX_DPI}; 150 is enough for a screen preview and the self-test
     * @throws IllegalArgumentException for a dpi out of range or a character the font cannot print
     */
    public BufferedImage renderImage(PosterContent content, PaperSize paper, ColourMode mode, int dpi) {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi " + dpi + " is outside " + MIN_DPI + ".." + MAX_DPI);
        }
        return RasterPainter.paint(layout(content, paper, mode), font, dpi);
    }

    /** A rendered poster, the content it was drawn from (with its QR mask) and what its self-test found. */
    public record Checked(PosterContent content, BufferedImage image, PosterSelfTest.Verified check) {
    }

    /**
     * The poster as an image, self-tested ({@link PosterSelfTest#check(BufferedImage, String, CodeVerifier, Instant)}).
     * About one poster in 250 to 500 has a QR that the phone-at-one-metre view does not find under the mask pattern
     * the encoder judged best; then the same symbol is drawn under the other masks until one reads. Print or export
     * {@link Checked#content()}, so the PDF shows the symbol that was tested.
     */
    public Checked renderChecked(PosterContent content, PaperSize paper, ColourMode mode, int dpi, CodeVerifier verifier,
                                 Instant now) {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(now, "now");
        return renderChecked(content, paper, mode, dpi, (image, c) -> PosterSelfTest.check(image, c.codeText(), verifier, now));
    }

    /** How a rendered poster is judged: the real self-test in the product. */
    @FunctionalInterface
    interface SelfTest {
        PosterSelfTest.Verified check(BufferedImage image, PosterContent content);
    }

    Checked renderChecked(PosterContent content, PaperSize paper, ColourMode mode, int dpi, SelfTest test) {
        BufferedImage image = renderImage(content, paper, mode, dpi);
        Checked first = new Checked(content, image, test.check(image, content));
        if (first.check().passed() || first.check().scan().status() != PosterSelfTest.Status.NOT_FOUND) {
            return first; // read but wrong or not valid: another mask would not change that
        }
        for (int mask = 0; mask <= 7; mask++) {
            PosterContent other = content.withQrMask(mask);
            BufferedImage otherImage = renderImage(other, paper, mode, dpi);
            PosterSelfTest.Verified otherCheck = test.check(otherImage, other);
            if (otherCheck.passed()) {
                return new Checked(other, otherImage, otherCheck);
            }
        }
        return first;
    }

    /**
     * The poster as a one-page PDF of the paper size, text as vector text in the embedded font.
     *
     * @throws IllegalArgumentException for a character the font cannot print
     * @throws UncheckedIOException     when the font file cannot be read
     */
    public byte[] renderPdf(PosterContent content, PaperSize paper, ColourMode mode) {
        PosterLayout layout = layout(content, paper, mode);
        try {
            return PdfPainter.paint(layout, font, text.zh("title") + " " + content.venueName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the poster PDF with font " + font.file(), e);
        }
    }

    PosterLayout layout(PosterContent content, PaperSize paper, ColourMode mode) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(mode, "mode");
        return PosterLayout.compute(content, paper, mode, font, text);
    }
}
