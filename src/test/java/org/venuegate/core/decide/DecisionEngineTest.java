package org.venuegate.core.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venuegate.core.TestIssuer.T0;
import static org.venuegate.core.TestIssuer.VENUE;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.venuegate.core.TestIssuer;
import org.venuegate.core.code.Colour;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.i18n.Messages;
import org.venuegate.core.verify.CodeVerifier;
import org.venuegate.core.verify.Reason;
import org.venuegate.core.verify.ReplayGuard;
import org.venuegate.core.verify.VerificationPolicy;
import org.venuegate.core.verify.VerificationResult;

class DecisionEngineTest {
    private final TestIssuer issuer = new TestIssuer();
    private final Instant now = T0.plusSeconds(10);

    private Decision decide(HealthCode code, EntryPolicy policy) {
        return decide(issuer.health(code), policy);
    }

    private Decision decide(String text, EntryPolicy policy) {
        VerificationResult r = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT).verifyHealth(text, VENUE, now, ReplayGuard.NONE);
        return DecisionEngine.decide(r, VENUE, now, policy);
    }

    private static HealthCode with(Colour colour, boolean badge, Optional<Instant> test, boolean proxy) {
        return new HealthCode(1, "李*", colour, badge, test, proxy, VENUE, T0, T0.plusSeconds(600), 5);
    }

    @Test
    void greenPasses() {
        Decision d = decide(with(Colour.GREEN, false, Optional.empty(), false), EntryPolicy.DEFAULT);
        assertThat(d.verdict()).isEqualTo(Verdict.PASS);
        assertThat(d.stopReason()).isNull();
        assertThat(d.headline().key()).isEqualTo("decision.pass");
        assertThat(d.healthCode()).isPresent();
    }

    @Test
    void proxyPassSaysSo() {
        Decision d = decide(with(Colour.GREEN, false, Optional.empty(), true), EntryPolicy.DEFAULT);
        assertThat(d.pass()).isTrue();
        assertThat(d.instruction().key()).isEqualTo("decision.do.pass.proxy");
    }

    @Test
    void yellowAndRedStopWithFollowUp() {
        Decision yellow = decide(with(Colour.YELLOW, true, Optional.empty(), false), EntryPolicy.DEFAULT);
        Decision red = decide(with(Colour.RED, true, Optional.empty(), false), EntryPolicy.DEFAULT);
        assertThat(yellow.stopReason()).isEqualTo(StopReason.YELLOW_CODE);
        assertThat(red.stopReason()).isEqualTo(StopReason.RED_CODE);
        assertThat(red.instruction().format(Locale.SIMPLIFIED_CHINESE)).contains("12345");
        assertThat(yellow.instruction().format(Locale.ENGLISH)).contains("nucleic-acid test");
    }

    @Test
    void badgePolicy() {
        EntryPolicy needsBadge = new EntryPolicy(true, Optional.empty());
        assertThat(decide(with(Colour.GREEN, false, Optional.empty(), false), needsBadge).stopReason()).isEqualTo(StopReason.BADGE_REQUIRED);
        assertThat(decide(with(Colour.GREEN, true, Optional.empty(), false), needsBadge).pass()).isTrue();
    }

    @Test
    void negativeTestPolicySaysTheWindow() {
        EntryPolicy within48h = new EntryPolicy(false, Optional.of(Duration.ofHours(48)));
        Decision none = decide(with(Colour.GREEN, true, Optional.empty(), false), within48h);
        Decision old = decide(with(Colour.GREEN, true, Optional.of(now.minus(Duration.ofHours(49))), false), within48h);
        Decision recent = decide(with(Colour.GREEN, true, Optional.of(now.minus(Duration.ofHours(47))), false), within48h);
        assertThat(none.stopReason()).isEqualTo(StopReason.NEGATIVE_TEST_REQUIRED);
        assertThat(old.stopReason()).isEqualTo(StopReason.NEGATIVE_TEST_REQUIRED);
        assertThat(old.headline().format(Locale.ENGLISH)).contains("48");
        assertThat(recent.pass()).isTrue();
    }

    @Test
    void redStopsEvenWhenPolicyWouldOtherwiseFail() {
        // The colour is the first thing the gatekeeper must act on.
        Decision d = decide(with(Colour.RED, false, Optional.empty(), false), new EntryPolicy(true, Optional.of(Duration.ofHours(24))));
        assertThat(d.stopReason()).isEqualTo(StopReason.RED_CODE);
    }

    @Test
    void forgedContentIsNeverShown() {
        Decision d = decide("VGH1:" + issuer.green().substring(5, 60), EntryPolicy.DEFAULT);
        assertThat(d.verdict()).isEqualTo(Verdict.STOP);
        assertThat(d.healthCode()).isEmpty();
    }

    @Test
    void validResultForAnotherVenueNeverPasses() {
        // Verified without a venue check (as inspect does) and then handed to the kiosk decision.
        VerificationResult r = new CodeVerifier(issuer.trustList(), VerificationPolicy.DEFAULT)
                .verify(issuer.health(TestIssuer.greenAt(VENUE + 5, T0, 1)), Optional.empty(), java.util.OptionalLong.empty(), now, ReplayGuard.NONE);
        assertThat(r.reason()).isEqualTo(Reason.VALID);
        assertThat(DecisionEngine.decide(r, VENUE, now, EntryPolicy.DEFAULT).stopReason()).isEqualTo(StopReason.OTHER_VENUE);
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyVerificationReasonMapsToADecisionWithTextInBothLanguages(Reason reason) {
        HealthCode code = TestIssuer.greenAt(VENUE, T0, 1);
        VerificationResult r = new VerificationResult(reason, null, "k", null, reason.impliesAuthentic() ? code : null, null);
        Decision d = DecisionEngine.decide(r, VENUE, now, EntryPolicy.DEFAULT);
        assertThat(d.pass()).isEqualTo(reason == Reason.VALID);
        for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            assertThat(d.headline().format(l)).isNotEqualTo(d.headline().key());
            assertThat(d.instruction().format(l)).isNotEqualTo(d.instruction().key());
        }
        assertThat(Messages.get(Locale.ENGLISH, "verify." + reason.name())).isNotEqualTo("verify." + reason.name());
    }

    @Test
    void stopReasonsForEachVerificationFailure() {
        HealthCode code = TestIssuer.greenAt(VENUE, T0, 1);
        assertThat(stopFor(Reason.BAD_SIGNATURE, null)).isEqualTo(StopReason.FORGED);
        assertThat(stopFor(Reason.UNKNOWN_KEY, null)).isEqualTo(StopReason.FORGED);
        assertThat(stopFor(Reason.STALE_ADMISSION, code)).isEqualTo(StopReason.STALE);
        assertThat(stopFor(Reason.EXPIRED, code)).isEqualTo(StopReason.STALE);
        assertThat(stopFor(Reason.REPLAYED_NONCE, code)).isEqualTo(StopReason.REPLAYED);
        assertThat(stopFor(Reason.VENUE_CODE_NOT_HEALTH, null)).isEqualTo(StopReason.VENUE_CODE_SHOWN);
        assertThat(stopFor(Reason.NOT_VENUEGATE, null)).isEqualTo(StopReason.NOT_A_HEALTH_CODE);
        assertThat(stopFor(Reason.MALFORMED, null)).isEqualTo(StopReason.UNREADABLE);
        assertThat(stopFor(Reason.REVOKED_VENUE, code)).isEqualTo(StopReason.REVOKED_VENUE);
        assertThat(stopFor(Reason.NO_TRUST_LIST, null)).isEqualTo(StopReason.KIOSK_NOT_READY);
    }

    private StopReason stopFor(Reason reason, HealthCode code) {
        return DecisionEngine.decide(new VerificationResult(reason, null, null, null, code, null), VENUE, now, EntryPolicy.DEFAULT).stopReason();
    }

    @Test
    void everyDecisionFallsInTheCategoryTheGatekeeperActsOn() {
        assertThat(decide(with(Colour.GREEN, true, Optional.empty(), false), EntryPolicy.DEFAULT).category()).isEqualTo(Category.PASS);
        assertThat(decide(with(Colour.YELLOW, true, Optional.empty(), false), EntryPolicy.DEFAULT).category()).isEqualTo(Category.HEALTH);
        assertThat(decide(with(Colour.RED, true, Optional.empty(), false), EntryPolicy.DEFAULT).category()).isEqualTo(Category.HEALTH);
        assertThat(decide(with(Colour.GREEN, false, Optional.empty(), false), new EntryPolicy(true, Optional.empty())).category())
                .isEqualTo(Category.HEALTH);
        assertThat(decide(with(Colour.GREEN, true, Optional.empty(), false), new EntryPolicy(false, Optional.of(Duration.ofHours(48))))
                .category()).isEqualTo(Category.HEALTH);
        HealthCode elsewhere = new HealthCode(1, "李*", Colour.GREEN, true, Optional.empty(), false, VENUE + 1, T0,
                T0.plusSeconds(600), 6);
        assertThat(decide(elsewhere, EntryPolicy.DEFAULT).category()).isEqualTo(Category.RESCAN);
        assertThat(decide(issuer.venue(TestIssuer.venueCode(VENUE)), EntryPolicy.DEFAULT).category()).isEqualTo(Category.RESCAN);
        assertThat(decide("https://example.com/pay?id=1", EntryPolicy.DEFAULT).category()).isEqualTo(Category.RESCAN);
        assertThat(decide("VGV1:!!!", EntryPolicy.DEFAULT).category()).isEqualTo(Category.RESCAN);
        HealthCode old = new HealthCode(1, "李*", Colour.GREEN, true, Optional.empty(), false, VENUE, T0.minusSeconds(3600),
                T0.plusSeconds(600), 7);
        assertThat(decide(old, EntryPolicy.DEFAULT).category()).isEqualTo(Category.RESCAN);
        TestIssuer stranger = new TestIssuer();
        assertThat(decide(stranger.green(), EntryPolicy.DEFAULT).category()).as("unknown key").isEqualTo(Category.INVALID);
        issuer.revokedKeys.add(org.venuegate.core.crypto.Ed25519.keyId(issuer.health.getPublic()));
        assertThat(decide(issuer.green(), EntryPolicy.DEFAULT).category()).as("revoked key").isEqualTo(Category.INVALID);
    }

    @ParameterizedTest
    @EnumSource(StopReason.class)
    void everyStopReasonHasACategoryAndItsWordsInBothLanguages(StopReason r) {
        assertThat(r.category()).isNotEqualTo(Category.PASS);
        for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            String word = org.venuegate.core.i18n.LocalizedText.of("decision.category." + r.category().name()).format(l);
            assertThat(word).doesNotStartWith("decision.");
        }
    }
}
