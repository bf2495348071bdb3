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
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        hints.put(EncodeHintType.MARGIN, 0);
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
