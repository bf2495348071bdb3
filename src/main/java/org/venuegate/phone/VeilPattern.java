package org.venuegate.phone;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * The QR-like pattern under the veil. Deliberately not a QR code (no finder patterns, random modules), so a camera
 * filming a veiled phone can never read anything from it: only the unveiled code is meant to be scanned.
 */
final class VeilPattern {
    private VeilPattern() {
    }

    static BufferedImage render(long seed, int modules, int modulePixels) {
        int size = modules * modulePixels;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                int rgb = random.nextInt(100) < 45 ? 0xff202020 : 0xffffffff;
                for (int dy = 0; dy < modulePixels; dy++) {
                    for (int dx = 0; dx < modulePixels; dx++) {
                        img.setRGB(x * modulePixels + dx, y * modulePixels + dy, rgb);
                    }
                }
            }
        }
        return img;
    }
}
