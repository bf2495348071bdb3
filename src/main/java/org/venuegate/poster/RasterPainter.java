package org.venuegate.poster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import org.venuegate.poster.PosterLayout.Box;
import org.venuegate.poster.PosterLayout.Element;
import org.venuegate.poster.PosterLayout.QrSymbol;
import org.venuegate.poster.PosterLayout.TextLine;

/** Paints a {@link PosterLayout} with Java2D into an RGB image. */
final class RasterPainter {
    private RasterPainter() {
    }

    static BufferedImage paint(PosterLayout layout, PosterFont font, int dpi) {
        PaperSize paper = layout.paper();
        BufferedImage img = new BufferedImage(paper.widthPixels(dpi), paper.heightPixels(dpi), BufferedImage.TYPE_INT_RGB);
        double s = dpi / 25.4;
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            // Greyscale anti-aliasing only: LCD sub-pixel text would put colour fringes into a MONO poster.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (Element e : layout.elements()) {
                if (e instanceof Box b) {
                    box(g, b, s);
                } else if (e instanceof TextLine t) {
                    text(g, t, font.awtFont(), s);
                } else if (e instanceof QrSymbol q) {
                    qr(g, q, s);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void box(Graphics2D g, Box b, double s) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Shape shape = new RoundRectangle2D.Double(b.x() * s, b.y() * s, b.w() * s, b.h() * s, 2 * b.radius() * s, 2 * b.radius() * s);
        if (b.fill() != null) {
            g.setColor(b.fill());
            g.fill(shape);
        }
        if (b.stroke() != null) {
            g.setColor(b.stroke());
            g.setStroke(new BasicStroke((float) (b.strokeWidth() * s)));
            g.draw(shape);
        }
    }

    private static void text(Graphics2D g, TextLine t, Font base, double s) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Font f = base.deriveFont((float) (t.size() * s));
        g.setColor(t.colour());
        float x = (float) (t.x() * s);
        float y = (float) (t.baseline() * s);
        if (t.heavy()) {
            // Same faux bold as the PDF's fill-and-stroke text rendering mode.
            Shape outline = f.createGlyphVector(g.getFontRenderContext(), t.text()).getOutline(x, y);
            g.fill(outline);
            g.setStroke(new BasicStroke((float) (t.size() * TextLine.HEAVY_STROKE * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        } else {
            g.setFont(f);
            g.drawString(t.text(), x, y);
        }
    }

    /**
     * Module edges snapped to whole pixels without anti-aliasing: the symbol stays pure black and white, and neighbouring
     * modules share an edge exactly (no hairline gaps, no grey seams), at the cost of modules differing by one pixel.
     */
    private static void qr(Graphics2D g, QrSymbol q, double s) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        int x0 = (int) Math.round(q.x() * s);
        int y0 = (int) Math.round(q.y() * s);
        int x1 = (int) Math.round((q.x() + q.side()) * s);
        int y1 = (int) Math.round((q.y() + q.side()) * s);
        g.setColor(Color.WHITE);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.setColor(Color.BLACK);
        int n = q.modules();
        int[] edge = new int[n + 1];
        int[] edgeY = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            edge[i] = (int) Math.round((q.x() + (q.quietZone() + i) * q.module()) * s);
            edgeY[i] = (int) Math.round((q.y() + (q.quietZone() + i) * q.module()) * s);
        }
        q.forEachDarkRun((row, start, end) -> g.fillRect(edge[start], edgeY[row], edge[end] - edge[start], edgeY[row + 1] - edgeY[row]));
    }
}
