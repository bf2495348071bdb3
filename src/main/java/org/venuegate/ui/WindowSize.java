package org.venuegate.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * The size a window's scene opens at: the size it wants, shrunk to fit the screen's usable area with room for the
 * window's title bar and borders, so every window fits a 1366 × 768 laptop screen (and its taskbar).
 */
public final class WindowSize {
    /** What a title bar and borders take, roughly, on the desktops the kiosk runs on. */
    static final double DECORATION_WIDTH = 16;
    static final double DECORATION_HEIGHT = 40;

    private WindowSize() {
    }

    public static Dimension2D fitting(double width, double height) {
        return fitting(width, height, Screen.getPrimary().getVisualBounds());
    }

    static Dimension2D fitting(double width, double height, Rectangle2D usable) {
        return new Dimension2D(Math.min(width, usable.getWidth() - DECORATION_WIDTH),
                Math.min(height, usable.getHeight() - DECORATION_HEIGHT));
    }
}
