package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.kiosk.capture.CameraUnavailableException.Reason;
import org.venuegate.testing.TestVideos;

class VideoFrameSourceTest {
    /** Not a multiple of 16: the decoder pads to whole macroblocks and the source must crop back. */
    private static final int W = 330;
    private static final int H = 250;
    private static final int[] GREYS = {40, 120, 200, 90};

    @TempDir
    Path dir;

    private Path clip(int fps) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        for (int g : GREYS) {
            frames.add(TestVideos.flat(W, H, g));
        }
        return TestVideos.write(dir.resolve("clip.mp4"), fps, frames);
    }

    private static List<Frame> playAll(VideoFrameSource s) throws Exception {
        List<Frame> frames = new ArrayList<>();
        Frame f;
        while ((f = s.grab()) != null) {
            frames.add(f);
        }
        return frames;
    }

    @Test
    void everyFrameComesOutAtTheFilesSizeWithItsLuminance() throws Exception {
        Path file = clip(25);
        try (VideoFrameSource s = new VideoFrameSource(file, false, false)) {
            s.open(Duration.ofSeconds(5));
            List<Frame> frames = playAll(s);
            assertThat(frames).hasSize(GREYS.length);
            for (int i = 0; i < GREYS.length; i++) {
                Frame f = frames.get(i);
                assertThat(f.width()).isEqualTo(W);
                assertThat(f.height()).isEqualTo(H);
                assertThat(f.luma()).hasSize(W * H);
                // lossy, and the encoder's limited range squeezes black and white a little; the level must hold
                assertThat(f.lumaAt(W / 2, H / 2)).as("frame %d", i).isCloseTo(GREYS[i], org.assertj.core.data.Offset.offset(20));
                assertThat(f.lumaAt(W - 1, H - 1)).as("last pixel of frame %d", i).isCloseTo(GREYS[i], org.assertj.core.data.Offset.offset(20));
            }
            assertThat(s.finished()).isTrue();
            assertThat(s.grab()).isNull();
            assertThat(s.describe()).isEqualTo("replay clip.mp4");
        }
    }

    @Test
    void loopingStartsAgainAtTheFirstFrame() throws Exception {
        Path file = clip(25);
        try (VideoFrameSource s = new VideoFrameSource(file, true, false)) {
            s.open(Duration.ofSeconds(5));
            int[] seen = new int[GREYS.length * 2 + 1];
            for (int i = 0; i < seen.length; i++) {
                seen[i] = s.grab().lumaAt(W / 2, H / 2);
            }
            for (int i = 0; i < seen.length; i++) {
                assertThat(seen[i]).isCloseTo(GREYS[i % GREYS.length], org.assertj.core.data.Offset.offset(20));
            }
            assertThat(s.finished()).isFalse();
        }
    }

    @Test
    void realtimeFollowsTheFilesFrameRateAndFastestDoesNot() throws Exception {
        Path file = clip(4); // 4 frames at 4 fps: the last is due 0.75 s after the first
        long realtime;
        try (VideoFrameSource s = new VideoFrameSource(file, false, true)) {
            s.open(Duration.ofSeconds(5));
            List<Frame> frames = playAll(s);
            realtime = frames.get(frames.size() - 1).capturedNanos() - frames.get(0).capturedNanos();
        }
        assertThat(realtime).isGreaterThanOrEqualTo(Duration.ofMillis(740).toNanos());
        long fastest;
        try (VideoFrameSource s = new VideoFrameSource(file, false, false)) {
            s.open(Duration.ofSeconds(5));
            List<Frame> frames = playAll(s);
            fastest = frames.get(frames.size() - 1).capturedNanos() - frames.get(0).capturedNanos();
        }
        assertThat(fastest).isLessThan(realtime);
    }

    private CameraUnavailableException openFails(Path file) {
        VideoFrameSource s = new VideoFrameSource(file, true, false);
        try {
            s.open(Duration.ofSeconds(5));
        } catch (CameraUnavailableException e) {
            assertThat(e.reason()).isEqualTo(Reason.NO_FRAMES);
            return e;
        } finally {
            s.close();
        }
        throw new AssertionError(file + " opened");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThat(openFails(dir.resolve("absent.mp4"))).hasMessageContaining("absent.mp4").hasMessageContaining("does not exist");
    }

    @Test
    void aFileThatIsNoVideoSaysWhatCanBePlayed() throws Exception {
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.mp4"), noise);
        assertThat(openFails(random)).hasMessageContaining("noise.mp4").hasMessageContaining("MP4 or MOV with H.264");
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video\n".repeat(50));
        assertThat(openFails(text)).hasMessageContaining("notes.mp4").hasMessageContaining("MP4 or MOV with H.264");
        Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);
        assertThat(openFails(empty)).hasMessageContaining("empty.mp4");
    }

    @Test
    void aTruncatedFileIsReportedAsDamaged() throws Exception {
        byte[] good = Files.readAllBytes(clip(25));
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(good, good.length / 2));
        assertThat(openFails(cut)).hasMessageContaining("cut.mp4").hasMessageContaining("damaged");
    }

    @Test
    void damageInsideTheStreamOnlyEverSurfacesAsCameraUnavailable() throws Exception {
        byte[] good = Files.readAllBytes(clip(25));
        for (int seed = 1; seed <= 6; seed++) {
            byte[] bad = good.clone();
            Random r = new Random(seed);
            for (int i = good.length / 3; i < good.length * 2 / 3; i++) {
                bad[i] = (byte) r.nextInt();
            }
            Path file = Files.write(dir.resolve("bad" + seed + ".mp4"), bad);
            // whatever jcodec trips over must come out as one clear error, not as an exception that ends the thread
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (VideoFrameSource s = new VideoFrameSource(file, false, false)) {
                    s.open(Duration.ofSeconds(5));
                    while (s.grab() != null) {
                        // play to the end or to the damage
                    }
                } catch (CameraUnavailableException e) {
                    assertThat(e.getMessage()).contains(file.getFileName().toString());
                }
            });
        }
    }

    @Test
    void interleavedRgbPicturesAreConvertedWithinTheirCrop() throws Exception {
        BufferedImage img = TestVideos.flat(32, 16, 0);
        img.setRGB(5, 3, 0xffffff);
        img.setRGB(6, 3, 0xff0000);
        Picture pic = TestVideos.rgb(img);
        pic.setCrop(new Rect(4, 2, 10, 6));
        Frame f = VideoFrameSource.toFrame(pic, 0);
        assertThat(f.width()).isEqualTo(10);
        assertThat(f.height()).isEqualTo(6);
        assertThat(f.lumaAt(1, 1)).isEqualTo(255);
        assertThat(f.lumaAt(2, 1)).isEqualTo((306 * 255) >> 10);
        assertThat(f.lumaAt(0, 0)).isZero();
    }
}
