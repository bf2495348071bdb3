package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.TestIssuer;
import org.venuegate.kiosk.config.KioskConfig;
import org.venuegate.kiosk.setup.CameraCodeFeed;
import org.venuegate.kiosk.setup.CodeFeed;
import org.venuegate.kiosk.setup.VenueBinder;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;
import org.venuegate.poster.PosterContent;
import org.venuegate.poster.PosterRenderer;
import org.venuegate.ui.Lang;
import org.venuegate.ui.UiExecutor;

/**
 * Binding through the real camera path: rendered posters (another venue's, then this venue's) are played as camera
 * frames by a replay source under the kiosk's supervisor, scan loop and decoders, into the bind step. The wrong poster
 * is refused, the right one binds, and the camera is closed afterwards.
 */
class PosterBindingTest {
    @TempDir
    Path dir;

    private final TestIssuer issuer = new TestIssuer();
    private final ThreadUiExecutor executor = new ThreadUiExecutor();

    @AfterEach
    void stop() {
        executor.close();
    }

    /** A poster as a 1280x720 camera sees it on the wall: smaller than the frame, on a grey wall. */
    private void cameraFrame(PosterContent poster, Path file) throws Exception {
        BufferedImage page = new PosterRenderer().renderImage(poster, PaperSize.A4, ColourMode.COLOUR, 100);
        BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 118, 110));
        g.fillRect(0, 0, 1280, 720);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int h = 660;
        int w = page.getWidth() * h / page.getHeight();
        g.drawImage(page, (1280 - w) / 2 + 90, 30, w, h, null);
        g.dispose();
        ImageIO.write(frame, "png", file.toFile());
    }

    @Test
    void aRenderedPosterReadByTheCameraPathBindsAfterAWrongOneIsRefused() throws Exception {
        Path frames = dir.resolve("frames");
        java.nio.file.Files.createDirectories(frames);
        String other = issuer.venue(new org.venuegate.core.code.VenueCode(TestIssuer.VENUE + 1, "HP-000043", "劝业场", 120101,
                "MALL", false, TestIssuer.T0));
        cameraFrame(new PosterContent(other, "劝业场", "天津劝业场（集团）股份有限公司", 120101, "HP-000043", false),
                frames.resolve("1-other-venue.png"));
        String ours = issuer.venue(TestIssuer.venueCode(TestIssuer.VENUE));
        cameraFrame(new PosterContent(ours, "天津市和平区滨江道百货大楼", "天津滨江道百货有限公司", 120101, "HP-000042", false),
                frames.resolve("2-this-venue.png"));

        Path configDir = dir.resolve("kiosk-config");
        VenueBinder binder = new VenueBinder(issuer::trustList, TestIssuer.VENUE, () -> TestIssuer.T0, configDir);
        CameraCodeFeed real = new CameraCodeFeed(new KioskConfig.Camera("replay:" + frames, null, 1280, 720));
        AtomicReference<String> closedOn = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        CodeFeed camera = sink -> {
            CodeFeed.Handle h = real.open(sink);
            return () -> {
                h.close();
                closedOn.set(Thread.currentThread().getName());
                closed.countDown();
            };
        };
        List<VenueBinder.Outcome> outcomes = new CopyOnWriteArrayList<>();
        CountDownLatch bound = new CountDownLatch(1);
        executor.onUi(() -> {
            BindVenueViewModel vm = new BindVenueViewModel(binder::bind, camera, executor, new Lang(Locale.ENGLISH),
                    "天津市和平区滨江道百货大楼", "HP-000042", SettingsViewModel.Mode.WIZARD, b -> { }, () -> { });
            vm.outcomeProperty().addListener((o, a, now) -> {
                if (now != null) {
                    outcomes.add(now);
                }
            });
            vm.boundProperty().addListener((o, a, now) -> bound.countDown());
            vm.start();
        });

        assertThat(bound.await(60, TimeUnit.SECONDS)).as("bound within a minute; outcomes so far: " + outcomes).isTrue();
        assertThat(outcomes).first().isEqualTo(VenueBinder.Outcome.WRONG_VENUE);
        assertThat(outcomes).last().isEqualTo(VenueBinder.Outcome.BOUND);
        VenueBinding stored = VenueBinding.load(configDir).orElseThrow();
        assertThat(stored.codeText()).isEqualTo(ours);
        assertThat(stored.via()).isEqualTo(VenueBinding.Via.CAMERA);
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("the camera is closed once bound").isTrue();
        assertThat(closedOn.get()).as("closed off the UI thread: it joins the camera's threads").isNotEqualTo("test-ui");
    }

    /**
     * A UI thread of its own and a worker pool, like {@code FxUiExecutor} without JavaFX: the camera's threads hand
     * their codes over with {@link #onUi}, and closing the camera (which joins the scan thread) runs on a worker.
     */
    static final class ThreadUiExecutor implements UiExecutor, AutoCloseable {
        private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        private final ExecutorService workers = Executors.newCachedThreadPool();

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            if (workers.isShutdown()) {
                return;
            }
            workers.execute(() -> {
                try {
                    T r = work.call();
                    onUi(() -> onSuccess.accept(r));
                } catch (Exception | Error e) {
                    onUi(() -> onFailure.accept(e));
                }
            });
        }

        /** After close the test is over: late camera events (the replay keeps running until closed) are dropped. */
        @Override
        public void onUi(Runnable action) {
            try {
                ui.execute(action);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // nothing listens any more
            }
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            ui.shutdownNow();
            workers.shutdownNow();
        }
    }
}
