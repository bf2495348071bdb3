package org.venuegate.poster;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of the poster, loaded for Java2D and, per PDF, for PDFBox. Also the text measure of the layout: advance
 * widths come from the font's own metrics (fractional, unhinted), so they are the same in both painters.
 */
final class PosterFont {
    /** Characters every poster prints; a font that cannot show them is not a CJK font for us. */
    static final String PROBE = "天津健康码场所码请扫勿使用微信支付宝单位所属区编号移动";

    private static final float MEASURE_SIZE = 100f;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Path file;
    private final Font font;
    private final Font measureFont;
    private final double ascent;
    private final double descent;

    private PosterFont(Path file, Font font) {
        this.file = file;
        this.font = font;
        this.measureFont = font.deriveFont(MEASURE_SIZE);
        // Ink extents per em, measured rather than taken from the font header, so lines sit where the glyphs really are.
        Rectangle2D top = measureFont.createGlyphVector(FRC, "国Hd").getVisualBounds();
        Rectangle2D bottom = measureFont.createGlyphVector(FRC, "国gy").getVisualBounds();
        this.ascent = -top.getY() / MEASURE_SIZE;
        this.descent = bottom.getMaxY() / MEASURE_SIZE;
    }

    static PosterFont locateAndLoad() {
        return load(CjkFont.locate());
    }

    /**
     * Loads the first font of the file that shows Chinese. For a collection Java2D would take the first font anyway; we
     * check rather than assume, and remember its PostScript name to pick the same font for the PDF.
     */
    static PosterFont load(Path file) {
        Font[] fonts;
        try {
            fonts = Font.createFonts(file.toFile());
        } catch (FontFormatException | IOException e) {
            throw new CjkFontNotFoundException("cannot read font " + file + " (" + e.getMessage()
                    + "); install fonts-wqy-microhei or set -D" + CjkFont.PROPERTY + " to a TrueType font with Chinese glyphs", e);
        }
        return Arrays.stream(fonts)
                .filter(f -> f.canDisplayUpTo(PROBE) == -1)
                .findFirst()
                .map(f -> new PosterFont(file, f))
                .orElseThrow(() -> new CjkFontNotFoundException("font " + file + " has no Chinese glyphs (cannot display "
                        + PROBE + "); install fonts-wqy-microhei or set -D" + CjkFont.PROPERTY
                        + " to a TrueType font with Chinese glyphs"));
    }

    Path file() {
        return file;
    }

    /** The Java2D font at 1 pt; callers derive the size they draw at. */
    Font awtFont() {
        return font;
    }

    String postScriptName() {
        return font.getPSName();
    }

    /** Advance width of {@code text} at em size {@code size}, in the unit of {@code size}. */
    double width(String text, double size) {
        if (text.isEmpty()) {
            return 0;
        }
        return measureFont.getStringBounds(text, FRC).getWidth() / MEASURE_SIZE * size;
    }

    /** Ink height above the baseline, per em. */
    double ascent() {
        return ascent;
    }

    /** Ink depth below the baseline (Latin descenders included), per em. */
    double descent() {
        return descent;
    }

    /** Index of the first character the font cannot print, or -1. */
    int cannotDisplayAt(String text) {
        return font.canDisplayUpTo(text);
    }

    /**
     * The same font for PDFBox, embedded as a subset into {@code doc}. The returned handle keeps the font file open; close
     * it after the document is saved (PDFBox subsets at save time).
     */
    PdfFont openForPdf(PDDocument doc) throws IOException {
        TrueTypeCollection collection = null;
        TrueTypeFont ttf;
        if (isCollection(file)) {
            collection = new TrueTypeCollection(file.toFile());
            ttf = collection.getFontByName(postScriptName());
            if (ttf == null) {
                collection.close();
                throw new CjkFontNotFoundException("font collection " + file + " has no font named " + postScriptName());
            }
        } else {
            ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        }
        Closeable toClose = collection != null ? collection : ttf;
        try {
            return new PdfFont(PDType0Font.load(doc, ttf, true), toClose);
        } catch (IOException | RuntimeException e) {
            toClose.close();
            throw e;
        }
    }

    private static boolean isCollection(Path file) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(magic, 0, 4) == 4 && "ttcf".equals(new String(magic, StandardCharsets.US_ASCII));
        }
    }

    /** A PDFBox font bound to one document, and the open font file behind it. */
    record PdfFont(PDType0Font font, Closeable source) implements Closeable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
