package org.venuegate.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/** Renders QR codes with ZXing. Our codes are Base45, so ZXing picks alphanumeric mode by itself. */
public final class QrRenderer {
    private QrRenderer() {
    }

    /** The symbol ZXing would produce, to check versions against the size budget. */
    public static QRCode encode(String text, ErrorCorrectionLevel level) {
        return encode(text, level, -1);
    }

    /** @param mask the mask pattern 0-7, or -1 for the one ZXing judges best */
    public static QRCode encode(String text, ErrorCorrectionLevel level, int mask) {
        try {
            return Encoder.encode(text, level, mask < 0 ? Map.of() : Map.of(EncodeHintType.QR_MASK_PATTERN, mask));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit any QR version at level " + level, e);
        }
    }

    /**
     * @param modulePixels pixels per module
     * @param quietZone    modules of white border (4 is the standard's minimum)
     */
    public static BufferedImage render(String text, ErrorCorrectionLevel level, int modulePixels, int quietZone) {
        return render(text, level, modulePixels, quietZone, -1);
    }

    /**
     * As {@link #render(String, ErrorCorrectionLevel, int, int)}, under a mask pattern ZXing's detector reads back at
     * the drawn size. On a pristine render (a phone's own screen, a screenshot, a test scene) about one random health
     * code in 200 has data modules that line up, at exact pixel multiples, into a false finder or alignment pattern, and
     * a ZXing-based scanner misses it. The same content under another mask (every reader reads every mask) reads;
     * when none does, the encoder's choice. Costs one decode of the image, two to nine on the rare symbol.
     */
    public static BufferedImage renderReadable(String text, ErrorCorrectionLevel level, int modulePixels, int quietZone) {
        for (int mask = -1; mask <= 7; mask++) {
            BufferedImage img = render(text, level, modulePixels, quietZone, mask);
            // below 3 px a module is under what the detector needs: judge the mask on a 3 px copy
            BufferedImage judged = modulePixels >= 3 ? img : render(text, level, 3, Math.max(quietZone, 1), mask);
            if (QrImageDecoder.detect(judged).filter(text::equals).isPresent()) {
                return img;
            }
        }
        return render(text, level, modulePixels, quietZone, -1);
    }

    /** @param mask the mask pattern 0-7, or -1 for the one ZXing judges best */
    static BufferedImage render(String text, ErrorCorrectionLevel level, int modulePixels, int quietZone, int mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        hints.put(EncodeHintType.MARGIN, 0);
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit any QR version at level " + level, e);
        }
        int size = (m.getWidth() + 2 * quietZone) * modulePixels;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        int[] white = new int[size];
        java.util.Arrays.fill(white, 0xffffffff);
        for (int y = 0; y < size; y++) {
            img.setRGB(0, y, size, 1, white, 0, size);
        }
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    int px = (x + quietZone) * modulePixels;
                    int py = (y + quietZone) * modulePixels;
                    for (int dy = 0; dy < modulePixels; dy++) {
                        for (int dx = 0; dx < modulePixels; dx++) {
                            img.setRGB(px + dx, py + dy, 0xff000000);
                        }
                    }
                }
            }
        }
        return img;
    }
}
