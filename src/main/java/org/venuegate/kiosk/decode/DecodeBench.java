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
 * {@code bench decode DIR}: every image with a sibling {@code .txt} through the kiosk's decode path and through raw
 * ZXing (HybridBinarizer, default hints, BufferedImageLuminanceSource), one JSON line per decoder. Timing covers
 * what each path really does per frame: colour conversion plus decoding, not the PNG read.
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
        List<Sample> samples = load(dir);
        if (samples.isEmpty()) {
            out.println("{\"error\":\"no image with a sibling .txt in " + dir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            out.flush();
            return 2;
        }
        List<Result> results = new ArrayList<>();
        for (Contender c : contenders()) {
            Result r = measure(c, samples);
            results.add(r);
            out.println(r.json());
        }
        out.flush();
        return results.get(0).misread() == 0 ? 0 : 1;
    }

    /** The kiosk's chain first, then the baseline. */
    public static List<Contender> contenders() {
        FrameDecoder kiosk = KioskDecoders.full();
        FrameDecoder zxingChain = KioskDecoders.zxingOnly();
        return List.of(
                new Contender("kiosk", img -> kiosk.decode(Luma.frame(img, System.nanoTime())).map(Decoded::text)),
                new Contender("kiosk-zxing-only", img -> zxingChain.decode(Luma.frame(img, System.nanoTime())).map(Decoded::text)),
                new Contender("zxing-raw", DecodeBench::rawZxing));
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
                samples.add(new Sample(name, bi, Files.readString(txt, StandardCharsets.UTF_8).strip()));
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
                if (text.get().equals(s.expected())) {
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
