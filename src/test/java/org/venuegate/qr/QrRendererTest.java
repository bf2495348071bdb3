package org.venuegate.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The phone's render: a symbol a camera-style ZXing scan finds at the drawn size, not only a pure-symbol reader. */
class QrRendererTest {
    /** Health codes whose symbol under the encoder's best mask the detector misses at that many pixels per module. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5|VGH1:000000+J7QAD-:03%N2J5*CJ7Q2$L066C000000G00/MI3S0CAKS5B0000000001%9QVQKD3/LMMPCZ+UYCE2KQ/FG*:2M2ME7H9Y4/1H*.AECOSJJ.D0+3MJGSI$55MF95MYQBJBE%AKTIV1EQBVNY59KG5LIM.14+S1A0",
            "5|VGH1:000000+J7QAD-:03%N2J5*CJ7Q2$L066C000000G00/MI3S0CAKS5B000000000+$970B8WN%KDV+ROOU9ME5:O43WG5WX B594X0V049TKN-*NF+VV93D4KIC5N%8E6M.PB6.E-MR.GTZGBM OL8KOPU %MJ0CBH8M0C80",
            "4|VGH1:Q4N.CHF%6N6N92+$Q-JP5TW%AV0+G3VAA/D3..J0CG5BZ+16HF791%0NQ3Y+JDY0U7VC-$OXPKC0Q/1R7$72N3D1/9XD6$QUZKHBDOH6NFFTLEI6B*QYA2H3OBVATM.ITE*.$0FW2OQG8Y.E5 P/Q7YM4P$37IP3"})
    void aSymbolThatFoolsTheDetectorIsDrawnUnderAMaskItReads(int px, String text) {
        BufferedImage best = QrRenderer.render(text, ErrorCorrectionLevel.M, px, 4);
        assertThat(QrImageDecoder.detect(best)).isEmpty();
        BufferedImage readable = QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, px, 4);
        assertThat(readable.getWidth()).isEqualTo(best.getWidth());
        assertThat(QrImageDecoder.detect(readable)).contains(text);
    }

    @Test
    void aSymbolTheDetectorReadsIsDrawnAsTheEncoderChoseIt() {
        String text = "VGH1:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        BufferedImage best = QrRenderer.render(text, ErrorCorrectionLevel.M, 5, 4);
        assertThat(QrImageDecoder.detect(best)).contains(text);
        assertThat(pixels(QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, 5, 4))).isEqualTo(pixels(best));
    }

    @Test
    void smallModulesAreJudgedOnALargerCopyAndStillReadAsThePhoneShowsThem() {
        String text = "VGH1:Q4N.CHF%6N6N92+$Q-JP5TW%AV0+G3VAA/D3..J0CG5BZ+16HF791%0NQ3Y+JDY0U7VC-$OXPKC0Q/1R7$72N3D1/9XD6$QUZKHBDOH6NFFTLEI6B*QYA2H3OBVATM.ITE*.$0FW2OQG8Y.E5 P/Q7YM4P$37IP3";
        BufferedImage small = QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, 2, 4);
        assertThat(small.getWidth()).isEqualTo(QrRenderer.render(text, ErrorCorrectionLevel.M, 2, 4).getWidth());
        assertThat(QrImageDecoder.decode(small)).contains(text);
    }

    @Test
    void randomCodeTextsAreDrawnSoTheDetectorReadsThemWhereTheEncodersChoiceAloneMissesSome() {
        SplittableRandom random = new SplittableRandom(2027);
        int missedBest = 0;
        int missedReadable = 0;
        for (int i = 0; i < 600; i++) {
            String text = RandomCodeTexts.next(random, 160);
            int px = 4 + i % 2;
            if (QrImageDecoder.detect(QrRenderer.render(text, ErrorCorrectionLevel.M, px, 4)).isEmpty()) {
                missedBest++;
            }
            if (!QrImageDecoder.detect(QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, px, 4)).equals(Optional.of(text))) {
                missedReadable++;
            }
        }
        assertThat(missedBest).as("the encoder's choice alone").isPositive();
        assertThat(missedReadable).isZero();
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
