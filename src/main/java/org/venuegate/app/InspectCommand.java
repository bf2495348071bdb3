package org.venuegate.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.i18n.Messages;
import org.venuegate.core.json.Json;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.ReplayGuard;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.core.verify.VerificationResult;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code venuegate codes inspect}: prints one JSON object with the verification result and the decoded fields.
 * Exit 0 valid, 1 invalid (or no code found), 2 usage.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Verifies a code given as text or found in an image and prints one JSON object.",
                "Exit status: 0 valid, 1 invalid or not found, 2 usage error."})
final class InspectCommand implements Callable<Integer> {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(index = "0", paramLabel = "TEXT", description = "The QR text.")
        String text;

        @Option(names = "--image", paramLabel = "FILE", description = "A photo or screenshot containing the QR.")
        Path image;
    }

    @Option(names = "--trust-list", paramLabel = "FILE", description = "Signed trust list to verify against.")
    Path trustList;

    @Option(names = "--root", paramLabel = "FILE|KEY",
            description = "Pinned root public key (Base64, or a file holding it). Default: root.pub beside the trust list.")
    String root;

    @Option(names = "--venue", paramLabel = "ID", description = "Check that a health code was unveiled for this venue.")
    Long venue;

    @Option(names = "--at", paramLabel = "TIME", description = "Verify as of this time (default: now).")
    Instant at;

    @Option(names = "--lang", defaultValue = "zh-CN", description = "Language of the message: zh-CN or en.")
    String lang;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        ObjectNode json = Json.mapper().createObjectNode();
        Locale locale = Locale.forLanguageTag(lang);
        String text = source.text;
        if (source.image != null) {
            try {
                Optional<String> found = CodesCommand.decodeImage(source.image);
                if (found.isEmpty()) {
                    json.put("valid", false);
                    json.put("reason", "NO_QR_FOUND");
                    json.put("message", locale.getLanguage().equals("en") ? "no QR code found in the image" : "图片中未找到二维码");
                    return print(json, INVALID);
                }
                text = found.get();
            } catch (IOException e) {
                return usage("cannot read image: " + e.getMessage());
            }
        }
        TrustList trust = null;
        if (trustList != null) {
            try {
                PublicKey pinned = pinnedRoot();
                SignedTrustList.Opened opened = SignedTrustList.open(Files.readString(trustList), pinned);
                if (!opened.ok()) {
                    return usage("trust list " + trustList + " refused: " + opened.problem() + " (" + opened.detail() + ")");
                }
                trust = opened.list();
            } catch (IOException | IllegalArgumentException e) {
                return usage(e.getMessage());
            }
        }
        Instant now = at != null ? at : clock.instant();
        CodeVerifier verifier = new CodeVerifier(trust, VerificationPolicy.DEFAULT);
        // --venue asks "may this health code enter venue N?": a venue code (or anything else) is then not valid
        VerificationResult r = verifier.verify(text,
                venue == null ? Optional.empty() : Optional.of(org.venuegate.core.code.CodeKind.HEALTH),
                venue == null ? OptionalLong.empty() : OptionalLong.of(venue), now, ReplayGuard.NONE);
        json.put("valid", r.valid());
        json.put("reason", r.reason().name());
        json.put("message", Messages.get(locale, "verify." + r.reason().name()));
        if (r.kind() != null) {
            json.put("kind", r.kind().name());
            json.put("keyId", r.keyId());
        }
        json.put("authentic", r.authentic());
        if (r.detail() != null) {
            json.put("detail", r.detail());
        }
        if (trust != null) {
            json.put("trustListSequence", trust.sequence());
        }
        json.put("checkedAt", now.toString());
        r.venueCode().ifPresent(v -> json.set("venue", Json.mapper().valueToTree(v)));
        r.healthCode().ifPresent(h -> json.set("health", Json.mapper().valueToTree(h)));
        return print(json, r.valid() ? VALID : INVALID);
    }

    private PublicKey pinnedRoot() throws IOException {
        String keyText;
        if (root == null) {
            Path beside = trustList.toAbsolutePath().resolveSibling(KeysCommand.ROOT_PUBLIC_FILE);
            if (!Files.exists(beside)) {
                throw new IllegalArgumentException("no root key: pass --root, or keep root.pub beside the trust list");
            }
            keyText = Files.readString(beside);
        } else if (Files.exists(Path.of(root))) {
            keyText = Files.readString(Path.of(root));
        } else {
            keyText = root;
        }
        try {
            return Ed25519.decodePublic(keyText.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("root key is not a Base64 Ed25519 public key");
        }
    }

    private int print(ObjectNode json, int status) {
        try {
            spec.commandLine().getOut().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return status;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("venuegate codes inspect: " + message);
        return USAGE;
    }
}
