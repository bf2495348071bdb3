package org.venuegate.kiosk.decode;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import java.util.Optional;
import java.util.function.Function;
import org.venuegate.kiosk.capture.Frame;

/**
 * BoofCV's QR detector over the frame's luma (wrapped, not copied). Its finder copes with perspective and blur where
 * ZXing's fails, and the two fail on different images, so it is the chain's last resort. Not thread-safe.
 */
public final class BoofCvQr implements Function<Frame, Optional<String>> {
    private final QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
    private final GrayU8 image = new GrayU8(1, 1);

    @Override
    public Optional<String> apply(Frame frame) {
        image.data = frame.luma();
        image.width = frame.width();
        image.height = frame.height();
        image.stride = frame.width();
        image.startIndex = 0;
        try {
            detector.process(image);
        } catch (RuntimeException e) {
            // a degenerate frame must not stop the scan loop
            return Optional.empty();
        }
        for (QrCode qr : detector.getDetections()) {
            if (qr.message != null && !qr.message.isEmpty() && qr.failureCause == QrCode.Failure.NONE) {
                return Optional.of(qr.message);
            }
        }
        return Optional.empty();
    }
}
