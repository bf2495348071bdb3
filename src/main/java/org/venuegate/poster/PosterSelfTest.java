package org.venuegate.poster;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.Reason;
import org.venuegate.qr.QrImageDecoder;

/**
 * Checks a rendered poster the way a citizen's phone will meet it: small, from a distance. The product runs this on
 * every poster before offering it.
 *
 * <p>The camera model, written down: a typical phone main camera has a 26 mm (35 mm-equivalent) lens, and a scanner
 * page works on a 1920 × 1080 preview. Held upright, the 1080-pixel side spans the horizontal field: the 16:9 crop of
 * the 36 × 24 mm equivalent frame is 20.25 mm across, so the field is 2·atan(10.125 / 26) = 42.6°, which at one metre
 * covers 2 · 1000 mm · tan(21.3°) = 780 mm, i.e. 1080 / 780 = 1.38 pixels per millimetre (the 1920-pixel side gives the
 * same density). We use {@value #CAMERA_PX_PER_MM} px/mm: an A4 poster is then 294 pixels wide and its QR, about
 * 170–190 mm with the quiet zone, 240–265 pixels. Every poster is viewed as if printed on A4 (the image is scaled to
 * the width of A4 at that density), so an A3 poster, which is larger on the wall, passes with margin to spare.
 */
public final class PosterSelfTest {
    /** Camera pixels per millimetre of poster at one metre, see the class comment. */
    public static final double CAMERA_PX_PER_MM = 1.4;

    /** Width of the camera's view of the whole poster, in pixels. */
    public static final int CAMERA_VIEW_WIDTH = (int) Math.round(PaperSize.A4.widthMm() * CAMERA_PX_PER_MM);

    private PosterSelfTest() {
    }

    public enum Status {
        /** The QR reads and carries exactly the expected text. */
        OK,
        /** No QR could be read. */
        NOT_FOUND,
        /** A QR reads, but with other text. */
        MISMATCH
    }

    /** @param decoded the text read, for MISMATCH (and OK); null for NOT_FOUND */
    public record Result(Status status, String decoded) {
        public Result {
            Objects.requireNonNull(status, "status");
        }

        public boolean ok() {
            return status == Status.OK;
        }
    }

    /**
     * @param scan         what the phone read
     * @param verification the verifier's reason for the text read; empty when nothing was read
     */
    public record Verified(Result scan, Optional<Reason> verification) {
        public boolean passed() {
            return scan.ok() && verification.orElse(null) == Reason.VALID;
        }
    }

    /**
     * A hand-held phone is never at exactly one metre: the nominal view first, then a few steps nearer or farther. One
     * fixed scale alone rejected about 1 good poster in 250 (a sampling accident).
     */
    private static final double[] VIEW_FACTORS = {1.0, 1.08, 0.94, 1.17, 0.88};

    /** The poster as the phone sees it from the viewing distances {@link #check} tries, nominal first. */
    public static List<BufferedImage> cameraViews(BufferedImage poster) {
        List<BufferedImage> views = new ArrayList<>();
        for (double factor : VIEW_FACTORS) {
            views.add(cameraView(poster, (int) Math.round(CAMERA_VIEW_WIDTH * factor)));
        }
        return views;
    }

    /** Decodes the poster's QR from the camera's views and compares it with {@code expectedText}. */
    public static Result check(BufferedImage poster, String expectedText) {
        Objects.requireNonNull(expectedText, "expectedText");
        Result last = null;
        for (BufferedImage view : cameraViews(poster)) {
            Result r = compare(QrImageDecoder.decode(view), expectedText);
            if (r.status() != Status.NOT_FOUND) {
                return r;
            }
            last = r;
        }
        return last;
    }

    /**
     * {@link #check} and then {@link CodeVerifier#verifyVenue} of the text read, so a poster is offered only when the
     * phone reads it and would accept it (signed by a trusted key, venue not revoked).
     */
    public static Verified check(BufferedImage poster, String expectedText, CodeVerifier verifier, Instant now) {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(now, "now");
        Result scan = check(poster, expectedText);
        Optional<Reason> reason = Optional.ofNullable(scan.decoded()).map(t -> verifier.verifyVenue(t, now).reason());
        return new Verified(scan, reason);
    }

    static Result compare(Optional<String> decoded, String expectedText) {
        if (decoded.isEmpty()) {
            return new Result(Status.NOT_FOUND, null);
        }
        return new Result(decoded.get().equals(expectedText) ? Status.OK : Status.MISMATCH, decoded.get());
    }

    /**
     * The poster as the phone sees it at one metre: scaled to {@value #CAMERA_VIEW_WIDTH} pixels wide. Downscaled in
     * halving bilinear steps, which averages like a lens and sensor do; one big bilinear step would instead sample
     * single pixels and alias the modules.
     */
    public static BufferedImage cameraView(BufferedImage poster) {
        return cameraView(poster, CAMERA_VIEW_WIDTH);
    }

    static BufferedImage cameraView(BufferedImage poster, int targetW) {
        Objects.requireNonNull(poster, "poster");
        BufferedImage img = poster;
        if (img.getWidth() <= targetW) {
            return copy(img, img.getWidth(), img.getHeight());
        }
        int targetH = Math.max(1, (int) Math.round((double) img.getHeight() * targetW / img.getWidth()));
        while (img.getWidth() > targetW) {
            int w = Math.max(targetW, (img.getWidth() + 1) / 2);
            int h = w == targetW ? targetH : Math.max(targetH, (int) Math.round((double) img.getHeight() * w / img.getWidth()));
            img = copy(img, w, h);
        }
        return img;
    }

    private static BufferedImage copy(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
