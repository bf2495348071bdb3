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
        return new FrameDecoder(new BoofCvQr(), "wechat", () -> WeChatQr.create().<java.util.function.Function<org.venuegate.kiosk.capture.Frame, Optional<String>>>map(
                w -> f -> w.apply(f).filter(KioskDecoders::ascii)).orElse(null));
    }

    /**
     * The kiosk's codes are ASCII (Base45 behind a prefix). WeChat's engine decodes other charsets its own way: on
     * ZXing's photo corpus all 52 of its misreads were non-ASCII texts (Shift_JIS, ISO-8859-1), so the kiosk takes
     * only ASCII from it; the ZXing passes still read such codes.
     */
    static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return false;
            }
        }
        return true;
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
