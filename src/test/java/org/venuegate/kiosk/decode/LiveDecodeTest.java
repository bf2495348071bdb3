package org.venuegate.kiosk.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.venuegate.core.TestIssuer;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.kiosk.capture.Luma;
import org.venuegate.qr.QrRenderer;

/** The live path's bounded work per frame: rotation, the pass that last read, and the quiet empty scene. */
class LiveDecodeTest {
    private final String code = new TestIssuer().green();

    /** A phone-like scene (not flat), optionally with the code at (x, y) in modules of {@code module} px. */
    private static BufferedImage scene(int w, int h, String text, int module, int x, int y) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(70, 72, 78));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(200, 200, 205));
        g.fillRoundRect(w / 2 - h / 4, h / 10, h / 2, h * 8 / 10, 30, 30);
        if (text != null) {
            g.drawImage(QrRenderer.renderReadable(text, ErrorCorrectionLevel.M, module, 4), x, y, null);
        }
        g.dispose();
        return img;
    }

    /** The same picture with fresh sensor noise (+-3 grey levels), as a camera delivers a still scene. */
    private static Frame noisy(BufferedImage img, Random rnd) {
        byte[] luma = Luma.fromImage(img);
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) Math.max(0, Math.min(255, (luma[i] & 0xff) + rnd.nextInt(7) - 3));
        }
        return new Frame(img.getWidth(), img.getHeight(), luma, 0);
    }

    private static Frame stripes() {
        byte[] stripes = new byte[640 * 480];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = (byte) ((i / 7) % 2 == 0 ? 30 : 220);
        }
        return new Frame(640, 480, stripes, 0);
    }

    @Test
    void aHeldCodeOnlyTheLastPassReadsIsReadWithinOneRotation() {
        FrameDecoder d = new FrameDecoder(f -> Optional.of("OTHER"));
        Frame held = stripes();
        int passes = d.hardPassNames(held).size();
        assertThat(d.hardPassNames(held)).contains("last-resort");
        int frames = 0;
        Optional<Decoded> r = Optional.empty();
        while (r.isEmpty() && frames < passes) {
            r = d.decodeLive(held);
            frames++;
        }
        assertThat(r).map(Decoded::pass).contains("last-resort");
        // ... and each frame before it ran the cheap pass and one harder pass, never more
        assertThat(d.passesRun()).isEqualTo(2L * frames);
    }

    @Test
    void everyHardPassGetsItsTurnOnAHeldCodeWhateverTheRotationStartsAt() {
        for (int start = 0; start < 6; start++) {
            List<String> asked = new ArrayList<>();
            FrameDecoder d = new FrameDecoder(f -> {
                asked.add("last-resort");
                return Optional.empty();
            });
            Frame other = noisy(scene(640, 480, null, 3, 0, 0), new Random(start));
            for (int i = 0; i < start; i++) {
                d.decodeLive(noisy(scene(640, 480, null, 3, 0, 0), new Random(100 + i))); // moves the rotation on
            }
            d.decodeLive(other);
            Frame held = stripes();
            int passes = d.hardPassNames(held).size();
            for (int i = 0; i < passes; i++) {
                d.decodeLive(held);
            }
            assertThat(asked).as("rotation start %d", start).isNotEmpty();
        }
    }

    @Test
    void hardCorpusImagesHeldUpAreReadWithinOneRotationOfLiveFrames() throws Exception {
        Path dir = Path.of(LiveDecodeTest.class.getResource("/decode-corpus").toURI());
        List<DecodeBench.Sample> samples = DecodeBench.load(dir);
        FrameDecoder still = KioskDecoders.full();
        int live = 0;
        int wrong = 0;
        int readStill = 0;
        for (DecodeBench.Sample s : samples) {
            Frame f = Luma.frame(s.image(), 0);
            boolean stillReads = still.decode(f).map(Decoded::text).filter(s.expected()::equals).isPresent();
            readStill += stillReads ? 1 : 0;
            Optional<Decoded> r = Optional.empty();
            try (FrameDecoder d = KioskDecoders.full()) { // a fresh kiosk: nothing learned from other images
                int n = d.hardPassNames(f).size();
                for (int i = 0; i < n && r.isEmpty(); i++) {
                    r = d.decodeLive(f);
                }
                if (r.isEmpty() && d.slowPass() != null) {
                    // the slow pass reads on its own thread: its answer comes out with the next frame once it is done
                    assertThat(d.slowPass().awaitIdle(60_000)).isTrue();
                    r = d.decodeLive(f);
                }
            }
            if (r.isPresent()) {
                if (r.get().text().equals(s.expected())) {
                    live++;
                } else {
                    wrong++;
                }
            }
            assertThat(r.isPresent()).as("%s: live reads what the still chain reads", s.name()).isEqualTo(stillReads);
        }
        assertThat(wrong).isZero();
        assertThat(live).isEqualTo(readStill).isGreaterThanOrEqualTo(21);
    }

    @Test
    void whenTheCheapPassMissesTheHardPassThatReadTheLastCodeIsTriedNext() {
        Frame frame = halfPassMisses();
        FrameDecoder d = new FrameDecoder();
        assertThat(d.hardPassNames(frame)).startsWith("global", "hybrid-full");
        assertThat(d.stickyPass()).isNull();
        Optional<Decoded> first = d.decodeLive(frame);
        assertThat(first).map(Decoded::text).contains(code);
        String reader = first.get().pass();
        assertThat(d.stickyPass()).isEqualTo(reader);
        for (int i = 0; i < 5; i++) {
            long before = d.passesRun();
            assertThat(d.decodeLive(frame)).map(Decoded::pass).contains(reader);
            assertThat(d.passesRun() - before).as("the cheap pass, then the one that reads").isEqualTo(2);
        }
        // one odd frame without the code does not make it start over ...
        Frame gone = Luma.frame(scene(1280, 720, null, 6, 0, 0), 0);
        d.decodeLive(gone);
        assertThat(d.stickyPass()).isEqualTo(reader);
        assertThat(d.decodeLive(frame)).map(Decoded::pass).contains(reader);
        // ... a scene it missed goes to the rotation from then on, not to it ...
        long before = d.passesRun();
        d.decodeLive(gone);
        d.decodeLive(gone);
        assertThat(d.stickyPass()).isEqualTo(reader);
        assertThat(d.passesRun() - before).isEqualTo(4);
        // ... and it is forgotten when it misses on FrameDecoder.STICKY_MISSES new scenes in a row
        Random rnd = new Random(8);
        for (int i = 0; i < FrameDecoder.STICKY_MISSES; i++) {
            d.decodeLive(FrameCostBench.synthetic(1280, 720, "scene", rnd));
        }
        assertThat(d.stickyPass()).isNull();
    }

    @Test
    void aCheaperHardPassThatReadsTheHeldCodeTakesOverFromTheLastResort() {
        Frame stripes = stripes();
        Frame codeFrame = halfPassMisses();
        FrameDecoder d = new FrameDecoder(f -> f == stripes ? Optional.of("OTHER") : f == codeFrame ? Optional.of(code) : Optional.empty());
        for (int i = 0; i < d.hardPassNames(stripes).size() && d.stickyPass() == null; i++) {
            d.decodeLive(stripes);
        }
        assertThat(d.stickyPass()).isEqualTo("last-resort");
        List<String> passes = new ArrayList<>();
        for (int i = 0; i < 4 * FrameDecoder.PROBE_EVERY; i++) {
            d.decodeLive(codeFrame).map(Decoded::pass).ifPresent(passes::add);
        }
        assertThat(passes).hasSize(4 * FrameDecoder.PROBE_EVERY); // read on every frame meanwhile
        assertThat(d.stickyPass()).isEqualTo("global");
        assertThat(passes.get(passes.size() - 1)).isEqualTo("global");
    }

    /** 6 px modules at an odd offset: after the 2x2 average each module edge is half grey and the half-size pass misses. */
    private Frame halfPassMisses() {
        for (int x = 401; x < 440; x += 2) {
            Frame f = Luma.frame(scene(1280, 720, code, 6, x, 181), 0);
            if (new FrameDecoder().decodeCheap(f).isEmpty() && new FrameDecoder().decode(f).isPresent()) {
                return f;
            }
        }
        throw new AssertionError("no frame the half-size pass misses");
    }

    @Test
    void noLiveFrameRunsMoreThanTheCheapPassAndOneHarderPass() {
        Frame stripes = stripes();
        Frame halfMiss = halfPassMisses();
        Random rnd = new Random(4);
        FrameDecoder small = new FrameDecoder(f -> f == stripes ? Optional.of("OTHER") : Optional.empty());
        FrameDecoder large = new FrameDecoder(f -> Optional.empty());
        BufferedImage empty = scene(640, 480, null, 4, 0, 0);
        BufferedImage easy = scene(640, 480, code, 4, 240, 150);
        BufferedImage emptyLarge = scene(1280, 720, null, 6, 0, 0);
        for (int i = 0; i < 200; i++) {
            Frame f = switch (rnd.nextInt(3)) {
                case 0 -> stripes;
                case 1 -> noisy(empty, rnd);
                default -> noisy(easy, rnd);
            };
            long before = small.passesRun();
            small.decodeLive(f);
            assertThat(small.passesRun() - before).as("640x480 frame %d", i).isLessThanOrEqualTo(2);
            Frame g = rnd.nextBoolean() ? halfMiss : noisy(emptyLarge, rnd);
            before = large.passesRun();
            large.decodeLive(g);
            assertThat(large.passesRun() - before).as("1280x720 frame %d", i).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void codesReadBetweenFramesOfAnEmptySceneDoNotKeepItBusy() {
        Frame code = halfPassMisses();
        BufferedImage empty = scene(1280, 720, null, 6, 0, 0);
        Random rnd = new Random(6);
        int[] lastResortOnEmpty = {0};
        FrameDecoder d = new FrameDecoder(f -> {
            if (f != code) {
                lastResortOnEmpty[0]++;
            }
            return Optional.empty();
        });
        long emptyPasses = 0;
        for (int i = 0; i < 60; i++) {
            assertThat(d.decodeLive(code)).as("code frame %d", i).isPresent();
            long before = d.passesRun();
            assertThat(d.decodeLive(noisy(empty, rnd))).isEmpty();
            if (i >= 30) {
                emptyPasses += d.passesRun() - before;
            }
            if (i == 29) {
                assertThat(lastResortOnEmpty[0]).as("every pass, the last resort too, missed on it before it rested")
                        .isPositive();
            }
        }
        // the last 30 empty frames: only the re-examinations (every 15th frame, two passes each) cost passes
        assertThat(emptyPasses).isLessThanOrEqualTo(2L * (30 / FrameDecoder.REEXAMINE_EVERY + 1));
    }

    @Test
    void aCodeTheCheapPassReadsNeverPaysForAHarderPass() {
        FrameDecoder d = new FrameDecoder(f -> Optional.of("OTHER"));
        Frame stripes = stripes();
        for (int i = 0; i < d.hardPassNames(stripes).size() && d.stickyPass() == null; i++) {
            d.decodeLive(stripes); // the last resort reads the stripes and becomes the pass to try after the cheap one
        }
        assertThat(d.stickyPass()).isEqualTo("last-resort");
        Frame easy = Luma.frame(scene(640, 480, code, 4, 240, 150), 0);
        long before = d.passesRun();
        for (int i = 0; i < 10; i++) {
            assertThat(d.decodeLive(easy)).map(Decoded::pass).contains("hybrid");
        }
        assertThat(d.passesRun() - before).isEqualTo(10);
    }

    @Test
    void anEmptySceneThatStaysTheSameIsLookedAtRarelyAndAtOnceWhenACodeAppears() {
        BufferedImage empty = scene(640, 480, null, 4, 0, 0);
        Random rnd = new Random(5);
        FrameDecoder d = KioskDecoders.full();
        int passes = d.hardPassNames(noisy(empty, rnd)).size();
        for (int i = 0; i < passes; i++) {
            assertThat(d.decodeLive(noisy(empty, rnd))).isEmpty();
        }
        assertThat(d.passesRun()).isEqualTo(2L * passes); // every pass has failed on this scene once
        long before = d.passesRun();
        int frames = 3 * FrameDecoder.REEXAMINE_EVERY;
        for (int i = 0; i < frames; i++) {
            assertThat(d.decodeLive(noisy(empty, rnd))).isEmpty();
        }
        // sensor noise is not a change: only every REEXAMINE_EVERY-th frame is looked at again
        assertThat(d.passesRun() - before).isEqualTo(2L * (frames / FrameDecoder.REEXAMINE_EVERY));
        // a code held up changes the scene: read on the very next frame
        BufferedImage withCode = scene(640, 480, code, 4, 240, 150);
        assertThat(d.decodeLive(noisy(withCode, rnd))).map(Decoded::text).contains(code);
    }

    @Test
    void aSmallCodeInAnExaminedSceneIsNotMistakenForTheSameScene() {
        BufferedImage empty = scene(640, 480, null, 2, 0, 0);
        Random rnd = new Random(9);
        FrameDecoder d = new FrameDecoder();
        int passes = d.hardPassNames(noisy(empty, rnd)).size();
        for (int i = 0; i < passes + 2; i++) {
            d.decodeLive(noisy(empty, rnd));
        }
        // the smallest code the chain is meant for: version 7 at 2 px per module (~100 px square) in a corner
        Set<String> read = new HashSet<>();
        BufferedImage small = scene(640, 480, code, 2, 20, 20);
        for (int i = 0; i < passes && read.isEmpty(); i++) {
            d.decodeLive(noisy(small, rnd)).map(Decoded::text).ifPresent(read::add);
        }
        assertThat(read).containsExactly(code);
    }
}
