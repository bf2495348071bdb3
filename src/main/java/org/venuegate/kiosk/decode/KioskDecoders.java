package org.venuegate.kiosk.decode;

import java.util.Optional;

/** The decoder configurations the kiosk and its benchmarks use, in one place. */
public final class KioskDecoders {
    private KioskDecoders() {
    }

    /**
     * What the kiosk uses: ZXing passes, BoofCV as the last resort and, where OpenCV's natives load, WeChat's engine
     * as the slow pass (on its own thread when live). Without those natives, the Java passes alone, the reason logged.
     */
    public static FrameDecoder full() {
        return full(WeChatQr.unavailable());
    }

    /** As {@link #full()}, given whether the WeChat engine is unavailable and why. */
    static FrameDecoder full(Optional<String> wechatUnavailable) {
        if (wechatUnavailable.isPresent()) {
            return javaOnly();
        }
        return new FrameDecoder(new BoofCvQr(), "wechat", () -> WeChatQr.create().orElse(null));
    }

    /** ZXing passes with BoofCV as the last resort: the kiosk before the WeChat engine, and its fallback. */
    public static FrameDecoder javaOnly() {
        return new FrameDecoder(new BoofCvQr());
    }

    /** ZXing passes only, to show what BoofCV adds. */
    public static FrameDecoder zxingOnly() {
        return new FrameDecoder();
    }
}
