package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LumaTest {
    @Test
    void matchesZxingsConversionForEveryCommonLayout() {
        Random rnd = new Random(1);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage img = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    img.setRGB(x, y, 0xff000000 | rnd.nextInt(0x1000000));
                }
            }
            byte[] ours = Luma.fromImage(img);
            byte[] theirs = new BufferedImageLuminanceSource(img).getMatrix();
            for (int i = 0; i < ours.length; i++) {
                assertThat(Math.abs((ours[i] & 0xff) - (theirs[i] & 0xff))).as("type %d pixel %d", type, i).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void greyIsCopiedAsIs() {
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(2, 1, 0, 77);
        assertThat(Luma.fromImage(img)[7] & 0xff).isEqualTo(77);
    }

    @Test
    void anIndexedImageIsReadThroughItsPaletteNotAsGrey() {
        // palette: index 0 white, 1 black, 2 pure red; its bytes are indices, not grey levels
        byte[] r = {(byte) 255, 0, (byte) 255};
        byte[] g = {(byte) 255, 0, 0};
        byte[] b = {(byte) 255, 0, 0};
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b));
        img.getRaster().setSample(0, 0, 0, 0);
        img.getRaster().setSample(1, 0, 0, 1);
        img.getRaster().setSample(2, 0, 0, 2);
        byte[] luma = Luma.fromImage(img);
        assertThat(luma[0] & 0xff).isGreaterThanOrEqualTo(254);
        assertThat(luma[1] & 0xff).isZero();
        assertThat(luma[2] & 0xff).isEqualTo((306 * 255) >> 10);
        byte[] theirs = new BufferedImageLuminanceSource(img).getMatrix();
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs((luma[i] & 0xff) - (theirs[i] & 0xff))).as("pixel %d", i).isLessThanOrEqualTo(1);
        }
    }
}
