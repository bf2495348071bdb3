package org.venuegate.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.kiosk.decode.Decoded;
import org.venuegate.kiosk.decode.FrameDecoder;
import org.venuegate.kiosk.decode.KioskDecoders;
import org.venuegate.kiosk.ui.PromptState;
import org.venuegate.kiosk.ui.PromptViewModel;
import org.venuegate.kiosk.ui.Voice;
import org.venuegate.qr.QrRenderer;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

/** Every stop reason end to end: a camera frame holding the code, the kiosk decoder, the engine, the prompt. */
class ImageToPromptTest {
    private final KioskFixture kiosk = new KioskFixture(EntryPolicy.DEFAULT);
    private final FrameDecoder decoder = KioskDecoders.full();
    private final PromptViewModel prompt = new PromptViewModel(new Lang(Locale.ENGLISH), new InlineUiExecutor(),
            Duration.ofSeconds(4), Voice.SILENT, "Test venue", ZoneId.of("Asia/Shanghai"));

    /** The QR on a grey phone-like background in a 640x480 frame, as a camera would see it. */
    private static BufferedImage frame(String text) {
        BufferedImage qr = QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, 5, 4);
        BufferedImage f = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = f.createGraphics();
        g.setColor(new Color(90, 90, 95));
        g.fillRect(0, 0, 640, 480);
        g.drawImage(qr, (640 - qr.getWidth()) / 2, (480 - qr.getHeight()) / 2, null);
        g.dispose();
        return f;
    }

    private String headlineFor(String text) {
        Optional<String> read = decoder.decode(Luma.frame(frame(text), 0)).map(Decoded::text);
        assertThat(read).as("the decoder reads the frame").contains(text);
        prompt.show(kiosk.engine.onCode(read.get(), 0));
        return prompt.headlineProperty().get();
    }

    private String code(Colour colour, long venue, java.time.Instant admitted, long nonce) {
        return kiosk.issuer.health(new HealthCode(3, "刘*", colour, true, Optional.empty(), false, venue, admitted,
                admitted.plusSeconds(600), nonce));
    }

    @Test
    void passAndEveryStopFromAnImage() {
        String green = kiosk.issuer.green();
        assertThat(headlineFor(green)).isEmpty();
        assertThat(prompt.verdictProperty().get()).isEqualTo("PASS");
        assertThat(prompt.stateProperty().get()).isEqualTo(PromptState.PASS);
        assertThat(headlineFor(green)).isEqualTo("ALREADY USED - STOP");
        assertThat(headlineFor(code(Colour.YELLOW, TestIssuer.VENUE, TestIssuer.T0, 11))).isEqualTo("YELLOW CODE - STOP");
        assertThat(headlineFor(code(Colour.RED, TestIssuer.VENUE, TestIssuer.T0, 12))).isEqualTo("RED CODE - STOP");
        assertThat(headlineFor(code(Colour.GREEN, TestIssuer.VENUE + 1, TestIssuer.T0, 13))).isEqualTo("SCANNED AT ANOTHER VENUE - STOP");
        assertThat(headlineFor(code(Colour.GREEN, TestIssuer.VENUE, TestIssuer.T0.minusSeconds(400), 14))).isEqualTo("SCAN TOO OLD - STOP");
        var forger = Ed25519.generate();
        String forged = CodeFormat.encodeHealth(TestIssuer.greenAt(TestIssuer.VENUE, TestIssuer.T0, 15), forger.getPrivate(),
                kiosk.issuer.health.getPublic());
        assertThat(headlineFor(forged)).isEqualTo("INVALID HEALTH CODE - STOP");
        assertThat(headlineFor(kiosk.issuer.venue(TestIssuer.venueCode(TestIssuer.VENUE)))).isEqualTo("THIS IS A VENUE CODE - SHOW YOUR HEALTH CODE");
        assertThat(headlineFor("https://qr.alipay.com/pay123")).isEqualTo("NOT A HEALTH CODE - STOP");
        kiosk.issuer.revokedVenues.add(TestIssuer.VENUE);
        assertThat(headlineFor(code(Colour.GREEN, TestIssuer.VENUE, TestIssuer.T0, 16))).isEqualTo("VENUE CODE REVOKED - STOP");
        assertThat(prompt.stateProperty().get()).matches(PromptState::stop);
        assertThat(kiosk.recorded).hasSize(10);
    }
}
