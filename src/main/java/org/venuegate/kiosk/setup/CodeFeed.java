package org.venuegate.kiosk.setup;

import org.venuegate.kiosk.capture.Frame;

/**
 * Where the bind step gets codes from: in the setup wizard the configured camera, in the running kiosk the camera
 * that is already scanning. Typed and wedge-scanned codes do not come through here; they arrive as text.
 */
public interface CodeFeed {
    /** Receives codes and camera states, on any thread: a screen hops to its own thread itself. */
    interface Sink {
        void code(String text);

        /** @param state OPENING, RUNNING, UNAVAILABLE, or SCANNER when there is no camera to open */
        void camera(String state, String detail);

        /**
         * Every camera frame, on the camera's thread, for a preview: keep it short (the scan loop gets the same frame
         * right before). Feeds without a picture (a scanner, the running kiosk's camera) never call it.
         */
        default void frame(Frame frame) {
        }
    }

    /** Stops the feed. May wait on the camera driver for a few seconds: never call it on the FX thread. */
    @FunctionalInterface
    interface Handle {
        void close();
    }

    /** Starts delivering to {@code sink}. May block briefly: never call it on the FX thread. */
    Handle open(Sink sink);
}
