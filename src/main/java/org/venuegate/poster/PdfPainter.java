package org.venuegate.poster;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.venuegate.poster.PosterLayout.Box;
import org.venuegate.poster.PosterLayout.Element;
import org.venuegate.poster.PosterLayout.QrSymbol;
import org.venuegate.poster.PosterLayout.TextLine;

/**
 * Paints a {@link PosterLayout} as a one-page PDF: vector text in the embedded CJK font (a subset, so Chinese prints on
 * any printer or viewer without fonts of its own), shapes as paths.
 *
 * <p>The QR is drawn as vector rectangles, not as an embedded image: the printer renders module edges at its own
 * resolution, so they are sharp at any paper size, and no viewer or printer driver can resample (blur) a small bitmap.
 * It is also smaller than a lossless image. Each row's dark runs are one rectangle, and all of them one path filled once,
 * so renderers that anti-alias do not leave hairline seams between touching rectangles.
 */
final class PdfPainter {
    private static final float PT_PER_MM = (float) (72 / 25.4);
    /** Control-point distance of a cubic Bézier approximating a quarter circle. */
    private static final float KAPPA = 0.5522848f;

    private PdfPainter() {
    }

    static byte[] paint(PosterLayout layout, PosterFont font, String title) throws IOException {
        PaperSize paper = layout.paper();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) paper.widthPoints(), (float) paper.heightPoints()));
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("VenueGate");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            // The font file stays open until the document is saved: PDFBox builds the subset then.
            try (PosterFont.PdfFont pdfFont = font.openForPdf(doc)) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    Painter p = new Painter(cs, pdfFont, (float) paper.heightPoints());
                    for (Element e : layout.elements()) {
                        if (e instanceof Box b) {
                            p.box(b);
                        } else if (e instanceof TextLine t) {
                            p.text(t);
                        } else if (e instanceof QrSymbol q) {
                            p.qr(q);
                        }
                    }
                }
                doc.save(bytes);
            }
            return bytes.toByteArray();
        }
    }

    private static final class Painter {
        private final PDPageContentStream cs;
        private final PosterFont.PdfFont font;
        private final float pageHeight;

        Painter(PDPageContentStream cs, PosterFont.PdfFont font, float pageHeight) {
            this.cs = cs;
            this.font = font;
            this.pageHeight = pageHeight;
        }

        private static float pt(double mm) {
            return (float) mm * PT_PER_MM;
        }

        /** PDF's y axis points up from the bottom of the page; the layout's points down from the top. */
        private float y(double mm) {
            return pageHeight - pt(mm);
        }

        /** Neutral colours go out as DeviceGray, so black prints with black toner only, never as a mix of all four. */
        private void fill(Color c) throws IOException {
            if (c.getRed() == c.getGreen() && c.getGreen() == c.getBlue()) {
                cs.setNonStrokingColor(c.getRed() / 255f);
            } else {
                cs.setNonStrokingColor(c);
            }
        }

        private void stroke(Color c) throws IOException {
            if (c.getRed() == c.getGreen() && c.getGreen() == c.getBlue()) {
                cs.setStrokingColor(c.getRed() / 255f);
            } else {
                cs.setStrokingColor(c);
            }
        }

        void box(Box b) throws IOException {
            if (b.fill() != null) {
                fill(b.fill());
                roundedRect(b);
                cs.fill();
            }
            if (b.stroke() != null) {
                stroke(b.stroke());
                cs.setLineWidth(pt(b.strokeWidth()));
                roundedRect(b);
                cs.stroke();
            }
        }

        private void roundedRect(Box b) throws IOException {
            float l = pt(b.x());
            float r = pt(b.x() + b.w());
            float t = y(b.y());
            float bo = y(b.y() + b.h());
            float rad = Math.min(pt(b.radius()), Math.min(r - l, t - bo) / 2);
            float k = rad * KAPPA;
            cs.moveTo(l + rad, bo);
            cs.lineTo(r - rad, bo);
            cs.curveTo(r - rad + k, bo, r, bo + rad - k, r, bo + rad);
            cs.lineTo(r, t - rad);
            cs.curveTo(r, t - rad + k, r - rad + k, t, r - rad, t);
            cs.lineTo(l + rad, t);
            cs.curveTo(l + rad - k, t, l, t - rad + k, l, t - rad);
            cs.lineTo(l, bo + rad);
            cs.curveTo(l, bo + rad - k, l + rad - k, bo, l + rad, bo);
            cs.closePath();
        }

        void text(TextLine t) throws IOException {
            fill(t.colour());
            if (t.heavy()) {
                // The font has no bold face: fill and stroke the glyphs, as the raster painter does.
                stroke(t.colour());
                cs.setLineWidth(pt(t.size() * TextLine.HEAVY_STROKE));
                cs.setLineJoinStyle(1);
                cs.setLineCapStyle(1);
            }
            cs.beginText();
            cs.setRenderingMode(t.heavy() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            cs.setFont(font.font(), pt(t.size()));
            cs.newLineAtOffset(pt(t.x()), y(t.baseline()));
            cs.showText(t.text());
            cs.endText();
        }

        void qr(QrSymbol q) throws IOException {
            fill(Color.WHITE);
            cs.addRect(pt(q.x()), y(q.y() + q.side()), pt(q.side()), pt(q.side()));
            cs.fill();
            fill(Color.BLACK);
            double ox = q.x() + q.quietZone() * q.module();
            double oy = q.y() + q.quietZone() * q.module();
            q.forEachDarkRun((row, start, end) -> cs.addRect(pt(ox + start * q.module()), y(oy + (row + 1) * q.module()),
                    pt((end - start) * q.module()), pt(q.module())));
            cs.fill();
        }
    }
}
