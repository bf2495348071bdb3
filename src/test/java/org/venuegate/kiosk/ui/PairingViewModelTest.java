package org.venuegate.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.Pairing;
import org.venuegate.api.Venue;
import org.venuegate.api.Verdict;
import org.venuegate.hub.TestHub;
import org.venuegate.kiosk.DeviceFile;
import org.venuegate.kiosk.Pairer;
import org.venuegate.kiosk.TrustStore;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class PairingViewModelTest {
    @TempDir
    Path dir;

    @Test
    void pairsOnceWithTheAdminsCodeAndRefusesItAgain() throws Exception {
        try (TestHub hub = new TestHub()) {
            long app = hub.submit("配对向导场所");
            long venue = hub.hub.applications().decide(hub.admin, app,
                    new DecisionRequest(Verdict.PASS, null, 1)).application().venueId();
            String code = hub.hub.venues().createPairingCode(hub.admin, venue).code();
            OkHttpClient http = new OkHttpClient();
            List<Pairing> paired = new ArrayList<>();
            PairingViewModel vm = new PairingViewModel((c, label) -> Pairer.pair(http, hub.url, c, label, dir),
                    new InlineUiExecutor(), new Lang(Locale.ENGLISH), paired::add);
            vm.pair();
            assertThat(vm.messageProperty().get()).isEqualTo("Enter the pairing code");
            vm.codeProperty().set(code.toLowerCase(Locale.ROOT));
            vm.labelProperty().set("East door");
            vm.pair();
            assertThat(paired).hasSize(1);
            assertThat(vm.messageProperty().get()).isEqualTo("Paired: 配对向导场所");
            assertThat(DeviceFile.load(dir).venueId()).isEqualTo(venue);
            assertThat(Files.exists(dir.resolve(TrustStore.NAME))).isTrue();
            vm.pair();
            assertThat(vm.messageProperty().get()).startsWith("Pairing failed:").contains("already used");
            assertThat(paired).hasSize(1);
        }
    }

    private final List<String> sent = new ArrayList<>();

    private Pairing pairing(String venueName, String number) {
        Venue v = new Venue(7, number, 1, venueName, "unit", "91350100M000100Y43", "MALL", 120101,
                "address", false, "VGV1:x", java.time.Instant.EPOCH, null, null);
        return new Pairing(1, "token", "root", "kid", v, "{}");
    }

    private PairingViewModel offline(PairingViewModel.PairedVenue current, List<Pairing> paired, int[] continued) {
        return new PairingViewModel((c, label) -> {
            sent.add(c);
            if (!c.equals("7KQ4M-XW9PD")) {
                throw new IllegalStateException("pairing code unknown or already used");
            }
            return pairing("劝业场", "HP-000043");
        }, new InlineUiExecutor(), new Lang(Locale.ENGLISH), current, paired::add, () -> continued[0]++);
    }

    @Test
    void theHintSaysWhatAPairingCodeLooksLikeAndWhatIsWrongWithTheOneTyped() {
        PairingViewModel vm = offline(null, new ArrayList<>(), new int[1]);
        assertThat(vm.hintProperty().get()).isEqualTo(
                "A pairing code has 10 letters and digits, e.g. 7KQ4M-XW9PD, and no 0, O, 1, I or L; case and the dash do not matter.");
        vm.codeProperty().set("7kq4");
        assertThat(vm.hintProperty().get()).isEqualTo("4 of 10 characters");
        assertThat(vm.hintWrongProperty().get()).as("still typing is not wrong").isFalse();
        vm.codeProperty().set("7KQ4M-XW9P0");
        assertThat(vm.hintProperty().get()).isEqualTo("\"0\" is never in a pairing code: they have no 0, O, 1, I, L or punctuation");
        assertThat(vm.hintWrongProperty().get()).isTrue();
        vm.codeProperty().set("7KQ4M-XW9PDD");
        assertThat(vm.hintProperty().get()).isEqualTo("Too long: a pairing code has 10 characters, this has 11");
        vm.codeProperty().set(" 7kq4m xw9pd ");
        assertThat(vm.hintProperty().get()).isEqualTo("Looks right: 7KQ4M-XW9PD");
        assertThat(vm.hintWrongProperty().get()).isFalse();
    }

    @Test
    void aCodeThatCannotBeOneIsNotSentAndAGoodOneIsSentAsTheSlipShowsIt() {
        List<Pairing> paired = new ArrayList<>();
        PairingViewModel vm = offline(null, paired, new int[1]);
        vm.codeProperty().set("7KQ4M-XW9");
        vm.pair();
        assertThat(sent).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("8 of 10 characters");
        assertThat(vm.failedProperty().get()).isTrue();
        vm.codeProperty().set("7kq4mxw9pd");
        vm.pair();
        assertThat(sent).containsExactly("7KQ4M-XW9PD");
        assertThat(paired).hasSize(1);
        assertThat(vm.failedProperty().get()).isFalse();
        assertThat(vm.pairedTextProperty().get()).isEqualTo("This kiosk is paired with the venue 劝业场 (HP-000043)");
        assertThat(vm.formShownProperty().get()).isFalse();
    }

    @Test
    void alreadyPairedShowsTheVenueAndPairingAgainKeepsItUntilANewCodeIsAccepted() {
        List<Pairing> paired = new ArrayList<>();
        int[] continued = new int[1];
        PairingViewModel vm = offline(new PairingViewModel.PairedVenue("天津市和平区滨江道百货大楼", "HP-000042"), paired, continued);
        assertThat(vm.formShownProperty().get()).isFalse();
        assertThat(vm.pairedTextProperty().get()).isEqualTo("This kiosk is paired with the venue 天津市和平区滨江道百货大楼 (HP-000042)");

        vm.startRepair();
        assertThat(vm.formShownProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Enter the new pairing code. The current pairing (天津市和平区滨江道百货大楼)")
                .contains("venue's poster");
        vm.codeProperty().set("23456-789AB");
        vm.pair();
        assertThat(vm.messageProperty().get()).isEqualTo("Pairing failed: pairing code unknown or already used");
        assertThat(vm.pairedProperty().get().name()).as("a refused code leaves the pairing as it was").isEqualTo("天津市和平区滨江道百货大楼");
        vm.cancelRepair();
        assertThat(vm.formShownProperty().get()).isFalse();
        vm.continuePaired();
        assertThat(continued[0]).isEqualTo(1);
        assertThat(paired).isEmpty();

        vm.startRepair();
        vm.codeProperty().set("7KQ4M-XW9PD");
        vm.pair();
        assertThat(paired).hasSize(1);
        assertThat(vm.pairedProperty().get().name()).isEqualTo("劝业场");
    }

    @Test
    void pairingCodeFormat() {
        assertThat(org.venuegate.kiosk.setup.PairingCodeFormat.check("7KQ4M-XW9PD"))
                .isEqualTo(org.venuegate.kiosk.setup.PairingCodeFormat.Problem.NONE);
        assertThat(org.venuegate.kiosk.setup.PairingCodeFormat.check("7KQ4M－XW9PD")).as("a full-width dash")
                .isEqualTo(org.venuegate.kiosk.setup.PairingCodeFormat.Problem.NONE);
        assertThat(org.venuegate.kiosk.setup.PairingCodeFormat.check("7KQ4M_XW9PD"))
                .isEqualTo(org.venuegate.kiosk.setup.PairingCodeFormat.Problem.BAD_CHARACTER);
        assertThat(org.venuegate.kiosk.setup.PairingCodeFormat.check(null))
                .isEqualTo(org.venuegate.kiosk.setup.PairingCodeFormat.Problem.EMPTY);
        for (char c : "0O1IL".toCharArray()) {
            assertThat(org.venuegate.kiosk.setup.PairingCodeFormat.badCharacter("7KQ4M" + c + "W9PD")).isEqualTo(c);
        }
    }
}
