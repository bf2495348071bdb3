package org.venuegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.json.Json;

/** Drives the real command line in-process, as an operator would from a shell. */
class CliTest {
    @TempDir
    Path dir;
    Path keys;

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Launcher.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeEach
    void keys() {
        keys = dir.resolve("keys");
        assertThat(run("keys", "init", keys.toString()).status()).isZero();
        assertThat(run("keys", "trust-list", keys.toString()).status()).isZero();
    }

    @Test
    void issueAndInspectAHealthCodeByTextAndByImage() throws Exception {
        Path png = dir.resolve("health.png");
        Run issued = run("codes", "issue-health", "--keys", keys.toString(), "--subject", "1001", "--name", "王*华",
                "--colour", "green", "--badge", "--venue", "42", "--png", png.toString());
        assertThat(issued.status()).as(issued.err()).isZero();
        String text = issued.out().trim();
        assertThat(text).startsWith("VGH1:");
        String trust = keys.resolve("trust-list.json").toString();

        Run byText = run("codes", "inspect", "--trust-list", trust, "--venue", "42", text);
        assertThat(byText.status()).isEqualTo(0);
        assertThat(byText.json().get("reason").asText()).isEqualTo("VALID");
        assertThat(byText.json().get("health").get("maskedName").asText()).isEqualTo("王*华");

        Run byImage = run("codes", "inspect", "--image", png.toString(), "--trust-list", trust, "--lang", "en");
        assertThat(byImage.status()).isEqualTo(0);
        assertThat(byImage.json().get("kind").asText()).isEqualTo("HEALTH");
        assertThat(byImage.json().get("message").asText()).isEqualTo("valid");

        Run otherVenue = run("codes", "inspect", "--trust-list", trust, "--venue", "43", text);
        assertThat(otherVenue.status()).isEqualTo(1);
        assertThat(otherVenue.json().get("reason").asText()).isEqualTo("OTHER_VENUE");
    }

    @Test
    void venueCodeAndRevocationThroughTheTrustList() throws Exception {
        Run issued = run("codes", "issue-venue", "--keys", keys.toString(), "--id", "7", "--number", "HP-7",
                "--name", "津B·D12345", "--district", "120101", "--category", "TAXI", "--mobile");
        assertThat(issued.status()).as(issued.err()).isZero();
        String text = issued.out().trim();
        String trust = keys.resolve("trust-list.json").toString();
        assertThat(run("codes", "inspect", "--trust-list", trust, text).status()).isZero();
        // issue 13, defect 5: with --venue the question is a health code's entry; a venue code is not one
        Run asEntry = run("codes", "inspect", "--trust-list", trust, "--venue", "7", text);
        assertThat(asEntry.status()).isEqualTo(1);
        assertThat(asEntry.json().get("valid").asBoolean()).isFalse();
        assertThat(asEntry.json().get("reason").asText()).isEqualTo("VENUE_CODE_NOT_HEALTH");

        assertThat(run("keys", "revoke-venue", keys.toString(), "7").status()).isZero();
        assertThat(run("keys", "trust-list", keys.toString()).status()).isZero();
        Run revoked = run("codes", "inspect", "--trust-list", trust, text);
        assertThat(revoked.status()).isEqualTo(1);
        assertThat(revoked.json().get("reason").asText()).isEqualTo("REVOKED_VENUE");
    }

    @Test
    void rotateAndRevokeKeys() throws Exception {
        String before = run("codes", "issue-health", "--keys", keys.toString(), "--subject", "1", "--name", "李*",
                "--colour", "yellow", "--venue", "1").out().trim();
        Run rotated = run("keys", "rotate", keys.toString(), "--role", "health", "--overlap", "1d");
        assertThat(rotated.status()).as(rotated.err()).isZero();
        String newKid = rotated.out().split(" ")[1];
        String after = run("codes", "issue-health", "--keys", keys.toString(), "--subject", "1", "--name", "李*",
                "--colour", "yellow", "--venue", "1").out().trim();
        run("keys", "trust-list", keys.toString());
        String trust = keys.resolve("trust-list.json").toString();
        JsonNode oldJson = run("codes", "inspect", "--trust-list", trust, before).json();
        JsonNode newJson = run("codes", "inspect", "--trust-list", trust, after).json();
        assertThat(oldJson.get("valid").asBoolean()).isTrue();
        assertThat(newJson.get("keyId").asText()).isEqualTo(newKid).isNotEqualTo(oldJson.get("keyId").asText());

        assertThat(run("keys", "revoke", keys.toString(), oldJson.get("keyId").asText()).status()).isZero();
        run("keys", "trust-list", keys.toString());
        assertThat(run("codes", "inspect", "--trust-list", trust, before).json().get("reason").asText()).isEqualTo("REVOKED_KEY");
        assertThat(run("codes", "inspect", "--trust-list", trust, after).status()).isZero();
    }

    @Test
    void notAVenueGateCodeIsReportedEvenWithoutATrustList() throws Exception {
        Run r = run("codes", "inspect", "https://example.com/");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("NOT_VENUEGATE");
    }

    @Test
    void inspectAtAGivenTimeSeesStaleness() throws Exception {
        Instant admitted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String text = run("codes", "issue-health", "--keys", keys.toString(), "--subject", "1", "--name", "李*",
                "--colour", "green", "--venue", "1", "--admitted-at", admitted.toString(), "--valid-for", "1h").out().trim();
        Run r = run("codes", "inspect", "--trust-list", keys.resolve("trust-list.json").toString(),
                "--at", admitted.plusSeconds(1800).toString(), text);
        assertThat(r.json().get("reason").asText()).isEqualTo("STALE_ADMISSION");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        Run unknown = run("codes", "inspect", "--bogus");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--bogus'");
        Run badTime = run("codes", "inspect", "--at", "yesterday", "X");
        assertThat(badTime.status()).isEqualTo(2);
        assertThat(badTime.err()).contains("'yesterday' is not a time");
        Run noRoot = run("codes", "inspect", "--trust-list", dir.resolve("missing.json").toString(), "X");
        assertThat(noRoot.status()).isEqualTo(2);
        assertThat(run("frobnicate").status()).isEqualTo(2);
    }

    @Test
    void imageWithoutACodeAndAFileThatIsNoImage() throws Exception {
        Path notImage = dir.resolve("note.png");
        Files.writeString(notImage, "hello");
        assertThat(run("codes", "inspect", "--image", notImage.toString()).status()).isEqualTo(2);
        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
        Run r = run("codes", "inspect", "--image", blank.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).isEqualTo("NO_QR_FOUND");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : new String[] {"demo", "kiosk", "review", "hub", "phone", "keys", "codes", "bench"}) {
            Run r = run(cmd, "--help");
            assertThat(r.status()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: venuegate " + cmd);
        }
        assertThat(run("keys", "init", keys.toString()).err()).contains("refusing to overwrite");
    }
}
