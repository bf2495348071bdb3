package org.venuegate.qr;

import java.util.SplittableRandom;

/** Health-code-like texts for QR tests: the prefix, then random Base45 characters (what an unveiled code looks like). */
final class RandomCodeTexts {
    private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private RandomCodeTexts() {
    }

    static String next(SplittableRandom random, int characters) {
        StringBuilder b = new StringBuilder("VGH1:");
        for (int k = 0; k < characters; k++) {
            b.append(BASE45.charAt(random.nextInt(BASE45.length())));
        }
        return b.toString();
    }
}
