package org.venuegate.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.venuegate.core.code.HealthCode;

/** The pseudonymous subject a check-in carries. Never a name or ID number. */
public final class Pseudonyms {
    private Pseudonyms() {
    }

    /** A scanned code's subject is already pseudonymous (issued by the city). */
    public static String of(HealthCode code) {
        return "S" + Long.toUnsignedString(code.subjectId());
    }

    /**
     * A hand-registered visitor (FAQ 13): a one-way hash of the normalised resident ID number, so a tracer holding
     * that ID can find the visits, while the kiosk and the hub never store the number itself.
     */
    public static String ofIdNumber(String normalizedIdNumber) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("venuegate-manual-v1:" + normalizedIdNumber).getBytes(StandardCharsets.UTF_8));
            return "M" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
