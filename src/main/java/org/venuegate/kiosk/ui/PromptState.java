package org.venuegate.kiosk.ui;

import org.venuegate.core.decide.Category;

/** What the prompt shows: waiting, or a decision of one of the four categories the gatekeeper acts on. */
public enum PromptState {
    IDLE, PASS, HEALTH, RESCAN, INVALID;

    public static PromptState of(Category c) {
        return switch (c) {
            case PASS -> PASS;
            case HEALTH -> HEALTH;
            case RESCAN -> RESCAN;
            case INVALID -> INVALID;
        };
    }

    /** True for the three kinds of stop. */
    public boolean stop() {
        return this == HEALTH || this == RESCAN || this == INVALID;
    }
}
