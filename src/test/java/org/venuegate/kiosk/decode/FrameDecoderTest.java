package org.venuegate.kiosk.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.qr.QrRenderer;

class FrameDecoderTest {
    private final String code = new TestIssuer().green();

    private Frame scene(int w, int h, boolean withCode, boolean inverted) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 110, 100));
        g.fillRect(0, 0, w, h);
        if (withCode) {
            BufferedImage qr = QrRenderer.render(code, ErrorCorrectionLevel.M, 5, 4);
            if (inverted) {
                for (int y = 0; y < qr.getHeight(); y++) {
                    for (int x = 0; x < qr.getWidth(); x++) {
                        qr.setRGB(x, y, ~qr.getRGB(x, y) | 0xff000000);
                    }
                }
            }
            g.drawImage(qr, (w - qr.getWidth()) / 2, (h - qr.getHeight()) / 2, null);
        }
        g.dispose();
        return Luma.frame(img, 1);
    }

    @Test
    void readsACodeInASmallAndALargeFrame() {
        FrameDecoder d = new FrameDecoder();
        assertThat(d.decode(scene(640, 480, true, false))).map(Decoded::text).contains(code);
        assertThat(d.decode(scene(1280, 720, true, false))).get()
                .satisfies(r -> assertThat(r.text()).isEqualTo(code))
                .satisfies(r -> assertThat(r.pass()).isEqualTo("hybrid-half"));
    }

    @Test
    void readsAnInvertedCode() {
        assertThat(new FrameDecoder().decode(scene(640, 480, true, true))).map(Decoded::text).contains(code);
    }

    @Test
    void flatFramesAreRejectedAtOnceButNoisyTexturedOnesAreNot() {
        Frame flat = scene(640, 480, false, false);
        assertThat(FrameDecoder.isFlat(flat)).isTrue();
        byte[] noise = new byte[640 * 480];
        Random r = new Random(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (120 + r.nextInt(5)); // sensor noise on a blank wall
        }
        assertThat(FrameDecoder.isFlat(new Frame(640, 480, noise, 0))).isTrue();
        assertThat(FrameDecoder.isFlat(scene(640, 480, true, false))).isFalse();
        assertThat(new FrameDecoder().decode(flat)).isEmpty();
    }

    @Test
    void lastResortIsAskedOnlyWhenZxingFails() {
        int[] calls = {0};
        FrameDecoder d = new FrameDecoder(f -> {
            calls[0]++;
            return java.util.Optional.of("OTHER");
        });
        assertThat(d.decode(scene(640, 480, true, false))).map(Decoded::text).contains(code);
        assertThat(calls[0]).isZero();
        byte[] stripes = new byte[640 * 480];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = (byte) ((i / 7) % 2 == 0 ? 30 : 220);
        }
        assertThat(d.decode(new Frame(640, 480, stripes, 0))).get().extracting(Decoded::pass).isEqualTo("last-resort");
        assertThat(calls[0]).isEqualTo(1);
    }
}
