package org.venuegate.core.decide;

import java.util.Optional;
import org.venuegate.core.code.HealthCode;
import org.venuegate.core.i18n.LocalizedText;
import org.venuegate.core.verify.Reason;

/**
 * What the kiosk shows and says.
 *
 * @param stopReason  null for a pass
 * @param headline    the large words on the prompt
 * @param instruction what the gatekeeper or citizen should do next (follow-up for abnormal colours, FAQ 4)
 * @param code        the authentic health code, present only when its signature held (never show forged content)
 * @param verification the verification reason behind it, for the journal
 */
public record Decision(Verdict verdict, StopReason stopReason, LocalizedText headline, LocalizedText instruction,
                       HealthCode code, Reason verification) {
    public boolean pass() {
        return verdict == Verdict.PASS;
    }

    /** PASS, or the kind of stop the gatekeeper acts on. */
    public Category category() {
        return stopReason == null ? Category.PASS : stopReason.category();
    }

    public Optional<HealthCode> healthCode() {
        return Optional.ofNullable(code);
    }
}
