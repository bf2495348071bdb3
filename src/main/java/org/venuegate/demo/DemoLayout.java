package org.venuegate.demo;

import javafx.geometry.Rectangle2D;

/**
 * Where the demo puts its three windows: inside the screen's visual bounds (no window off screen or under the task
 * bar), none overlapping. The phone keeps a phone's shape on the right; review above the kiosk on the left.
 */
public record DemoLayout(Rectangle2D review, Rectangle2D kiosk, Rectangle2D phone) {
    /** Space the window manager adds around a scene (title bar, borders). */
    static final double DECORATION = 40;
    static final double GAP = 6;

    public static DemoLayout of(Rectangle2D screen) {
        double phoneWidth = Math.min(400, screen.getWidth() * 0.3);
        double phoneHeight = Math.min(760, screen.getHeight());
        Rectangle2D phone = new Rectangle2D(screen.getMaxX() - phoneWidth, screen.getMinY(), phoneWidth, phoneHeight);
        double leftWidth = screen.getWidth() - phoneWidth - GAP;
        double reviewHeight = Math.floor((screen.getHeight() - GAP) * 0.56);
        Rectangle2D review = new Rectangle2D(screen.getMinX(), screen.getMinY(), leftWidth, reviewHeight);
        Rectangle2D kiosk = new Rectangle2D(screen.getMinX(), screen.getMinY() + reviewHeight + GAP, leftWidth,
                screen.getHeight() - reviewHeight - GAP);
        return new DemoLayout(review, kiosk, phone);
    }

    /** Places a window's outer frame on {@code r} (the scene gets what the title bar leaves). */
    static void place(javafx.stage.Stage stage, Rectangle2D r) {
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
    }
}
