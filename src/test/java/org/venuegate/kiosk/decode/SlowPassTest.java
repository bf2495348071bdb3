package org.venuegate.kiosk.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.venuegate.kiosk.capture.Frame;

/** The live slow pass: its own thread, the newest frame only, its answer out of the next frame's call. */
class SlowPassTest {
    /** Not flat, no code: every Java pass misses it. */
    private static Frame stripes(int seed) {
        byte[] luma = new byte[640 * 480];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) (((i + seed) / 7) % 2 == 0 ? 30 : 220);
        }
        return new Frame(640, 480, luma, seed);
    }

    @Test
    @Timeout(60) // a hang guard, not a speed check: the scan thread must never wait for the slow pass
    void theScanThreadNeverWaitsAndTheSlowPassGetsTheNewestFrame() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Frame> seen = new CopyOnWriteArrayList<>();
        Function<Frame, Optional<String>> engine = f -> {
            seen.add(f);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
        Frame[] frames = new Frame[20];
        try (FrameDecoder d = new FrameDecoder(null, "slow", () -> engine)) {
            for (int i = 0; i < frames.length; i++) {
                frames[i] = stripes(i); // each a new scene: every frame is examined
                assertThat(d.decodeLive(frames[i])).isEmpty();
                assertThat(d.examinedLast()).isTrue();
            }
            release.countDown(); // only now can the engine return: had decodeLive waited for it, we would not be here
            assertThat(d.slowPass().awaitIdle(30_000)).isTrue();
            assertThat(seen.size()).as("frames the slow pass decoded").isBetween(1, 2);
            assertThat(seen.get(seen.size() - 1)).as("the newest frame").isSameAs(frames[frames.length - 1]);
            assertThat(d.slowPass().replaced()).isGreaterThanOrEqualTo(frames.length - 2);
        }
    }

    @Test
    void whatOnlyTheSlowPassReadsComesOutWithTheNextFrame() throws Exception {
        Frame hard = stripes(1);
        try (FrameDecoder d = new FrameDecoder(null, "slow", () -> f -> f == hard ? Optional.of("VGH1:SLOW ") : Optional.empty())) {
            assertThat(d.decodeLive(hard)).isEmpty(); // the Java passes miss; the frame goes to the slow thread
            assertThat(d.slowPass().awaitIdle(30_000)).isTrue();
            assertThat(d.decodeLive(stripes(2))).contains(new Decoded("VGH1:SLOW ", "slow"));
            assertThat(d.decodeLive(stripes(3))).isEmpty(); // handed out once
        }
    }

    @Test
    void framesThePassesDoNotExamineAreNotOffered() throws Exception {
        Frame flat = new Frame(640, 480, new byte[640 * 480], 0);
        try (FrameDecoder d = new FrameDecoder(null, "slow", () -> f -> Optional.of("X"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(d.decodeLive(flat)).isEmpty();
                assertThat(d.examinedLast()).isFalse();
            }
            assertThat(d.slowPass().running()).isFalse();
            assertThat(d.slowPassRuns()).isZero();
        }
    }

    @Test
    void aFactoryWithoutAnEngineTurnsThePassOff() throws Exception {
        try (FrameDecoder d = new FrameDecoder(null, "slow", () -> null)) {
            assertThat(d.decodeLive(stripes(1))).isEmpty();
            assertThat(d.slowPass().awaitIdle(30_000)).isTrue();
            assertThat(d.decodeLive(stripes(2))).isEmpty();
            assertThat(d.slowPassRuns()).isZero();
            // the still chain treats a missing engine as a pass that reads nothing
            assertThat(d.decode(stripes(3))).isEmpty();
        }
    }
}
