package org.venuegate.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clean renders, as the phone shows its code and as {@code codes inspect --image} meets screenshots. */
class QrImageDecoderTest {
    /** Health-code texts whose render the finder-pattern search alone does not find (found by the loop below). */
    @ParameterizedTest
    @ValueSource(strings = {
            "VGH1:Q4N.CHF%6N6N92+$Q-JP5TW%AV0+G3VAA/D3..J0CG5BZ+16HF791%0NQ3Y+JDY0U7VC-$OXPKC0Q/1R7$72N3D1/9XD6$QUZKHBDOH6NFFTLEI6B*QYA2H3OBVATM.ITE*.$0FW2OQG8Y.E5 P/Q7YM4P$37IP3",
            "VGH1:V4X/Z:%/C+JA%SX*.MS8VGO4D6K:D/PSDT/6RW  12GQVYF7$T3VK2U.BV2XG8N9X8-6H$SR5V4MN/Q7383EJ2Y8PO5PQ62E76FJKY1.SD+FJXMOK-H X C-*BSP.ICE2XU 8LOTV+UVYFS2Y-JHV*:C.HRL5PMN",
            "VGH1:110JF8:0:*5PT::5E21O/7PSBMOHZT*XWTTVQ/:$-P1ID: 2MJYI XWD+ITX3$ZKC+S%WG%%-2OAY:/YL:*ICZXD. *WEGIPDP$%QW1%4QBR0+7Z3T:$TKAZB%Z.:*DM4PAOC:V3D7A+U%$94M/3VH:.AV%-T1W$"})
    void symbolsThatFoolTheFinderSearchAreStillRead(String text) {
        assertThat(QrImageDecoder.decode(QrRenderer.render(text, ErrorCorrectionLevel.M, 4, 4))).contains(text);
    }

    @Test
    void everyCleanRenderOfRandomCodeTextsReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(2026);
        int missed = 0;
        for (int i = 0; i < 500; i++) {
            String text = RandomCodeTexts.next(random, 160);
            if (!QrImageDecoder.decode(QrRenderer.render(text, ErrorCorrectionLevel.M, 4, 4)).equals(java.util.Optional.of(text))) {
                missed++;
            }
        }
        assertThat(missed).isZero();
    }
}
