package org.venuegate.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.QRCode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.qr.QrRenderer;

class CodeFormatTest {
    private final TestIssuer issuer = new TestIssuer();

    @Test
    void healthCodeRoundTripsEveryField() {
        HealthCode code = new HealthCode(Long.MAX_VALUE, "欧阳*娜", Colour.YELLOW, false,
                Optional.of(Instant.parse("2026-11-23T08:15:00Z")), true, 123_456_789_012L,
                Instant.parse("2026-11-24T02:00:00Z"), Instant.parse("2026-11-24T02:10:00Z"), -1L);
        ParseResult parsed = CodeFormat.parse(issuer.health(code));
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.code().kind()).isEqualTo(CodeKind.HEALTH);
        assertThat(parsed.code().health()).isEqualTo(code);
        assertThat(parsed.code().venue()).isNull();
    }

    @Test
    void venueCodeRoundTripsEveryField() {
        VenueCode code = new VenueCode(9L, "BH-1", "津B·D12345", 120116, "TAXI", true, Instant.parse("2026-01-02T03:04:05Z"));
        ParseResult parsed = CodeFormat.parse(issuer.venue(code));
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.code().kind()).isEqualTo(CodeKind.VENUE);
        assertThat(parsed.code().venue()).isEqualTo(code);
    }

    @Test
    void prefixesAreDistinctAndTextUsesOnlyTheQrAlphanumericSet() {
        String health = issuer.green();
        String venue = issuer.venue(TestIssuer.venueCode(1));
        assertThat(health).startsWith("VGH1:");
        assertThat(venue).startsWith("VGV1:");
        String alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        assertThat(health.chars().allMatch(c -> alnum.indexOf(c) >= 0)).isTrue();
        assertThat(venue.chars().allMatch(c -> alnum.indexOf(c) >= 0)).isTrue();
    }

    /** Size budget: a typical unveiled health code fits QR version 7 at level M. */
    @Test
    void typicalHealthCodeFitsVersion7AtLevelM() {
        QRCode qr = QrRenderer.encode(issuer.green(), ErrorCorrectionLevel.M);
        assertThat(qr.getMode()).isEqualTo(Mode.ALPHANUMERIC);
        assertThat(qr.getVersion().getVersionNumber()).isLessThanOrEqualTo(7);
    }

    /** Size budget: a venue code with a 20-character Chinese name fits QR version 12 at level Q. */
    @Test
    void venueCodeWithTwentyChineseCharactersFitsVersion12AtLevelQ() {
        String name = "天津市滨海新区于家堡金融区中心商务大厦一";
        assertThat(name).hasSize(20);
        VenueCode code = new VenueCode(Long.MAX_VALUE, "BH-9999999999", name, 120116, "OFFICE-BUILDING", false, Instant.parse("2026-11-24T00:00:00Z"));
        QRCode qr = QrRenderer.encode(issuer.venue(code), ErrorCorrectionLevel.Q);
        assertThat(qr.getMode()).isEqualTo(Mode.ALPHANUMERIC);
        assertThat(qr.getVersion().getVersionNumber()).isLessThanOrEqualTo(12);
    }

    @Test
    void scannerLineEndingsAreIgnored() {
        String text = issuer.green();
        assertThat(CodeFormat.parse(text + "\r\n").ok()).isTrue();
        assertThat(CodeFormat.parse("\t" + text + "\n").ok()).isTrue();
    }

    @Test
    void classifiesEveryKindOfBadText() {
        String good = issuer.green();
        assertThat(CodeFormat.parse(null).problem()).isEqualTo(ParseResult.Problem.NOT_VENUEGATE);
        assertThat(CodeFormat.parse("").problem()).isEqualTo(ParseResult.Problem.NOT_VENUEGATE);
        assertThat(CodeFormat.parse("https://example.com/pay?x=1").problem()).isEqualTo(ParseResult.Problem.NOT_VENUEGATE);
        assertThat(CodeFormat.parse("VGX1:ABC").problem()).isEqualTo(ParseResult.Problem.NOT_VENUEGATE);
        assertThat(CodeFormat.parse("VGH2:" + good.substring(5)).problem()).isEqualTo(ParseResult.Problem.UNSUPPORTED_VERSION);
        assertThat(CodeFormat.parse(good.substring(0, good.length() - 1)).problem()).isEqualTo(ParseResult.Problem.MALFORMED);
        assertThat(CodeFormat.parse(good.substring(0, good.length() - 3)).problem()).isEqualTo(ParseResult.Problem.MALFORMED);
        assertThat(CodeFormat.parse("VGH1:" + "A".repeat(CodeFormat.MAX_TEXT_LENGTH)).problem()).isEqualTo(ParseResult.Problem.TOO_LARGE);
        assertThat(CodeFormat.parse("VGH1:" + "0".repeat(60)).problem()).isEqualTo(ParseResult.Problem.MALFORMED);
        assertThat(CodeFormat.parse("VGH1:abc").problem()).isEqualTo(ParseResult.Problem.MALFORMED);
    }

    @Test
    void aHealthBodyRelabelledAsVenueNeverParsesAsAValidVenue() {
        String health = issuer.green();
        ParseResult relabelled = CodeFormat.parse("VGV1:" + health.substring(5));
        // Either the layout does not fit, or it parses but the signature (which covers the prefix) will not match.
        if (relabelled.ok()) {
            assertThat(relabelled.code().signedBytes()).startsWith("VGV1:".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else {
            assertThat(relabelled.problem()).isEqualTo(ParseResult.Problem.MALFORMED);
        }
    }
}
