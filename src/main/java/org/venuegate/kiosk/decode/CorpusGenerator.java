package org.venuegate.kiosk.decode;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.venuegate.qr.QrRenderer;

/**
 * Makes hard test photos of a health code on a phone screen held up to a cheap webcam: perspective, blur, glare,
 * low light with noise, screen moiré, small codes, rotation, and mixtures. Plain Java2D plus a little pixel math;
 * the same seed gives the same images. Each PNG gets a sibling {@code .txt} with the expected text.
 */
public final class CorpusGenerator {
    /**
     * What makes an image hard; {@link #MIXED} combines several milder ones. The first eight make the committed still
     * corpus ({@link #STILL_KINDS}); the others were added for phone-screen webcam frames: a defocus scaled to the
     * frame's module size, a screen overexposed by the webcam's auto-exposure (white blooms into the black modules),
     * motion blur along one direction, and the webcam's own JPEG compression.
     */
    public enum Kind { PERSPECTIVE, BLUR, GLARE, LOW_LIGHT, MOIRE, SMALL, ROTATION, MIXED, DEFOCUS, OVEREXPOSED, MOTION, JPEG }

    /** The kinds of the committed still corpus, in its order. */
    public static final List<Kind> STILL_KINDS = List.of(Kind.PERSPECTIVE, Kind.BLUR, Kind.GLARE, Kind.LOW_LIGHT, Kind.MOIRE,
            Kind.SMALL, Kind.ROTATION, Kind.MIXED);

    private final int width;
    private final int height;

    public CorpusGenerator(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * Writes {@code perKind} images of every kind, severity rising from mild to hard within a kind.
     *
     * @param texts the codes to show, used in turn
     * @return the PNGs written
     */
    public List<Path> write(Path dir, List<String> texts, int perKind, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        List<Path> out = new ArrayList<>();
        int i = 0;
        for (Kind kind : STILL_KINDS) {
            for (int k = 0; k < perKind; k++) {
                String text = texts.get(i % texts.size());
                double severity = perKind == 1 ? 0.5 : (double) k / (perKind - 1);
                BufferedImage img = render(text, kind, severity, rnd);
                String name = String.format(Locale.ROOT, "%02d-%s-%d", i, kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), k);
                Path png = dir.resolve(name + ".png");
                ImageIO.write(img, "png", png.toFile());
                Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.US_ASCII);
                out.add(png);
                i++;
            }
        }
        return out;
    }

    /** What a webcam sees of a phone held up at a kiosk: these kinds in turn, each at a random severity. */
    static final List<Kind> PHONE_KINDS = List.of(Kind.PERSPECTIVE, Kind.MOIRE, Kind.GLARE, Kind.DEFOCUS, Kind.LOW_LIGHT,
            Kind.OVEREXPOSED, Kind.MOTION, Kind.JPEG, Kind.MIXED);

    /**
     * Writes {@code count} phone-screen webcam frames at this generator's size (the kinds of {@link #PHONE_KINDS} in
     * turn, severity drawn at random), each with a sibling {@code .txt}.
     */
    public List<Path> writePhoneFrames(Path dir, List<String> texts, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = texts.get(i % texts.size());
            Kind kind = PHONE_KINDS.get(i % PHONE_KINDS.size());
            BufferedImage img = render(text, kind, rnd.nextDouble(), rnd);
            String name = String.format(Locale.ROOT, "%03d-%s", i, kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Path png = dir.resolve(name + ".png");
            ImageIO.write(img, "png", png.toFile());
            Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.US_ASCII);
            out.add(png);
        }
        return out;
    }

    /**
     * Texts shaped like the kiosk's health codes: the prefix and length of a real one, random Base45 characters; every
     * seventh ends in a space (a Base45 character), so a decoder or a comparison that trims it shows up as a misread.
     */
    public static List<String> healthCodeLikeTexts(int n, long seed) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        Random rnd = new Random(seed);
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("VGH1:");
            for (int k = 0; k < 161; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            if (i % 7 == 3) {
                sb.setCharAt(sb.length() - 1, ' ');
            }
            texts.add(sb.toString());
        }
        return texts;
    }

    /** One photo: severity 0 is mild, 1 is about as hard as a real kiosk sees. */
    public BufferedImage render(String text, Kind kind, double severity, Random rnd) {
        double s = severity;
        boolean mixed = kind == Kind.MIXED;
        double m = mixed ? 0.5 : 0;
        // how much of the frame's height the phone screen takes; small codes are far from the camera
        double screenFrac = kind == Kind.SMALL ? 0.55 - 0.3 * s : 0.85 - 0.15 * rnd.nextDouble();
        double rotation = kind == Kind.ROTATION ? Math.toRadians((rnd.nextBoolean() ? 1 : -1) * (15 + 75 * s))
                : Math.toRadians((rnd.nextDouble() - 0.5) * (mixed ? 30 : 10));
        double tilt = kind == Kind.PERSPECTIVE ? 0.15 + 0.35 * s : mixed ? 0.15 + 0.15 * s : 0.05 * rnd.nextDouble();
        double blur = kind == Kind.BLUR ? 1 + 2.5 * s : m * (0.5 + s);
        double glare = kind == Kind.GLARE ? 0.5 + 0.45 * s : m * 0.4 * s;
        double light = kind == Kind.LOW_LIGHT ? 0.35 - 0.25 * s : mixed ? 0.6 : 0.9;
        double noise = kind == Kind.LOW_LIGHT ? 2 + 2 * s : mixed ? 1.5 + s : 0.6;
        double moire = kind == Kind.MOIRE ? 0.15 + 0.3 * s : m * 0.15;

        BufferedImage phone = phoneScreen(text);
        float[] canvas = background(rnd);
        boolean[] onPhone = placeWithPerspective(canvas, phone, screenFrac, rotation, tilt, rnd);
        if (moire > 0) {
            moire(canvas, onPhone, moire, rnd);
        }
        if (blur > 0.2) {
            boxBlur(canvas, (int) Math.round(blur));
            boxBlur(canvas, (int) Math.round(blur)); // twice: close enough to a Gaussian defocus
        }
        if (kind == Kind.DEFOCUS) {
            // about a third to two thirds of a module (~3 px at 480 rows, ~4.5 px at 720)
            int r = (int) Math.round(height / 480.0 * (0.6 + 1.0 * s));
            boxBlur(canvas, r);
            boxBlur(canvas, r);
        }
        if (kind == Kind.MOTION) {
            motionBlur(canvas, height / 480.0 * (2 + 4 * s), rnd.nextDouble() * Math.PI);
        }
        if (glare > 0) {
            glare(canvas, glare, rnd);
        }
        if (kind == Kind.OVEREXPOSED) {
            overexpose(canvas, onPhone, 1.2 + 0.8 * s, height / 480.0 * (0.5 + 0.5 * s));
        }
        BufferedImage img = finish(canvas, light, noise, rnd);
        return kind == Kind.JPEG ? jpeg(img, 0.55f - 0.4f * (float) s) : img;
    }

    /** Blur along one direction over {@code length} px, as a phone moving during the exposure. */
    private void motionBlur(float[] c, double length, double angle) {
        int n = Math.max(2, (int) Math.round(length));
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        float[] src = c.clone();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                int k = 0;
                for (int t = 0; t < n; t++) {
                    int xx = (int) Math.round(x + (t - (n - 1) / 2.0) * dx);
                    int yy = (int) Math.round(y + (t - (n - 1) / 2.0) * dy);
                    if (xx >= 0 && yy >= 0 && xx < width && yy < height) {
                        sum += src[yy * width + xx];
                        k++;
                    }
                }
                c[y * width + x] = sum / Math.max(1, k);
            }
        }
    }

    /**
     * The webcam exposes for the room, so the lit screen clips: the screen's light is multiplied by {@code gain},
     * what passes white spreads into its neighbours over {@code bloom} px (the lens and sensor bleed), then clips.
     */
    private void overexpose(float[] c, boolean[] onPhone, double gain, double bloom) {
        float[] over = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            if (onPhone[i]) {
                c[i] = (float) (c[i] * gain);
                over[i] = Math.max(0, c[i] - 255);
            }
        }
        boxBlur(over, Math.max(1, (int) Math.round(bloom)));
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.min(255, c[i] + 1.5f * over[i]);
        }
    }

    /** Through the JPEG codec at {@code quality} (0..1), as a webcam's MJPEG stream. */
    private static BufferedImage jpeg(BufferedImage img, float quality) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.max(0.05f, quality));
            var bytes = new java.io.ByteArrayOutputStream();
            try (var ios = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(ios);
                writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
            BufferedImage grey = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.getRaster().setRect(back.getRaster());
            return grey;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A phone showing the unveiled code: dark bezel, white screen, coloured header, code, a line of text. */
    private static BufferedImage phoneScreen(String text) {
        BufferedImage qr = QrRenderer.render(text, ErrorCorrectionLevel.M, 6, 3);
        int q = qr.getWidth();
        int sw = q + 40;
        int sh = (int) (q * 1.9);
        BufferedImage img = new BufferedImage(sw + 24, sh + 60, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(25, 25, 25));
        g.fillRoundRect(0, 0, img.getWidth(), img.getHeight(), 40, 40);
        g.setColor(new Color(245, 245, 245));
        g.fillRect(12, 30, sw, sh);
        g.setColor(new Color(60, 160, 80));
        g.fillRect(12, 30, sw, (int) (q * 0.35));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, q / 12)));
        g.drawString("Health code", 30, 30 + (int) (q * 0.22));
        g.drawImage(qr, 12 + 20, 30 + (int) (q * 0.45), null);
        g.setColor(new Color(90, 90, 90));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, q / 16)));
        g.drawString("Valid 10 min - show at the entrance", 30, 30 + (int) (q * 1.6));
        g.dispose();
        return img;
    }

    private float[] background(Random rnd) {
        float[] c = new float[width * height];
        double a = 60 + 80 * rnd.nextDouble();
        double gx = (rnd.nextDouble() - 0.5) * 0.3;
        double gy = (rnd.nextDouble() - 0.5) * 0.3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                c[y * width + x] = (float) (a + gx * x + gy * y);
            }
        }
        // clutter: the gatekeeper's desk, a sleeve, a wall poster
        for (int i = 0; i < 6; i++) {
            int rx = rnd.nextInt(width);
            int ry = rnd.nextInt(height);
            int rw = 20 + rnd.nextInt(width / 3);
            int rh = 20 + rnd.nextInt(height / 3);
            float v = 20 + rnd.nextInt(200);
            for (int y = ry; y < Math.min(height, ry + rh); y++) {
                for (int x = rx; x < Math.min(width, rx + rw); x++) {
                    c[y * width + x] = v;
                }
            }
        }
        return c;
    }

    /** Maps the phone image onto a tilted quadrilateral via the inverse homography, bilinear sampling. */
    private boolean[] placeWithPerspective(float[] canvas, BufferedImage phone, double screenFrac, double rotation, double tilt,
                                      Random rnd) {
        int pw = phone.getWidth();
        int ph = phone.getHeight();
        double scale = screenFrac * height / ph;
        double cx = width / 2.0 + (rnd.nextDouble() - 0.5) * width * 0.2;
        double cy = height / 2.0 + (rnd.nextDouble() - 0.5) * height * 0.1;
        double hw = pw * scale / 2;
        double hh = ph * scale / 2;
        // a tilt shrinks one edge towards the centre: the phone leans away from the camera on that side
        double[][] quad = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
        int side = rnd.nextInt(4);
        for (int k = 0; k < 2; k++) {
            double[] p = quad[(side + k) % 4];
            p[0] *= 1 - tilt;
            p[1] *= 1 - tilt * 0.5;
        }
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double[] dst = new double[8];
        for (int k = 0; k < 4; k++) {
            dst[2 * k] = cx + quad[k][0] * cos - quad[k][1] * sin;
            dst[2 * k + 1] = cy + quad[k][0] * sin + quad[k][1] * cos;
        }
        double[] src = {0, 0, pw, 0, pw, ph, 0, ph};
        double[] h = homography(dst, src); // canvas -> phone
        byte[] px = ((java.awt.image.DataBufferByte) phone.getRaster().getDataBuffer()).getData();
        boolean[] mask = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double w = h[6] * x + h[7] * y + 1;
                double u = (h[0] * x + h[1] * y + h[2]) / w;
                double v = (h[3] * x + h[4] * y + h[5]) / w;
                if (u < 0 || v < 0 || u >= pw - 1 || v >= ph - 1) {
                    continue;
                }
                int u0 = (int) u;
                int v0 = (int) v;
                double fu = u - u0;
                double fv = v - v0;
                int i0 = v0 * pw + u0;
                double val = (px[i0] & 0xff) * (1 - fu) * (1 - fv) + (px[i0 + 1] & 0xff) * fu * (1 - fv)
                        + (px[i0 + pw] & 0xff) * (1 - fu) * fv + (px[i0 + pw + 1] & 0xff) * fu * fv;
                canvas[y * width + x] = (float) val;
                mask[y * width + x] = true;
            }
        }
        return mask;
    }

    /** Homography taking the four points {@code from} to {@code to} (x,y pairs), h33 = 1. */
    static double[] homography(double[] from, double[] to) {
        double[][] a = new double[8][9];
        for (int k = 0; k < 4; k++) {
            double x = from[2 * k];
            double y = from[2 * k + 1];
            double u = to[2 * k];
            double v = to[2 * k + 1];
            a[2 * k] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * k + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int c = 0; c < 8; c++) { // Gauss-Jordan with partial pivoting
            int p = c;
            for (int r = c + 1; r < 8; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = 0; r < 8; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k < 9; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int r = 0; r < 8; r++) {
            h[r] = a[r][8] / a[r][r];
        }
        return h;
    }

    /** Interference between the screen's pixel grid and the sensor's: a fine, slightly rotated beat pattern. */
    private void moire(float[] c, boolean[] onPhone, double amplitude, Random rnd) {
        double f1 = 0.18 + 0.12 * rnd.nextDouble();
        double ang = rnd.nextDouble() * Math.PI;
        double fx = f1 * Math.cos(ang);
        double fy = f1 * Math.sin(ang);
        double beat = 0.02 + 0.03 * rnd.nextDouble();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double p = Math.cos(2 * Math.PI * (fx * x + fy * y)) * (0.5 + 0.5 * Math.cos(2 * Math.PI * beat * (x - y)));
                int i = y * width + x;
                if (onPhone[i]) { // only the screen has a pixel grid to beat against
                    c[i] = (float) (c[i] * (1 - amplitude * 0.5 + amplitude * 0.5 * p));
                }
            }
        }
    }

    private void boxBlur(float[] c, int r) {
        if (r < 1) {
            return;
        }
        float[] tmp = new float[c.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                int n = 0;
                for (int k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++, n++) {
                    s += c[y * width + k];
                }
                tmp[y * width + x] = s / n;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                int n = 0;
                for (int k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++, n++) {
                    s += tmp[k * width + x];
                }
                c[y * width + x] = s / n;
            }
        }
    }

    /** A ceiling light reflected in the glass: a bright soft spot washing out part of the code. */
    private void glare(float[] c, double strength, Random rnd) {
        double gx = width * (0.35 + 0.3 * rnd.nextDouble());
        double gy = height * (0.35 + 0.3 * rnd.nextDouble());
        double radius = height * (0.12 + 0.1 * rnd.nextDouble());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (radius * radius);
                double a = strength * Math.exp(-d2);
                int i = y * width + x;
                c[i] = (float) (c[i] * (1 - a) + 255 * a);
            }
        }
    }

    private BufferedImage finish(float[] c, double light, double noise, Random rnd) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        // sensor noise after the webcam's own JPEG/denoise is blotchy, not per pixel: one value per 2x2 block
        // (which also keeps the committed PNGs small)
        int bw = (width + 1) / 2;
        double[] blocks = new double[bw * ((height + 1) / 2)];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = rnd.nextGaussian() * noise;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double v = c[i] * light + 8 + blocks[(y / 2) * bw + x / 2];
                out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return img;
    }
}
