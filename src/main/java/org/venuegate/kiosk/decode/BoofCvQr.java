package org.venuegate.kiosk.decode;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.concurrency.BoofConcurrency;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import java.util.Optional;
import java.util.function.Function;
import org.venuegate.kiosk.capture.Frame;

/**
 * BoofCV's QR detector over the frame's luma (wrapped, not copied). Its finder copes with perspective and blur where
 * ZXing's fails, and the two fail on different images, so it is the chain's last resort. Not thread-safe.
 *
 * <p>BoofCV runs on the calling thread only: by default it splits an image over a thread pool, which on the kiosk's two
 * cores (camera and screen need the other one) saved little and, whenever the machine was busy, left the scan thread
 * waiting for pool threads to get a core (3-4 ms median and up to 80 ms wall for ~1-3 ms of work at 1280x720).
 */
public final class BoofCvQr implements Function<Frame, Optional<String>> {
    static {
        BoofConcurrency.USE_CONCURRENT = false; // the only BoofCV user in the process
    }

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
