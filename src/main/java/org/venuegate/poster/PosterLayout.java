package org.venuegate.poster;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.venuegate.core.place.Districts;
import org.venuegate.qr.QrRenderer;

/**
 * The poster as a list of positioned elements in millimetres from the top-left corner of the page. Computed once per
 * poster; {@link RasterPainter} and {@link PdfPainter} only paint it, so the PNG and the PDF are the same poster.
 *
 * <p>All sizes below are for A4 and multiplied by {@code u} = page width / 210 mm: A3 is A4 scaled by the square root
 * of two in both directions, so the A3 poster is the A4 poster enlarged, and what the self-test proves for one holds for
 * the other.
 */
final class PosterLayout {
    /** Modules of white around the symbol: the QR standard's minimum, and what ZXing's finder expects. */
    static final int QUIET_ZONE = 4;

    /**
     * Level H when its modules still come out at least this many pixels wide in the phone's view of the poster
     * ({@link PosterSelfTest#CAMERA_PX_PER_MM}); otherwise Q, which leaves bigger modules for the camera.
     */
    static final double H_MIN_CAMERA_PX_PER_MODULE = 4.0;

    // A4 millimetres
    private static final double MARGIN = 9;
    /** The quiet zone is white paper, so it may run into the margin, but stays this far from the paper's edge. */
    private static final double QR_EDGE = 5;
    private static final double BAND_HEIGHT = 21;
    private static final double LINE_SPACING = 1.22;

    sealed interface Element permits Box, TextLine, QrSymbol {
    }

    /** A (rounded) rectangle; {@code fill} or {@code stroke} may be null. */
    record Box(double x, double y, double w, double h, double radius, Color fill, Color stroke, double strokeWidth)
            implements Element {
    }

    /**
     * One line of text starting at {@code x} on baseline {@code baseline}, em size {@code size} (all mm). Heavy text is
     * filled and stroked with {@code size * HEAVY_STROKE}: the CJK font has no bold face, and both painters can do this.
     */
    record TextLine(String text, double x, double baseline, double size, Color colour, boolean heavy) implements Element {
        static final double HEAVY_STROKE = 0.035;
    }

    /**
     * The QR symbol with its quiet zone: the square at ({@code x}, {@code y}) with side {@link #side()} is white, the
     * dark modules lie inside it {@code quietZone} modules in.
     */
    record QrSymbol(boolean[][] dark, double x, double y, double module, int quietZone, ErrorCorrectionLevel level,
                    int version) implements Element {
        /** One horizontal run of dark modules: row, first column, column after the last. */
        @FunctionalInterface
        interface RunConsumer<E extends Exception> {
            void run(int row, int start, int end) throws E;
        }

        /** Walks the dark modules as horizontal runs, so both painters fill one rectangle per run, not per module. */
        <E extends Exception> void forEachDarkRun(RunConsumer<E> consumer) throws E {
            int n = dark.length;
            for (int row = 0; row < n; row++) {
                int col = 0;
                while (col < n) {
                    if (!dark[row][col]) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < n && dark[row][col]) {
                        col++;
                    }
                    consumer.run(row, start, col);
                }
            }
        }

        int modules() {
            return dark.length;
        }

        double side() {
            return (modules() + 2 * quietZone) * module;
        }
    }

    /** Colours of one mode. MONO is black and white only, so a B/W printer or copier reproduces it exactly. */
    record Palette(Color ink, Color band, Color onBand, Color panelFill, Color panelStroke, Color warn) {
        static final Palette COLOUR = new Palette(new Color(0x1a, 0x1a, 0x1a), new Color(0x0b, 0x6e, 0x4f), Color.WHITE,
                new Color(0xe8, 0xf4, 0xee), new Color(0x0b, 0x6e, 0x4f), new Color(0xa4, 0x16, 0x1a));
        static final Palette MONO = new Palette(Color.BLACK, Color.BLACK, Color.WHITE, Color.WHITE, Color.BLACK, Color.BLACK);

        static Palette of(ColourMode mode) {
            return mode == ColourMode.MONO ? MONO : COLOUR;
        }
    }

    private final PaperSize paper;
    private final ColourMode mode;
    private final List<Element> elements;
    private final QrSymbol qr;

    private PosterLayout(PaperSize paper, ColourMode mode, List<Element> elements, QrSymbol qr) {
        this.paper = paper;
        this.mode = mode;
        this.elements = List.copyOf(elements);
        this.qr = qr;
    }

    PaperSize paper() {
        return paper;
    }

    ColourMode mode() {
        return mode;
    }

    List<Element> elements() {
        return elements;
    }

    QrSymbol qr() {
        return qr;
    }

    static PosterLayout compute(PosterContent content, PaperSize paper, ColourMode mode, PosterFont font, PosterText text) {
        return new Builder(content, paper, mode, font, text).build();
    }

    private static final class Builder {
        private final PosterContent content;
        private final PaperSize paper;
        private final ColourMode mode;
        private final PosterFont font;
        private final PosterText text;
        private final TextFit fit;
        private final Palette palette;
        private final double u;
        private final double pageW;
        private final double pageH;
        private final double contentW;
        private final List<Element> out = new ArrayList<>();

        Builder(PosterContent content, PaperSize paper, ColourMode mode, PosterFont font, PosterText text) {
            this.content = content;
            this.paper = paper;
            this.mode = mode;
            this.font = font;
            this.text = text;
            this.fit = new TextFit(font);
            this.palette = Palette.of(mode);
            this.pageW = paper.widthMm();
            this.pageH = paper.heightMm();
            this.u = pageW / PaperSize.A4.widthMm();
            this.contentW = pageW - 2 * MARGIN * u;
        }

        PosterLayout build() {
            double top = header(MARGIN * u);
            top = nameBlock(top + 4.5 * u);
            top = infoBlock(top + 2.5 * u);
            double bottom = footer(pageH - MARGIN * u);
            bottom = instructionPanel(bottom - 3 * u);
            QrSymbol symbol = qrSymbol(top + 1 * u, bottom - 1 * u);
            out.add(symbol);
            return new PosterLayout(paper, mode, out, symbol);
        }

        /** The title band: Chinese over English, white on the band colour (black in MONO). */
        private double header(double y) {
            double h = BAND_HEIGHT * u;
            out.add(new Box(MARGIN * u, y, contentW, h, 2.5 * u, palette.band(), null, 0));
            TextFit.Block zh = fit.fit(text.zh("title"), contentW - 8 * u, 8.5 * u, 5 * u, 1, false);
            TextFit.Block en = fit.fit(text.en("title"), contentW - 8 * u, 4.6 * u, 3 * u, 1, false);
            double gap = 2.6 * u;
            double inkH = ink(zh) + gap + ink(en);
            double y0 = y + (h - inkH) / 2;
            y0 = centred(zh, y0, palette.onBand(), true) + gap;
            centred(en, y0, palette.onBand(), false);
            return y + h;
        }

        /**
         * The venue name, large: it is what a passer-by reads first, from a distance. One line when that still leaves
         * characters of 9 mm (legible from about four metres), since a second line costs the QR height; otherwise two
         * balanced lines.
         */
        private double nameBlock(double y) {
            TextFit.Block name = fit.fit(content.venueName(), contentW, 14 * u, 9 * u, 1, false);
            if (name.lines().size() > 1) {
                name = fit.fit(content.venueName(), contentW, 10.5 * u, 6 * u, 2, true);
            }
            return centred(name, y, palette.ink(), true);
        }

        private double infoBlock(double y) {
            String district = Districts.name(content.districtCode(), false)
                    .map(zh -> zh + " " + Districts.name(content.districtCode(), true).orElse(""))
                    .orElse(Integer.toString(content.districtCode()));
            List<String> items = new ArrayList<>();
            if (content.mobile()) {
                items.add(text.zh("label.mobile") + " " + text.en("label.mobile"));
            }
            if (!content.unitName().isEmpty()) {
                items.add(text.label("label.unit") + content.unitName());
            }
            items.add(text.label("label.district") + district);
            if (!content.venueNumber().isEmpty()) {
                items.add(text.label("label.number") + content.venueNumber());
            }
            // Lines break only between label-value pairs, never inside one.
            TextFit.Block info = fit.fitItems(items, "    ", contentW, 4.8 * u, 3.4 * u, 2);
            return centred(info, y, palette.ink(), false);
        }

        /** Footer lines, bottom-aligned at {@code bottom}; returns their top. */
        private double footer(double bottom) {
            double size = 3.5 * u;
            String zh = text.zh("footer.after") + "  " + text.zh("footer.help");
            String en = text.en("footer.after") + " " + text.en("footer.help");
            TextFit.Block zhB = fit.fit(zh, contentW, size, 2.8 * u, 1, false);
            TextFit.Block enB = fit.fit(en, contentW, size, 2.8 * u, 1, false);
            double gap = 1.4 * u;
            double top = bottom - ink(zhB) - gap - ink(enB);
            double y = centred(zhB, top, palette.ink(), false) + gap;
            centred(enB, y, palette.ink(), false);
            return top;
        }

        /**
         * The scanning instruction (FAQ 1 and 8) in a framed panel, bottom-aligned at {@code bottom}; returns its top. The
         * warning is a sentence of its own, so it says what it says in MONO too, where its colour is gone.
         */
        private double instructionPanel(double bottom) {
            double pad = 3.2 * u;
            double innerW = contentW - 2 * pad;
            TextFit.Block how = fit.fit(text.zh("scan.how"), innerW, 5.6 * u, 4 * u, 2, true);
            TextFit.Block not = fit.fit(text.zh("scan.not"), innerW, 5 * u, 3.6 * u, 2, false);
            TextFit.Block howEn = fit.fit(text.en("scan.how"), innerW, 4 * u, 3 * u, 2, false);
            TextFit.Block notEn = fit.fit(text.en("scan.not"), innerW, 4 * u, 3 * u, 2, false);
            double gapZh = 1.8 * u;
            double gapLang = 2.4 * u;
            double inner = ink(how) + gapZh + ink(not) + gapLang + ink(howEn) + gapZh * 0.7 + ink(notEn);
            double h = inner + 2 * pad;
            double top = bottom - h;
            out.add(new Box(MARGIN * u, top, contentW, h, 2.5 * u, palette.panelFill(), palette.panelStroke(), 0.6 * u));
            double y = centred(how, top + pad, palette.ink(), true) + gapZh;
            y = centred(not, y, palette.warn(), true) + gapLang;
            y = centred(howEn, y, palette.ink(), false) + gapZh * 0.7;
            centred(notEn, y, palette.warn(), false);
            return top;
        }

        /**
         * The QR, as large as the space between the text blocks allows (its quiet zone may touch them: it is white like
         * the gap would be), capped by the page width, and centred in that space.
         */
        private QrSymbol qrSymbol(double top, double bottom) {
            double side = Math.min(bottom - top, pageW - 2 * QR_EDGE * u);
            if (side <= 0) {
                throw new IllegalStateException("no room for the QR on " + paper + "; the text blocks take the whole page");
            }
            // Camera pixels per A4 millimetre of this page: the self-test views every poster as if printed on A4.
            double cameraPxPerMm = PosterSelfTest.CAMERA_PX_PER_MM / u;
            QRCode code = QrRenderer.encode(content.codeText(), ErrorCorrectionLevel.H, content.qrMask());
            int modulesH = code.getMatrix().getWidth() + 2 * QUIET_ZONE;
            if (side / modulesH * cameraPxPerMm < H_MIN_CAMERA_PX_PER_MODULE) {
                code = QrRenderer.encode(content.codeText(), ErrorCorrectionLevel.Q, content.qrMask());
            }
            ByteMatrix m = code.getMatrix();
            boolean[][] dark = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    dark[y][x] = m.get(x, y) == 1;
                }
            }
            double module = side / (m.getWidth() + 2 * QUIET_ZONE);
            double x = (pageW - side) / 2;
            double y = top + (bottom - top - side) / 2;
            return new QrSymbol(dark, x, y, module, QUIET_ZONE, code.getECLevel(), code.getVersion().getVersionNumber());
        }

        private double ink(TextFit.Block b) {
            int n = b.lines().size();
            return b.size() * (font.ascent() + font.descent() + (n - 1) * LINE_SPACING);
        }

        /** Adds the block's lines centred on the page, ink top at {@code top}; returns the ink bottom. */
        private double centred(TextFit.Block b, double top, Color colour, boolean heavy) {
            double baseline = top + b.size() * font.ascent();
            for (String line : b.lines()) {
                requirePrintable(line);
                double w = font.width(line, b.size());
                out.add(new TextLine(line, (pageW - w) / 2 , baseline, b.size(), colour, heavy));
                baseline += b.size() * LINE_SPACING;
            }
            return baseline - b.size() * LINE_SPACING + b.size() * font.descent();
        }

        /** A glyph the font lacks would print as an empty box in the PNG and break the PDF: refuse it by name. */
        private void requirePrintable(String line) {
            int at = font.cannotDisplayAt(line);
            if (at >= 0) {
                int cp = line.codePointAt(at);
                throw new IllegalArgumentException(String.format("the poster font %s has no glyph for U+%04X '%s' in \"%s\"",
                        font.file().getFileName(), cp, new String(Character.toChars(cp)), line));
            }
        }
    }
}
