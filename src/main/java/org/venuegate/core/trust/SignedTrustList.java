package org.venuegate.core.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.json.Json;

/**
 * The trust list as a file or an HTTP body. The payload is kept as the exact JSON text that was signed, so
 * verification never depends on re-serialising JSON the same way twice.
 */
public record SignedTrustList(String format, String rootKeyId, String payload, String signature) {
    public static final String FORMAT = "venuegate-trust-list/1";

    /** Why a trust-list document was refused. */
    public enum Problem { MALFORMED, UNSUPPORTED_FORMAT, WRONG_ROOT, BAD_SIGNATURE }

    /** Outcome of {@link #open}: the list, or a problem with a specific detail. */
    public record Opened(TrustList list, Problem problem, String detail) {
        public boolean ok() {
            return list != null;
        }
    }

    public static String sign(TrustList list, PrivateKey rootPrivate, PublicKey rootPublic) {
        ObjectMapper mapper = Json.mapper();
        try {
            String payload = mapper.writeValueAsString(list);
            byte[] sig = Ed25519.sign(rootPrivate, payload.getBytes(StandardCharsets.UTF_8));
            SignedTrustList doc = new SignedTrustList(FORMAT, Ed25519.keyId(rootPublic), payload,
                    Base64.getEncoder().encodeToString(sig));
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trust list serialisation failed", e);
        }
    }

    /** Checks the document against the pinned root key. Never throws for bad input. */
    public static Opened open(String document, PublicKey pinnedRoot) {
        ObjectMapper mapper = Json.mapper();
        SignedTrustList doc;
        try {
            doc = mapper.readValue(document, SignedTrustList.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Opened(null, Problem.MALFORMED, firstLine(e.getMessage()));
        }
        if (doc == null || doc.payload() == null || doc.signature() == null) {
            return new Opened(null, Problem.MALFORMED, "payload or signature missing");
        }
        if (!FORMAT.equals(doc.format())) {
            return new Opened(null, Problem.UNSUPPORTED_FORMAT, String.valueOf(doc.format()));
        }
        if (!Ed25519.keyId(pinnedRoot).equals(doc.rootKeyId())) {
            return new Opened(null, Problem.WRONG_ROOT, "signed by root " + doc.rootKeyId() + ", pinned root is " + Ed25519.keyId(pinnedRoot));
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(doc.signature());
        } catch (IllegalArgumentException e) {
            return new Opened(null, Problem.MALFORMED, "signature is not Base64");
        }
        if (!Ed25519.verify(pinnedRoot, doc.payload().getBytes(StandardCharsets.UTF_8), sig)) {
            return new Opened(null, Problem.BAD_SIGNATURE, "root signature does not match the payload");
        }
        try {
            TrustList list = mapper.readValue(doc.payload(), TrustList.class);
            if (list == null) {
                return new Opened(null, Problem.MALFORMED, "empty payload");
            }
            for (TrustedKey k : list.keys()) {
                k.decodedKey(); // a signed list with an undecodable key is still unusable
            }
            return new Opened(list, null, null);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return new Opened(null, Problem.MALFORMED, firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
