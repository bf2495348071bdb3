package org.venuegate.poster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.poster.PosterLayout.QrSymbol;
import org.venuegate.poster.PosterLayout.TextLine;

/** Geometry of the shared layout: nothing overlaps, nothing leaves the page, the QR is as big as promised. */
class PosterLayoutTest {
    @TempDir
    static Path keys;

    static PosterFixtures fixtures;
    static PosterRenderer renderer;
    static PosterFont font;

    @BeforeAll
    static void setUp() throws IOException {
        fixtures = new PosterFixtures(keys);
        renderer = new PosterRenderer();
        font = PosterFont.locateAndLoad();
    }

    private static List<PosterContent> contents() {
        // 30 Chinese characters: the most a venue code's 90-byte name field holds
        String longest = "天津市滨海新区中新生态城国家动漫园文化创意产业综合服务中心东";
        return List.of(fixtures.venue, fixtures.mobile,
                new PosterContent(fixtures.venue.codeText(), longest, "天津生态城动漫园投资开发有限公司", 120116, "BH-001234", false));
    }

    @Test
    void textStaysOnThePageAndClearOfTheQrAndOfOtherText() {
        for (PosterContent c : contents()) {
            for (PaperSize paper : PaperSize.values()) {
                PosterLayout layout = renderer.layout(c, paper, ColourMode.COLOUR);
                QrSymbol qr = layout.qr();
                Rectangle2D qrBox = new Rectangle2D.Double(qr.x(), qr.y(), qr.side(), qr.side());
                List<Rectangle2D> boxes = new ArrayList<>();
                for (PosterLayout.Element e : layout.elements()) {
                    if (e instanceof TextLine t) {
                        Rectangle2D b = inkBox(t);
                        String what = paper + " \"" + t.text() + "\"";
                        assertThat(b.getMinX()).as(what).isGreaterThanOrEqualTo(5 * paper.widthMm() / 210.0);
                        assertThat(b.getMaxX()).as(what).isLessThanOrEqualTo(paper.widthMm() - 5 * paper.widthMm() / 210.0);
                        assertThat(b.getMaxY()).as(what).isLessThanOrEqualTo(paper.heightMm());
                        assertThat(b.intersects(qrBox)).as(what + " overlaps the QR or its quiet zone").isFalse();
                        for (Rectangle2D other : boxes) {
                            assertThat(b.intersects(other)).as(what + " overlaps other text").isFalse();
                        }
                        boxes.add(b);
                    }
                }
                assertThat(qrBox.getMinX()).isGreaterThanOrEqualTo(0);
                assertThat(qrBox.getMaxX()).isLessThanOrEqualTo(paper.widthMm());
                assertThat(qr.x() + qr.side() / 2).as("centred").isCloseTo(paper.widthMm() / 2.0, org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    @Test
    void qrIsLargeWithAFullQuietZoneAndAtLeastLevelQ() {
        for (PosterContent c : contents()) {
            PosterLayout a4 = renderer.layout(c, PaperSize.A4, ColourMode.MONO);
            QrSymbol qr = a4.qr();
            assertThat(qr.quietZone()).isGreaterThanOrEqualTo(4);
            assertThat(qr.level()).isIn(ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H);
            // The camera at one metre sees the QR (with quiet zone) at roughly 250 px: see PosterSelfTest.
            assertThat(qr.side() * PosterSelfTest.CAMERA_PX_PER_MM).as(c.venueName()).isBetween(235.0, 300.0);
            PosterLayout a3 = renderer.layout(c, PaperSize.A3, ColourMode.MONO);
            assertThat(a3.qr().side() / qr.side()).as("A3 is A4 enlarged").isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void levelHOnlyWhenItsModulesStayBigForTheCamera() {
        PosterContent shortCode = new PosterContent("VGV1:SHORT0TEXT0FOR0A0SMALL0SYMBOL", "小店", "某公司", 120101, "HP-1", false);
        assertThat(renderer.layout(shortCode, PaperSize.A4, ColourMode.COLOUR).qr().level()).isEqualTo(ErrorCorrectionLevel.H);
        QrSymbol signed = renderer.layout(fixtures.venue, PaperSize.A4, ColourMode.COLOUR).qr();
        assertThat(signed.level()).isEqualTo(ErrorCorrectionLevel.Q);
        assertThat(signed.module() * PosterSelfTest.CAMERA_PX_PER_MM).isGreaterThan(3.3);
    }

    @Test
    void venueNameIsLargeAndTwentyCharactersFitOneLine() {
        List<TextLine> name = nameLines(fixtures.venue);
        assertThat(name).hasSize(1);
        assertThat(name.get(0).size()).as("em size in mm").isGreaterThanOrEqualTo(9);
        assertThat(nameLines(fixtures.mobile).get(0).size()).isGreaterThanOrEqualTo(13);
        List<TextLine> longest = nameLines(contents().get(2));
        assertThat(longest).hasSize(2);
        assertThat(longest.get(0).text().length() - longest.get(1).text().length()).as("balanced").isBetween(-1, 1);
    }

    private static List<TextLine> nameLines(PosterContent c) {
        return renderer.layout(c, PaperSize.A4, ColourMode.COLOUR).elements().stream()
                .filter(e -> e instanceof TextLine t && c.venueName().contains(t.text()))
                .map(TextLine.class::cast)
                .toList();
    }

    @Test
    void infoLinesBreakBetweenLabelValuePairsOnly() {
        PosterLayout layout = renderer.layout(fixtures.mobile, PaperSize.A4, ColourMode.COLOUR);
        List<String> lines = layout.elements().stream().filter(e -> e instanceof TextLine).map(e -> ((TextLine) e).text()).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("场所编号 Venue No.：MB-000107"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("移动场所 Mobile place"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("所属区 District：滨海新区 Binhai New Area"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("单位 Unit：天津市滨海新区出租汽车有限公司"));
    }

    @Test
    void unknownDistrictShowsItsCode() {
        PosterContent c = new PosterContent(fixtures.venue.codeText(), "某店", "", 130102, "X-1", false);
        List<String> lines = renderer.layout(c, PaperSize.A4, ColourMode.COLOUR).elements().stream()
                .filter(e -> e instanceof TextLine).map(e -> ((TextLine) e).text()).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("130102")).noneSatisfy(l -> assertThat(l).contains("单位"));
    }

    private static Rectangle2D inkBox(TextLine t) {
        double w = font.width(t.text(), t.size());
        double top = t.baseline() - font.ascent() * t.size();
        double bottom = t.baseline() + font.descent() * t.size();
        return new Rectangle2D.Double(t.x(), top, w, bottom - top);
    }
}
