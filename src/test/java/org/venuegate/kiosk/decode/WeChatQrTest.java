package org.venuegate.kiosk.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.qr.QrRenderer;

/** OpenCV's WeChat engine through JavaCPP: loads here (the platform being built), reads exactly, falls back when absent. */
class WeChatQrTest {
    private static Frame frameOf(String text) {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, 640, 480);
        g.drawImage(QrRenderer.render(text, ErrorCorrectionLevel.M, 4, 4), 100, 60, null);
        g.dispose();
        return Luma.frame(img, 0);
    }

    @Test
    void nativesLoadOnThePlatformBeingBuilt() {
        assertThat(WeChatQr.unavailable()).as("the build pulls this platform's natives").isEmpty();
    }

    @Test
    void readsTheTextExactlyWithoutTheNulAndKeepsATrailingSpace() {
        String text = CorpusGenerator.healthCodeLikeTexts(4, 1).get(3); // every seventh ends in a space
        assertThat(text).endsWith(" ");
        try (WeChatQr w = WeChatQr.create().orElseThrow()) {
            assertThat(w.apply(frameOf(text))).contains(text);
            assertThat(w.apply(new Frame(320, 240, new byte[320 * 240], 0))).isEmpty(); // a new size, nothing in it
        }
    }

    @Test
    void theKioskTakesOnlyAsciiFromTheEngine() {
        assertThat(KioskDecoders.ascii("VGH1:AB $%*+-./:")).isTrue();
        assertThat(KioskDecoders.ascii("\u65e5\u672c")).isFalse();
        assertThat(KioskDecoders.ascii("caf\u00e9")).isFalse();
    }

    @Test
    void aLoaderThatFailsGivesTheReason() {
        String reason = WeChatQr.tryLoad(() -> {
            throw new UnsatisfiedLinkError("no jniopencv_core in java.library.path");
        });
        assertThat(reason).contains("did not load").contains("no jniopencv_core");
        assertThat(WeChatQr.tryLoad(() -> { })).isNull();
    }

    @Test
    void withoutTheEngineTheKioskUsesItsJavaPasses() {
        Frame f = frameOf("VGH1:ABC");
        FrameDecoder fallback = KioskDecoders.full(Optional.of("natives missing"));
        assertThat(fallback.stillPassNames(f)).doesNotContain("wechat").contains("last-resort");
        assertThat(fallback.slowPass()).isNull();
        assertThat(fallback.decode(f)).map(Decoded::text).contains("VGH1:ABC");
        try (FrameDecoder kiosk = KioskDecoders.full(Optional.empty())) {
            assertThat(kiosk.stillPassNames(f)).endsWith("last-resort", "last-resort-inverted", "last-resort-2x", "wechat");
            // live: the slow detector on its own thread instead, the still images' extra pass not at all
            assertThat(kiosk.hardPassNames(f)).doesNotContain("wechat", "last-resort-2x");
            assertThat(kiosk.slowPass()).isNotNull();
        }
    }
}
