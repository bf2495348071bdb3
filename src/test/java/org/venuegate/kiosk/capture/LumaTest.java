package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.image.BufferedImage;
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
}
