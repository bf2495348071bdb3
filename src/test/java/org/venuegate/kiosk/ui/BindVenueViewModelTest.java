package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.CodeFormat;
import org.venuegate.core.code.VenueCode;
import org.venuegate.core.crypto.Ed25519;
import org.venuegate.kiosk.setup.VenueBinder;
import org.venuegate.kiosk.setup.VenueBinding;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

/** The bind step with real signed codes: every outcome on screen, retry, and the camera opened and closed. */
class BindVenueViewModelTest {
    private static final String PAIRED = "天津市和平区滨江道百货大楼";

    @TempDir
    Path dir;

    private final TestIssuer issuer = new TestIssuer();
    private final FakeCodeFeed camera = new FakeCodeFeed();
    private final List<VenueBinding> done = new ArrayList<>();
    private int cancelled;

    private BindVenueViewModel vm(SettingsViewModel.Mode mode, BindVenueViewModel.Binder binder) {
        BindVenueViewModel vm = new BindVenueViewModel(binder, camera, new InlineUiExecutor(), new Lang(Locale.ENGLISH),
                PAIRED, "HP-000042", mode, done::add, () -> cancelled++);
        vm.start();
        return vm;
    }

    private BindVenueViewModel vm() {
        VenueBinder binder = new VenueBinder(issuer::trustList, TestIssuer.VENUE, () -> TestIssuer.T0, dir);
        return vm(SettingsViewModel.Mode.WIZARD, binder::bind);
    }

    private String poster(long venue) {
        return issuer.venue(TestIssuer.venueCode(venue));
    }

    /** Another venue's genuine poster, with its own name. */
    private String otherPoster() {
        return issuer.venue(new VenueCode(TestIssuer.VENUE + 1, "HP-000043", "劝业场", 120101, "MALL", false, TestIssuer.T0));
    }

    @Test
    void theRightPosterHeldToTheCameraBindsShowsTheNameAndFreesTheCamera() throws IOException {
        BindVenueViewModel vm = vm();
        assertThat(vm.pairedProperty().get()).isEqualTo("This kiosk is paired to: " + PAIRED + " (HP-000042)");
        assertThat(vm.cameraProperty().get()).isEqualTo("Camera OK");
        assertThat(camera.isOpen()).isTrue();
        vm.finish();
        assertThat(done).as("nothing to go on with before binding").isEmpty();

        camera.show(poster(TestIssuer.VENUE));

        assertThat(vm.stateProperty().get()).isEqualTo(BindVenueViewModel.State.BOUND);
        assertThat(vm.boundProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Bound to " + PAIRED + " (HP-000042)");
        assertThat(vm.boundVenueProperty().get()).isEqualTo(PAIRED);
        assertThat(camera.isOpen()).isFalse();
        VenueBinding stored = VenueBinding.load(dir).orElseThrow();
        assertThat(stored.venueId()).isEqualTo(TestIssuer.VENUE);
        assertThat(stored.via()).isEqualTo(VenueBinding.Via.CAMERA);
        camera.show(poster(TestIssuer.VENUE + 1));
        assertThat(vm.stateProperty().get()).as("later codes change nothing").isEqualTo(BindVenueViewModel.State.BOUND);
        vm.finish();
        assertThat(done).containsExactly(stored);
    }

    @Test
    void everyRefusalHasItsOwnMessageAndTheGatekeeperCanRetry() throws IOException {
        KeyPair forger = Ed25519.generate();
        Map<String, VenueBinder.Outcome> cases = new LinkedHashMap<>();
        cases.put(otherPoster(), VenueBinder.Outcome.WRONG_VENUE);
        cases.put(CodeFormat.encodeVenue(TestIssuer.venueCode(TestIssuer.VENUE), forger.getPrivate(), issuer.venue.getPublic()),
                VenueBinder.Outcome.FORGED);
        cases.put(CodeFormat.encodeVenue(TestIssuer.venueCode(TestIssuer.VENUE), forger.getPrivate(), forger.getPublic()),
                VenueBinder.Outcome.UNKNOWN_KEY);
        cases.put(issuer.green(), VenueBinder.Outcome.HEALTH_CODE);
        cases.put("https://weixin.qq.com/r/abc", VenueBinder.Outcome.NOT_A_VENUE_CODE);
        cases.put(poster(TestIssuer.VENUE).substring(0, 40), VenueBinder.Outcome.DAMAGED);
        BindVenueViewModel vm = vm();
        Set<String> messages = new HashSet<>();
        for (Map.Entry<String, VenueBinder.Outcome> c : cases.entrySet()) {
            camera.show(c.getKey());
            assertThat(vm.outcomeProperty().get()).as(c.getValue().name()).isEqualTo(c.getValue());
            assertThat(vm.stateProperty().get()).isEqualTo(BindVenueViewModel.State.REFUSED);
            messages.add(vm.messageProperty().get());
            vm.retry();
            assertThat(vm.outcomeProperty().get()).isNull();
            assertThat(vm.messageProperty().get()).isEqualTo("Waiting for the venue code...");
        }
        assertThat(messages).as("one distinct message per outcome").hasSize(cases.size());

        camera.show(otherPoster());
        assertThat(vm.messageProperty().get()).startsWith("This is the venue code of another venue (劝业场)")
                .contains("This kiosk is paired to \"" + PAIRED + "\"").contains("venue's code");
        camera.show(issuer.green());
        assertThat(vm.messageProperty().get()).isEqualTo(
                "This is a health code, not a venue code. Show the venue code poster posted at the entrance.");

        issuer.revokedVenues.add(TestIssuer.VENUE);
        camera.show(poster(TestIssuer.VENUE));
        assertThat(vm.outcomeProperty().get()).isEqualTo(VenueBinder.Outcome.REVOKED_VENUE);
        assertThat(vm.messageProperty().get()).contains("revoked");
        issuer.revokedVenues.clear();
        issuer.revokedKeys.add(Ed25519.keyId(issuer.venue.getPublic()));
        camera.show(poster(TestIssuer.VENUE) + "\n");
        assertThat(vm.outcomeProperty().get()).isEqualTo(VenueBinder.Outcome.REVOKED_KEY);
        assertThat(vm.messageProperty().get()).contains("key that signed this venue code has been revoked");
        issuer.revokedKeys.clear();

        assertThat(VenueBinding.load(dir)).isEmpty();
        assertThat(camera.isOpen()).as("the camera keeps looking after a refusal").isTrue();

        vm.submitTyped();
        assertThat(vm.messageProperty().get()).isEqualTo("Scan or enter the venue code first");
        vm.typedProperty().set(poster(TestIssuer.VENUE) + "\r\n");
        vm.submitTyped();
        assertThat(vm.stateProperty().get()).isEqualTo(BindVenueViewModel.State.BOUND);
        assertThat(VenueBinding.load(dir).orElseThrow().via()).isEqualTo(VenueBinding.Via.TYPED);
    }

    @Test
    void cameraTroubleIsShownAndTypingStillWorks() {
        BindVenueViewModel vm = vm();
        camera.sink.camera("UNAVAILABLE", "NO_CAMERA");
        assertThat(vm.cameraProperty().get()).isEqualTo("Camera unavailable: no camera found; retrying");
        camera.sink.camera("SCANNER", null);
        assertThat(vm.cameraProperty().get()).isEqualTo("No camera (code scanner)");
        vm.typedProperty().set(poster(TestIssuer.VENUE));
        vm.submitTyped();
        assertThat(vm.boundProperty().get()).isTrue();
    }

    @Test
    void aBindingThatCannotBeSavedSaysSo() {
        BindVenueViewModel vm = vm(SettingsViewModel.Mode.WIZARD, (text, via) -> {
            throw new IOException("disk full");
        });
        camera.show(poster(TestIssuer.VENUE));
        assertThat(vm.stateProperty().get()).isEqualTo(BindVenueViewModel.State.REFUSED);
        assertThat(vm.messageProperty().get()).isEqualTo("The venue code is valid, but the binding could not be saved: disk full");
        assertThat(vm.boundProperty().get()).isFalse();
    }

    @Test
    void rebindingFromTheSettingsCanBeCancelledTheWizardCannot() {
        VenueBinder binder = new VenueBinder(issuer::trustList, TestIssuer.VENUE, () -> TestIssuer.T0, dir);
        BindVenueViewModel wizard = vm(SettingsViewModel.Mode.WIZARD, binder::bind);
        assertThat(wizard.cancellable()).isFalse();
        assertThat(wizard.title()).isEqualTo("Step 2 of 3: bind this kiosk to its venue");
        wizard.cancel();
        assertThat(cancelled).isZero();
        assertThat(camera.isOpen()).isTrue();
        wizard.stop();

        BindVenueViewModel rebind = vm(SettingsViewModel.Mode.RUNNING, binder::bind);
        assertThat(rebind.title()).isEqualTo("Re-bind venue");
        assertThat(rebind.finishLabel()).isEqualTo("Done");
        rebind.cancel();
        assertThat(cancelled).isEqualTo(1);
        assertThat(camera.isOpen()).isFalse();
        assertThat(done).isEmpty();
    }

    private static org.venuegate.kiosk.capture.Frame frame(long nanos) {
        return new org.venuegate.kiosk.capture.Frame(4, 3, new byte[12], nanos);
    }

    /** Runs background work at once but keeps FX-thread hops in a queue, as a busy FX thread would. */
    private static final class QueuedUi implements org.venuegate.ui.UiExecutor {
        final java.util.ArrayDeque<Runnable> ui = new java.util.ArrayDeque<>();

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> ok,
                            java.util.function.Consumer<Throwable> failed) {
            try {
                ok.accept(work.call());
            } catch (Exception e) {
                failed.accept(e);
            }
        }

        @Override
        public void onUi(Runnable action) {
            ui.add(action);
        }

        @Override
        public Cancellable schedule(java.time.Duration delay, Runnable action) {
            return () -> { };
        }

        void drain() {
            while (!ui.isEmpty()) {
                ui.poll().run();
            }
        }
    }

    @Test
    void thePreviewGetsTheNewestFrameAtMostOneHandOverAtATimeAndAbout15ASecond() {
        QueuedUi ui = new QueuedUi();
        VenueBinder binder = new VenueBinder(issuer::trustList, TestIssuer.VENUE, () -> TestIssuer.T0, dir);
        BindVenueViewModel vm = new BindVenueViewModel(binder::bind, camera, ui, new Lang(Locale.ENGLISH), PAIRED, "HP-000042",
                SettingsViewModel.Mode.WIZARD, done::add, () -> { });
        vm.start();
        ui.drain();
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.previewNoteProperty().get()).isEqualTo("Waiting for the camera picture...");

        long t = 1_000_000_000L;
        camera.frame(frame(t));
        camera.frame(frame(t + 10_000_000L)); // 10 ms later: dropped, the preview runs at about 15 a second
        var third = frame(t + BindVenueViewModel.PREVIEW_INTERVAL_NANOS);
        camera.frame(third);
        assertThat(ui.ui).as("one hand-over waits for the FX thread, however many frames came").hasSize(1);
        ui.drain();
        assertThat(vm.previewProperty().get()).as("the newest frame is the one shown").isSameAs(third);
        assertThat(vm.previewNoteProperty().get()).isEmpty();

        vm.onCamera("UNAVAILABLE", "UNPLUGGED");
        assertThat(vm.previewProperty().get()).as("no stale picture of a camera that is gone").isNull();
        assertThat(vm.previewNoteProperty().get()).startsWith("Camera unavailable: no picture.");

        vm.stop();
        ui.drain();
        camera.frame(frame(t + 10 * BindVenueViewModel.PREVIEW_INTERVAL_NANOS));
        ui.drain();
        assertThat(vm.previewProperty().get()).as("frames after stop are not shown").isNull();
        assertThat(vm.previewNoteProperty().get()).isEqualTo("Camera closed");
    }

    @Test
    void aScannerOnlyKioskSaysThereIsNoPicture() {
        BindVenueViewModel vm = vm();
        vm.onCamera("SCANNER", null);
        assertThat(vm.previewNoteProperty().get()).startsWith("This kiosk uses a code scanner: no camera picture.");
    }

    @Test
    void backInStepTwoShowsTheEarlierBindingAndBindAgainKeepsItUntilANewOne() throws IOException {
        VenueBinder binder = new VenueBinder(issuer::trustList, TestIssuer.VENUE, () -> TestIssuer.T0, dir);
        BindVenueViewModel first = vm(SettingsViewModel.Mode.WIZARD, binder::bind);
        camera.show(poster(TestIssuer.VENUE));
        VenueBinding earlier = VenueBinding.load(dir).orElseThrow();
        int opened = camera.opened;

        int[] backs = new int[1];
        BindVenueViewModel vm = new BindVenueViewModel(binder::bind, camera, new InlineUiExecutor(), new Lang(Locale.ENGLISH),
                PAIRED, "HP-000042", SettingsViewModel.Mode.WIZARD, done::add, () -> { }).inWizard(earlier, () -> backs[0]++);
        vm.start();
        assertThat(camera.opened).as("bound already: the camera stays closed").isEqualTo(opened);
        assertThat(vm.stateProperty().get()).isEqualTo(BindVenueViewModel.State.BOUND);
        assertThat(vm.messageProperty().get()).isEqualTo("Bound to " + PAIRED + " (HP-000042). \"Next\" keeps this binding;"
                + " \"Bind again\" reads another poster.");

        vm.bindAgain();
        assertThat(camera.isOpen()).isTrue();
        assertThat(vm.acceptingProperty().get()).isTrue();
        assertThat(vm.boundProperty().get()).as("Next still keeps the earlier binding").isTrue();
        camera.show(otherPoster());
        assertThat(vm.outcomeProperty().get()).isEqualTo(VenueBinder.Outcome.WRONG_VENUE);
        assertThat(VenueBinding.load(dir).orElseThrow()).as("a refused poster leaves the binding").isEqualTo(earlier);

        vm.back();
        assertThat(backs[0]).isEqualTo(1);
        assertThat(camera.isOpen()).as("Back closes the camera").isFalse();
        assertThat(first.boundProperty().get()).isTrue();
    }
}
