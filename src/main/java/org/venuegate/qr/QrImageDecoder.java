package org.venuegate.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a QR code in a still image (a photo or a screenshot): a cheap pass first, harder passes only when it
 * finds nothing. Used by {@code codes inspect --image}; the kiosk's frame path builds its own faster chain.
 */
public final class QrImageDecoder {
    private static final Map<DecodeHintType, Object> FAST = hints(false);
    private static final Map<DecodeHintType, Object> HARD = hints(true);
    /**
     * Last: a clean, upright symbol read straight off its module grid. On pristine renders (a phone's own screen, a
     * screenshot) about 1 in 100 symbols fools the finder-pattern search: data modules that line up into a false
     * finder pattern at exact pixel multiples.
     */
    private static final Map<DecodeHintType, Object> PURE = pure();

    private QrImageDecoder() {
    }

    private static Map<DecodeHintType, Object> hints(boolean tryHarder) {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (tryHarder) {
            h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return h;
    }

    private static Map<DecodeHintType, Object> pure() {
        Map<DecodeHintType, Object> h = hints(false);
        h.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        return h;
    }

    /** One pass of ZXing's finder and detector, as a camera-based scanner reads: no pure-symbol shortcut. */
    static Optional<String> detect(BufferedImage image) {
        QRCodeReader reader = new QRCodeReader();
        try {
            return Optional.of(reader.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), FAST)
                    .getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> decode(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        QRCodeReader reader = new QRCodeReader();
        List<BinaryBitmap> attempts = List.of(
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)),
                new BinaryBitmap(new HybridBinarizer(source.invert())));
        for (Map<DecodeHintType, Object> hints : List.of(FAST, HARD, PURE)) {
            for (BinaryBitmap bitmap : attempts) {
                try {
                    Result r = reader.decode(bitmap, hints);
                    return Optional.of(r.getText());
                } catch (NotFoundException e) {
                    // try the next, harder pass
                } catch (ReaderException e) {
                    // checksum or format error: a damaged symbol, try the next pass too
                } finally {
                    reader.reset();
                }
            }
        }
        return Optional.empty();
    }
}
