package org.venuegate.core.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.json.Json;

/**
 * A time statement the hub signs on request: its clock now, bound to the asking kiosk's random nonce so an old
 * answer cannot be replayed to move the kiosk's clock. Signed with the root key every kiosk pins at pairing.
 */
public record SignedTime(String format, String keyId, String payload, String signature) {
    public static final String FORMAT = "venuegate-time/1";
    /** Nonces are 16 random bytes, Base64; anything else is refused before signing. */
    public static final int NONCE_BYTES = 16;

    /** What is signed. */
    public record Statement(Instant time, String nonce) {
    }

    /** Why a time answer was refused. */
    public enum Problem { MALFORMED, UNSUPPORTED_FORMAT, WRONG_KEY, BAD_SIGNATURE, WRONG_NONCE }

    /** Outcome of {@link #open}: the hub's time, or a problem with a specific detail. */
    public record Opened(Instant time, Problem problem, String detail) {
        public boolean ok() {
            return time != null;
        }
    }

    /** True for a Base64 text of exactly {@link #NONCE_BYTES} bytes. */
    public static boolean validNonce(String nonce) {
        if (nonce == null || nonce.length() > 32) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(nonce).length == NONCE_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String sign(Instant time, String nonce, PrivateKey rootPrivate, PublicKey rootPublic) {
        if (!validNonce(nonce)) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes in Base64");
        }
        ObjectMapper mapper = Json.mapper();
        try {
            String payload = mapper.writeValueAsString(new Statement(time, nonce));
            byte[] sig = Ed25519.sign(rootPrivate, (FORMAT + "\n" + payload).getBytes(StandardCharsets.UTF_8));
            return mapper.writeValueAsString(new SignedTime(FORMAT, Ed25519.keyId(rootPublic), payload,
                    Base64.getEncoder().encodeToString(sig)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("time statement serialisation failed", e);
        }
    }

    /** Checks an answer against the pinned root key and the nonce this kiosk sent. Never throws for bad input. */
    public static Opened open(String document, PublicKey pinnedRoot, String expectedNonce) {
        ObjectMapper mapper = Json.mapper();
        SignedTime doc;
        try {
            doc = mapper.readValue(document, SignedTime.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Opened(null, Problem.MALFORMED, "not a time statement");
        }
        if (doc == null || doc.payload() == null || doc.signature() == null) {
            return new Opened(null, Problem.MALFORMED, "payload or signature missing");
        }
        if (!FORMAT.equals(doc.format())) {
            return new Opened(null, Problem.UNSUPPORTED_FORMAT, String.valueOf(doc.format()));
        }
        if (!Ed25519.keyId(pinnedRoot).equals(doc.keyId())) {
            return new Opened(null, Problem.WRONG_KEY, "signed by " + doc.keyId() + ", pinned root is " + Ed25519.keyId(pinnedRoot));
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(doc.signature());
        } catch (IllegalArgumentException e) {
            return new Opened(null, Problem.MALFORMED, "signature is not Base64");
        }
        if (!Ed25519.verify(pinnedRoot, (FORMAT + "\n" + doc.payload()).getBytes(StandardCharsets.UTF_8), sig)) {
            return new Opened(null, Problem.BAD_SIGNATURE, "root signature does not match the statement");
        }
        Statement s;
        try {
            s = mapper.readValue(doc.payload(), Statement.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Opened(null, Problem.MALFORMED, "statement unreadable");
        }
        if (s == null || s.time() == null || s.nonce() == null) {
            return new Opened(null, Problem.MALFORMED, "time or nonce missing");
        }
        if (!s.nonce().equals(expectedNonce)) {
            return new Opened(null, Problem.WRONG_NONCE, "answer is for another request (replayed or mixed up)");
        }
        return new Opened(s.time(), null, null);
    }
}
