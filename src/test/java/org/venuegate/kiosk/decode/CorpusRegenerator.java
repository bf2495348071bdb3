package org.venuegate.kiosk.decode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.venuegate.core.TestIssuer;

/**
 * Writes the committed hard corpus: {@code mvn -q test-compile exec:java}-free, just run main from the IDE or
 * {@code java -cp target/classes:target/test-classes:... org.venuegate.kiosk.decode.CorpusRegenerator DIR}.
 * Fixed seed for the distortions; the codes are freshly signed real health codes.
 */
public final class CorpusRegenerator {
    public static final long SEED = 20261124L;

    private CorpusRegenerator() {
    }

    public static List<Path> generate(Path dir, int perKind, long seed) throws java.io.IOException {
        TestIssuer issuer = new TestIssuer();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            texts.add(issuer.health(TestIssuer.greenAt(TestIssuer.VENUE, TestIssuer.T0.plusSeconds(60L * i), 1000 + i)));
        }
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // first run
        }
        return new CorpusGenerator(400, 300).write(dir, texts, perKind, seed);
    }

    public static void main(String[] args) throws Exception {
        generate(Path.of(args.length > 0 ? args[0] : "src/test/resources/decode-corpus"), 4, SEED);
    }
}
