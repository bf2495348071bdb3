package org.venuegate.kiosk.ui;

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

    boolean isOpen() {
        return opened > closed;
    }
}
