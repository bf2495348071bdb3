package org.venuegate.kiosk.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.capture.Frame;

class ScanLoopTest {
    private static final long MS = 1_000_000L;
    private final List<String> codes = new CopyOnWriteArrayList<>();

    /** Frame number n carries n in its capture time (in ms), so the fake decoder can tell frames apart. */
    private static Frame frame(long n) {
        return new Frame(2, 2, new byte[4], n * MS);
    }

    private static void awaitCondition(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(2);
        }
    }

    @Test
    void staysOnTheNewestFrameWhenTheCameraIsFaster() throws Exception {
        AtomicLong newest = new AtomicLong();
        List<Long> lag = new CopyOnWriteArrayList<>();
        List<Long> taken = new CopyOnWriteArrayList<>();
        Function<Frame, Optional<String>> slow = f -> {
            long n = f.capturedNanos() / MS;
            taken.add(n);
            lag.add(newest.get() - n);
            try {
                Thread.sleep(5); // decoding is slower than the camera below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
        int total = 300;
        try (ScanLoop loop = new ScanLoop(slow, (t, at) -> codes.add(t), Duration.ofSeconds(3))) {
            loop.start();
            for (long n = 1; n <= total; n++) {
                newest.set(n);
                loop.accept(frame(n));
                Thread.sleep(0, 300_000);
            }
            awaitCondition(() -> loop.framesDecoded() + loop.framesDropped() == total);
            assertThat(taken).contains((long) total);
            assertThat(loop.framesDecoded()).isLessThan(total / 2);
            assertThat(loop.framesDropped()).isGreaterThan(total / 2);
            assertThat(loop.framesDropped() + loop.framesDecoded()).isEqualTo(total);
        }
        // every frame taken was the newest one, or one behind when a new frame landed during the pick-up
        assertThat(lag).allMatch(l -> l <= 1);
        assertThat(taken).isSorted();
    }

    @Test
    void theSameCodeOverManyFramesCountsOnce() throws Exception {
        try (ScanLoop loop = new ScanLoop(f -> Optional.of("VGH1:SAME"), (t, at) -> codes.add(t), Duration.ofSeconds(3))) {
            loop.start();
            for (long n = 1; n <= 20; n++) {
                loop.accept(frame(n * 33)); // 30 fps
                Thread.sleep(2);
            }
            awaitCondition(() -> loop.framesDecoded() + loop.framesDropped() == 20);
        }
        assertThat(codes).containsExactly("VGH1:SAME");
    }

    @Test
    void twoDifferentCodesCountTwiceAndACodeCountsAgainAfterItWasGone() throws Exception {
        Function<Frame, Optional<String>> dec = f -> {
            long n = f.capturedNanos() / MS;
            if (n < 1000) {
                return Optional.of("VGH1:A");
            }
            if (n < 2000) {
                return Optional.of("VGH1:B");
            }
            if (n < 6000) {
                return Optional.empty();
            }
            return Optional.of("VGH1:B"); // shown again after 4 s away: a new check
        };
        try (ScanLoop loop = new ScanLoop(dec, (t, at) -> codes.add(t), Duration.ofSeconds(3))) {
            loop.start();
            long[] times = {100, 200, 300, 1100, 1200, 1900, 3000, 4000, 6000, 6100};
            for (long t : times) {
                loop.accept(frame(t));
                // one frame at a time, so none is dropped and every one is decoded in order
                awaitCondition(() -> loop.framesDecoded() + loop.framesDropped() == loop.framesOffered());
            }
        }
        assertThat(codes).containsExactly("VGH1:A", "VGH1:B", "VGH1:B");
    }
}
