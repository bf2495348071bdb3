package org.venuegate.kiosk.decode;

/** The decoder configurations the kiosk and its benchmarks use, in one place. */
public final class KioskDecoders {
    private KioskDecoders() {
    }

    /** Every pass, for still images and for live frames after the cheap pass failed. */
    public static FrameDecoder full() {
        return new FrameDecoder();
    }
}
