package org.venuegate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.Base45;

/**
 * Random and mutated strings through the verification that {@code codes inspect} runs: no crash, nothing valid.
 * 50,000 by default; -Dvenuegate.fuzz.count for more (the README's release check runs a million). The default lives
 * here only: Maven passes a -D on its command line through to the test.
 */
class InspectFuzzTest {
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    @Test
    void randomAndMutatedTextNeverCrashesAndNeverVerifies() {
        int count = Integer.getInteger("venuegate.fuzz.count", 50_000);
        TestIssuer issuer = new TestIssuer();
        String[] seeds = {issuer.green(), issuer.venue(TestIssuer.venueCode(TestIssuer.VENUE))};
        CodeVerifier verifier = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT);
        Instant now = TestIssuer.T0.plusSeconds(5);
        SplittableRandom rnd = new SplittableRandom(20261124);
        int valid = 0;
        int parsedFar = 0;
        for (int i = 0; i < count; i++) {
            String text = switch (i % 5) {
                case 0 -> randomText(rnd, rnd.nextInt(0, 300), false);
                case 1 -> "VGH1:" + randomText(rnd, rnd.nextInt(0, 300), true);
                case 2 -> mutate(seeds[rnd.nextInt(2)], rnd, true);
                case 3 -> seeds[rnd.nextInt(2)].substring(0, 5) + Base45.encode(randomBytes(rnd, rnd.nextInt(60, 200)));
                default -> rnd.nextBoolean() ? splice(seeds, rnd) : mutate(seeds[rnd.nextInt(2)], rnd, false);
            };
            VerificationResult r = verifier.verify(text, Optional.empty(), OptionalLong.empty(), now, ReplayGuard.NONE);
            assertThat(r).isNotNull();
            if (r.valid()) {
                valid++;
            }
            if (r.kind() != null) {
                parsedFar++;
            }
        }
        System.out.printf("InspectFuzzTest: %d strings, %d parsed as a VenueGate code far enough to reach its signature,"
                + " %d verified%n", count, parsedFar, valid);
        assertThat(valid).as("forged or mutated texts that verified").isZero();
        // Sanity: the fuzzer does reach past the parser, or it would prove nothing about the signature path.
        assertThat(parsedFar).isGreaterThan(count / 10);
    }

    private static String randomText(SplittableRandom rnd, int len, boolean alnumOnly) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(alnumOnly ? ALNUM.charAt(rnd.nextInt(ALNUM.length())) : (char) rnd.nextInt(1, 0x3000));
        }
        return sb.toString();
    }

    private static byte[] randomBytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return b;
    }

    private static String mutate(String seed, SplittableRandom rnd, boolean substituteOnly) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = rnd.nextInt(1, 4);
        for (int e = 0; e < edits; e++) {
            int pos = rnd.nextInt(5, sb.length());
            switch (substituteOnly ? 0 : rnd.nextInt(3)) {
                case 0 -> sb.setCharAt(pos, ALNUM.charAt(rnd.nextInt(ALNUM.length())));
                case 1 -> sb.deleteCharAt(pos);
                default -> sb.insert(pos, ALNUM.charAt(rnd.nextInt(ALNUM.length())));
            }
        }
        String s = sb.toString();
        return s.equals(seed) ? s + "0" : s;
    }

    private static String splice(String[] seeds, SplittableRandom rnd) {
        String a = seeds[0];
        String b = seeds[1];
        int cut = rnd.nextInt(6, Math.min(a.length(), b.length()));
        return a.substring(0, cut) + b.substring(cut);
    }
}
