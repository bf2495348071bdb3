package org.venuegate.kiosk.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.qr.QrRenderer;

class FrameDecoderTest {
    private final String code = new TestIssuer().green();

    private Frame scene(int w, int h, boolean withCode, boolean inverted) {
        return scene(code, w, h, withCode, inverted, QrRenderer.renderReadable(code, ErrorCorrectionLevel.M, 5, 4));
    }

    private static Frame scene(String code, int w, int h, boolean withCode, boolean inverted, BufferedImage qr) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 110, 100));
        g.fillRect(0, 0, w, h);
        if (withCode) {
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
        assertThat(new FrameDecoder(new BoofCvQr()).decode(scene(640, 480, true, true))).map(Decoded::text).contains(code);
    }

    /**
     * A dark-mode phone shows light modules on dark. About one such code in 200 fools ZXing's inverted pass (a false
     * finder pattern in the data), and BoofCV reads light-on-dark only when handed the inverted frame.
     */
    @Test
    void anInvertedCodeThatFoolsZxingIsReadByTheLastResortOnTheInvertedFrame() {
        String fools = "VGH1:000000+J7QAD-:03%N2J5*CJ7Q2$L066C000000G00/MI3S0CAKS5B000000000AY9FPT41L/1D9B8X/R3.Q6Y12IM/D0TVE7"
                + "+9BG34BRW8G*8R04Q53ONKHBWH/6DVG4B6KD5JH+OW2GDHH3AN8$LHKAGAWYVT3Z8-+200";
        Frame f = scene(fools, 640, 480, true, true, QrRenderer.render(fools, ErrorCorrectionLevel.M, 5, 4));
        assertThat(new FrameDecoder().decode(f)).isEmpty();
        assertThat(new BoofCvQr().apply(f)).isEmpty();
        assertThat(new FrameDecoder(new BoofCvQr()).decode(f)).get()
                .satisfies(r -> assertThat(r.text()).isEqualTo(fools))
                .satisfies(r -> assertThat(r.pass()).isEqualTo("last-resort-inverted"));
        assertThat(new FrameDecoder(new BoofCvQr()).hardPassNames(f)).contains("last-resort-inverted");
    }

    /**
     * A palette PNG (ZXing's own photo corpus holds 33): its bytes are indices into a palette in no particular order,
     * not grey levels. Read as luma they are noise, which no pass can read; through the palette they are the photo.
     */
    @Test
    void readsAPaletteImageWhosePaletteIsNotInGreyOrder() {
        int w = 320;
        int h = 240;
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        for (int x = 0; x < w; x++) {
            g.setColor(new Color(150 + x * 90 / w, 150 + x * 90 / w, 150 + x * 90 / w)); // a lit sheet of paper
            g.drawLine(x, 0, x, h);
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        BufferedImage qr = QrRenderer.renderReadable(code, ErrorCorrectionLevel.M, 2, 4);
        int side = qr.getWidth() * 5 / 2; // 5 px per module, soft edges: many grey levels, as in a photo
        g.drawImage(qr, (w - side) / 2, (h - side) / 2, side, side, null);
        g.dispose();

        int[] indexOf = new int[256]; // grey level -> palette index, a fixed shuffle
        byte[] palette = new byte[256];
        Random r = new Random(7);
        int[] order = r.ints(0, 256).distinct().limit(256).toArray();
        for (int i = 0; i < 256; i++) {
            palette[i] = (byte) order[i];
            indexOf[order[i]] = i;
        }
        BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, palette, palette, palette));
        WritableRaster out = indexed.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setSample(x, y, 0, indexOf[grey.getRaster().getSample(x, y, 0)]);
            }
        }

        assertThat(new FrameDecoder().decode(Luma.frame(indexed, 1))).map(Decoded::text).contains(code);
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

    /**
     * A small frame with small modules (a 166-character code at ~2 px per module, mildly tilted): no ZXing pass, the
     * 2x upscale included, and no BoofCV pass at the frame's own size finds it; BoofCV on the 2x copy does. Only the
     * still chain runs that pass.
     */
    @Test
    void stillChainReadsSmallModulesWithTheLastResortOnADoubledCopy() {
        String text = CorpusGenerator.healthCodeLikeTexts(20, 1).get(12);
        Frame f = Luma.frame(new CorpusGenerator(320, 240).render(text, CorpusGenerator.Kind.PERSPECTIVE, 0.0,
                new Random(12)), 0);
        FrameDecoder d = new FrameDecoder(new BoofCvQr());
        assertThat(d.decode(f)).get()
                .satisfies(r -> assertThat(r.text()).isEqualTo(text))
                .satisfies(r -> assertThat(r.pass()).isEqualTo("last-resort-2x"));
        assertThat(d.hardPassNames(f)).contains("last-resort", "hybrid-2x").doesNotContain("last-resort-2x");
        assertThat(d.stillPassNames(new Frame(1280, 720, new byte[1280 * 720], 0))).doesNotContain("last-resort-2x");
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
