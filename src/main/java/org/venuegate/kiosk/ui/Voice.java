package org.venuegate.kiosk.ui;

import org.venuegate.core.decide.Decision;

/** Speaks a decision. Implementations must return at once and never throw: a kiosk without sound keeps working. */
public interface Voice {
    Voice SILENT = decision -> { };

    void announce(Decision decision);
}
