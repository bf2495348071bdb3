package org.venuegate.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.venuegate.kiosk.capture.CameraState.Status;

class CameraSupervisorTest {
    private final List<CameraState> states = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicInteger delivered = new AtomicInteger();

    private CameraSupervisor supervisor(FrameSource source, CountDownLatch enoughFrames) {
        return new CameraSupervisor(source, f -> {
            delivered.incrementAndGet();
            enoughFrames.countDown();
        }, states::add, Duration.ofSeconds(1), Duration.ofSeconds(3), sleeps::add);
    }

    @Test
    void retriesUntilTheCameraAppearsThenRuns() throws Exception {
        FakeFrameSource source = new FakeFrameSource(3, -1);
        CountDownLatch frames = new CountDownLatch(5);
        try (CameraSupervisor s = supervisor(source, frames)) {
            s.start();
            assertThat(frames.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(s.state().status()).isEqualTo(Status.RUNNING);
        }
        assertThat(source.opens.get()).isEqualTo(4);
        assertThat(sleeps).hasSize(3).allMatch(d -> d.equals(Duration.ofSeconds(3)));
        List<Status> seen = states.stream().map(CameraState::status).toList();
        assertThat(seen.subList(0, 8)).containsExactly(
                Status.OPENING, Status.UNAVAILABLE, Status.OPENING, Status.UNAVAILABLE,
                Status.OPENING, Status.UNAVAILABLE, Status.OPENING, Status.RUNNING);
        assertThat(states.get(1).reason()).isEqualTo(CameraUnavailableException.Reason.NO_CAMERA);
        assertThat(states.get(1).detail()).contains("no camera");
        assertThat(seen.get(seen.size() - 1)).isEqualTo(Status.STOPPED);
    }

    @Test
    void recoversWhenTheCameraDiesMidStream() throws Exception {
        FakeFrameSource source = new FakeFrameSource(0, 5);
        CountDownLatch frames = new CountDownLatch(10);
        try (CameraSupervisor s = supervisor(source, frames)) {
            s.start();
            assertThat(frames.await(5, TimeUnit.SECONDS)).isTrue();
        }
        List<Status> seen = states.stream().map(CameraState::status).toList();
        assertThat(seen).startsWith(Status.OPENING, Status.RUNNING, Status.UNAVAILABLE, Status.OPENING, Status.RUNNING);
        assertThat(states.get(2).reason()).isEqualTo(CameraUnavailableException.Reason.UNPLUGGED);
        assertThat(source.opens.get()).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
        assertThat(source.closes.get()).isGreaterThanOrEqualTo(2); // closed after the failure and at the end
        assertThat(delivered.get()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aBuggySourceIsRetriedNotFatal() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        CountDownLatch frames = new CountDownLatch(1);
        FrameSource buggy = new FrameSource() {
            @Override
            public void open(Duration timeout) {
                if (opens.incrementAndGet() == 1) {
                    throw new IllegalStateException("bug");
                }
            }

            @Override
            public Frame grab() {
                return new Frame(1, 1, new byte[1], 0);
            }

            @Override
            public String describe() {
                return "buggy";
            }

            @Override
            public void close() {
            }
        };
        try (CameraSupervisor s = supervisor(buggy, frames)) {
            s.start();
            assertThat(frames.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(states.get(1).reason()).isEqualTo(CameraUnavailableException.Reason.DRIVER_ERROR);
    }
}
