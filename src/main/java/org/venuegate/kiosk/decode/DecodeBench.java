package org.venuegate.kiosk.decode;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.kiosk.capture.ReplayFrameSource;

/**
 * {@code bench decode DIR}: every image with a sibling {@code .txt} through the kiosk's decode path, the alternatives
 * measured beside it (the Java passes alone, ZXing passes alone, BoofCV alone, OpenCV's WeChat engine alone) and raw
 * ZXing (HybridBinarizer, default hints, BufferedImageLuminanceSource), one JSON line per decoder. The decoded text
 * must equal the file's text exactly, line ends aside. Timing covers what each path really does per frame: colour
 * conversion plus decoding, not the PNG read.
 */
public final class DecodeBench {
    private DecodeBench() {
    }

    /** One labelled image. */
    public record Sample(String name, BufferedImage image, String expected) {
    }

    /** A decoder under test: image in, text out (empty when nothing was read). */
    public record Contender(String name, Function<BufferedImage, Optional<String>> decode) {
    }

    /** Figures of one decoder over the samples. */
    public record Result(String decoder, int images, int decoded, int correct, int misread, double p50Ms, double p99Ms,
                         List<String> failed) {
        public String json() {
            return String.format(Locale.ROOT,
                    "{\"decoder\":\"%s\",\"images\":%d,\"decoded\":%d,\"correct\":%d,\"misread\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f}",
                    decoder, images, decoded, correct, misread, p50Ms, p99Ms);
        }
    }

    /** @return 0 when the kiosk path had no misread, 1 otherwise, 2 when DIR holds no labelled image */
    public static int run(Path dir, PrintWriter out) throws IOException {
        return run(dir, 1, null, false, out);
    }

    /**
     * @param rotations 1 (as stored) or 4 (each image also turned by 90, 180 and 270 degrees)
     * @param models    the WeChat engine's CNN model folder for an extra contender, or null
     * @param failures  also print, per decoder, the images it did not read correctly
     */
    public static int run(Path dir, int rotations, Path models, boolean failures, PrintWriter out) throws IOException {
        List<Sample> samples = rotated(load(dir), rotations);
        if (samples.isEmpty()) {
            out.println("{\"error\":\"no image with a sibling .txt in " + dir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            out.flush();
            return 2;
        }
        List<Result> results = new ArrayList<>();
        for (Contender c : contenders(models)) {
            Result r = measure(c, samples);
            results.add(r);
            out.println(r.json());
            if (failures) {
                out.println("  " + c.name() + " missed: " + r.failed());
            }
            out.flush();
        }
        return results.get(0).misread() == 0 ? 0 : 1;
    }

    /** The kiosk's chain first, then the alternatives measured beside it, then the baseline. */
    public static List<Contender> contenders() {
        return contenders(null);
    }

    static List<Contender> contenders(Path models) {
        FrameDecoder kiosk = KioskDecoders.full();
        FrameDecoder javaOnly = KioskDecoders.javaOnly();
        FrameDecoder zxingChain = KioskDecoders.zxingOnly();
        BoofCvQr boof = new BoofCvQr();
        List<Contender> list = new ArrayList<>();
        list.add(new Contender("kiosk", img -> kiosk.decode(Luma.frame(img, System.nanoTime())).map(Decoded::text)));
        list.add(new Contender("kiosk-java-only", img -> javaOnly.decode(Luma.frame(img, System.nanoTime())).map(Decoded::text)));
        list.add(new Contender("kiosk-zxing-only", img -> zxingChain.decode(Luma.frame(img, System.nanoTime())).map(Decoded::text)));
        list.add(new Contender("boofcv", img -> boof.apply(Luma.frame(img, System.nanoTime()))));
        WeChatQr.create().ifPresent(w -> list.add(new Contender("wechat", img -> w.apply(Luma.frame(img, System.nanoTime())))));
        if (models != null) {
            WeChatQr.Availability cnn = WeChatQr.load(models);
            cnn.engine().ifPresentOrElse(w -> list.add(new Contender("wechat-cnn", img -> w.apply(Luma.frame(img, System.nanoTime())))),
                    () -> list.add(new Contender("wechat-cnn (" + cnn.reason().replace("\"", "'") + ")", img -> Optional.empty())));
        }
        list.add(new Contender("zxing-raw", DecodeBench::rawZxing));
        return list;
    }

    /** Each sample as stored and, for {@code rotations} 4, turned by 90, 180 and 270 degrees too. */
    static List<Sample> rotated(List<Sample> samples, int rotations) {
        if (rotations <= 1) {
            return samples;
        }
        List<Sample> out = new ArrayList<>(samples.size() * rotations);
        for (int q = 0; q < rotations; q++) {
            for (Sample s : samples) {
                out.add(q == 0 ? s : new Sample(s.name() + "@" + (90 * q), rotate(s.image(), q), s.expected()));
            }
        }
        return out;
    }

    /** The image turned clockwise by {@code quarters} quarter turns, pixel for pixel. */
    static BufferedImage rotate(BufferedImage src, int quarters) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = quarters % 2 == 1;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = src.getRGB(x, y);
                switch (quarters % 4) {
                    case 1 -> dst.setRGB(h - 1 - y, x, rgb);
                    case 2 -> dst.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 3 -> dst.setRGB(y, w - 1 - x, rgb);
                    default -> dst.setRGB(x, y, rgb);
                }
            }
        }
        return dst;
    }

    /**
     * The expected text as stored, without the line end(s) a text file usually ends with. Nothing else is stripped:
     * a space is a Base45 character, so a code may end in one.
     */
    static String stripLineEnds(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    static Optional<String> rawZxing(BufferedImage img) {
        try {
            return Optional.of(new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)))).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    public static List<Sample> load(Path dir) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Path img : ReplayFrameSource.images(dir)) {
            String name = img.getFileName().toString();
            Path txt = img.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".txt");
            if (!Files.isRegularFile(txt)) {
                continue;
            }
            BufferedImage bi = ImageIO.read(img.toFile());
            if (bi != null) {
                samples.add(new Sample(name, bi, stripLineEnds(Files.readString(txt, StandardCharsets.UTF_8))));
            }
        }
        return samples;
    }

    public static Result measure(Contender c, List<Sample> samples) {
        // one untimed round so the JIT has seen every pass before the timed one
        for (Sample s : samples) {
            c.decode().apply(s.image());
        }
        int decoded = 0;
        int correct = 0;
        int misread = 0;
        List<String> failed = new ArrayList<>();
        double[] ms = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            long t0 = System.nanoTime();
            Optional<String> text = c.decode().apply(s.image());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (text.isPresent()) {
                decoded++;
                if (stripLineEnds(text.get()).equals(s.expected())) {
                    correct++;
                } else {
                    misread++;
                    failed.add(s.name() + " (misread)");
                }
            } else {
                failed.add(s.name());
            }
        }
        Arrays.sort(ms);
        return new Result(c.name(), samples.size(), decoded, correct, misread, percentile(ms, 50), percentile(ms, 99), failed);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
