package org.venuegate.testing;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.venuegate.qr.QrRenderer;

/** Short H.264 MP4 clips made in the test with jcodec's own encoder, so no video file is checked in. */
public final class TestVideos {
    private TestVideos() {
    }

    /** Encodes the images, all of one size, at {@code fps} frames a second. */
    public static Path write(Path file, int fps, List<BufferedImage> frames) throws IOException {
        try (SeekableByteChannel out = NIOUtils.writableChannel(file.toFile())) {
            SequenceEncoder enc = new SequenceEncoder(out, Rational.R(fps, 1), Format.MOV, Codec.H264, null);
            for (BufferedImage img : frames) {
                enc.encodeNativeFrame(rgb(img));
            }
            enc.finish();
        }
        return file;
    }

    /** jcodec's interleaved RGB picture: samples are stored minus 128. */
    public static Picture rgb(BufferedImage img) {
        Picture pic = Picture.create(img.getWidth(), img.getHeight(), ColorSpace.RGB);
        byte[] data = pic.getPlaneData(0);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int i = (y * img.getWidth() + x) * 3;
                data[i] = (byte) (((c >> 16) & 0xff) - 128);
                data[i + 1] = (byte) (((c >> 8) & 0xff) - 128);
                data[i + 2] = (byte) ((c & 0xff) - 128);
            }
        }
        return pic;
    }

    public static BufferedImage flat(int width, int height, int grey) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** A light-grey scene with the code's QR in the middle, as a phone held up to the camera would give. */
    public static BufferedImage withQr(int width, int height, String text) {
        BufferedImage img = flat(width, height, 200);
        BufferedImage qr = QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, 4, 4);
        Graphics2D g = img.createGraphics();
        g.drawImage(qr, (width - qr.getWidth()) / 2, (height - qr.getHeight()) / 2, null);
        g.dispose();
        return img;
    }
}
