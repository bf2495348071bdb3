package org.venuegate.poster;

/** Portrait paper sizes of the poster (ISO 216). A3 is A4 scaled by the square root of two, so one layout serves both. */
public enum PaperSize {
    A4(210, 297),
    A3(297, 420);

    private static final double POINTS_PER_MM = 72 / 25.4;

    private final int widthMm;
    private final int heightMm;

    PaperSize(int widthMm, int heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public int widthMm() {
        return widthMm;
    }

    public int heightMm() {
        return heightMm;
    }

    /** Width in PDF points (1/72 inch). */
    public double widthPoints() {
        return widthMm * POINTS_PER_MM;
    }

    public double heightPoints() {
        return heightMm * POINTS_PER_MM;
    }

    /** Pixel width of the page rendered at {@code dpi}. */
    public int widthPixels(int dpi) {
        return (int) Math.round(widthMm / 25.4 * dpi);
    }

    public int heightPixels(int dpi) {
        return (int) Math.round(heightMm / 25.4 * dpi);
    }
}
