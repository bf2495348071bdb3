package org.venuegate.kiosk.decode;

/** The decoder configurations the kiosk and its benchmarks use, in one place. */
public final class KioskDecoders {
    private KioskDecoders() {
    }

    /** ZXing passes with BoofCV as the last resort: what the kiosk uses. */
    public static FrameDecoder full() {
        return new FrameDecoder(new BoofCvQr());
    }

    /** ZXing passes only, to show what BoofCV adds. */
    public static FrameDecoder zxingOnly() {
        return new FrameDecoder();
    }
}
