package org.venuegate.kiosk.ui;

import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.setup.CodeFeed;

/** A camera the test holds codes up to by hand: {@link #show} is what the scan loop would deliver. */
final class FakeCodeFeed implements CodeFeed {
    volatile Sink sink;
    volatile int opened;
    volatile int closed;

    @Override
    public Handle open(Sink s) {
        sink = s;
        opened++;
        s.camera("RUNNING", "fake camera");
        return () -> closed++;
    }

    void show(String text) {
        sink.code(text);
    }

    /** A camera frame, as the supervisor hands it on (on the test's thread, standing in for the camera's). */
    void frame(Frame f) {
        sink.frame(f);
    }

    boolean isOpen() {
        return opened > closed;
    }
}
