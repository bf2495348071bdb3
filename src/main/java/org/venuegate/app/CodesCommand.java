package org.venuegate.app;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.keys.KeyRing;
import org.venuegate.qr.QrImageDecoder;
import org.venuegate.qr.QrRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code venuegate codes}: issue codes from given fields (tests, demo, training) and inspect any code. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Issues venue and health codes with a key ring, and inspects codes from text or images.",
        subcommands = {CodesCommand.IssueVenue.class, CodesCommand.IssueHealth.class, InspectCommand.class})
final class CodesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Options and output shared by both issue commands. */
    abstract static class IssueSub implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--keys", required = true, paramLabel = "DIR", description = "Key ring folder (from 'keys init').")
        Path keys;

        @Option(names = "--png", paramLabel = "FILE", description = "Also write the QR as a PNG image.")
        Path png;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            try {
                String text = issue(KeyRing.load(keys));
                spec.commandLine().getOut().println(text);
                if (png != null) {
                    BufferedImage img = QrRenderer.renderReadable(text, level(), 8, 4);
                    if (!ImageIO.write(img, "png", png.toFile())) {
                        throw new IOException("no PNG writer available");
                    }
                }
                return 0;
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                spec.commandLine().getErr().println("venuegate codes " + spec.name() + ": " + e.getMessage());
                return 1;
            }
        }

        abstract String issue(KeyRing ring);

        abstract ErrorCorrectionLevel level();

        Instant now() {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    @Command(name = "issue-venue", mixinStandardHelpOptions = true, description = "Issues a signed venue code (the poster QR).")
    static final class IssueVenue extends IssueSub {
        @Option(names = "--id", required = true, description = "Venue id.")
        long id;

        @Option(names = "--number", required = true, description = "Short venue number printed under the QR, e.g. HP-000042.")
        String number;

        @Option(names = "--name", required = true, description = "Venue name; for a taxi or ship its plate or ship number.")
        String name;

        @Option(names = "--district", required = true, description = "Six-digit district code, e.g. 120101 (Heping).")
        int district;

        @Option(names = "--category", required = true, description = "Industry category code, e.g. MALL.")
        String category;

        @Option(names = "--mobile", description = "A mobile place (taxi, ship).")
        boolean mobile;

        @Option(names = "--issued-at", description = "Signing time (default: now).")
        Instant issuedAt;

        @Override
        String issue(KeyRing ring) {
            Instant t = issuedAt != null ? issuedAt.truncatedTo(ChronoUnit.SECONDS) : now();
            return ring.issueVenue(new VenueCode(id, number, name, district, category, mobile, t), t);
        }

        @Override
        ErrorCorrectionLevel level() {
            return ErrorCorrectionLevel.Q;
        }
    }

    @Command(name = "issue-health", mixinStandardHelpOptions = true,
            description = "Issues a signed unveiled health code, as the phone shows it after scanning a venue code.")
    static final class IssueHealth extends IssueSub {
        private static final SecureRandom RANDOM = new SecureRandom();

        @Option(names = "--subject", required = true, description = "Pseudonymous subject id.")
        long subject;

        @Option(names = "--name", required = true, description = "Masked display name, e.g. 张*明.")
        String maskedName;

        @Option(names = {"--colour", "--color"}, required = true, description = "green, yellow or red")
        Colour colour;

        @Option(names = "--badge", description = "Vaccination badge (Jindun).")
        boolean badge;

        @Option(names = "--test-at", description = "Time of the last negative nucleic-acid test.")
        Instant testAt;

        @Option(names = "--proxy", description = "Shown for a dependant through a guardian's account.")
        boolean proxy;

        @Option(names = "--venue", required = true, description = "The venue id the code is unveiled for.")
        long venue;

        @Option(names = "--admitted-at", description = "Admission time (default: now).")
        Instant admittedAt;

        @Option(names = "--valid-for", defaultValue = "10m", description = "Validity after admission (default: ${DEFAULT-VALUE}).")
        Duration validFor;

        @Option(names = "--nonce", description = "One-time value (default: random).")
        Long nonce;

        @Override
        String issue(KeyRing ring) {
            Instant t = admittedAt != null ? admittedAt.truncatedTo(ChronoUnit.SECONDS) : now();
            HealthCode code = new HealthCode(subject, maskedName, colour, badge,
                    Optional.ofNullable(testAt).map(x -> x.truncatedTo(ChronoUnit.SECONDS)), proxy, venue, t,
                    t.plus(validFor), nonce != null ? nonce : RANDOM.nextLong());
            return ring.issueHealth(code, t);
        }

        @Override
        ErrorCorrectionLevel level() {
            return ErrorCorrectionLevel.M;
        }
    }

    static String readText(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static Optional<String> decodeImage(Path image) throws IOException {
        BufferedImage img = ImageIO.read(image.toFile());
        if (img == null) {
            throw new IOException(image + " is not an image this program can read (PNG, JPEG, BMP, GIF)");
        }
        return QrImageDecoder.decode(img);
    }
}
