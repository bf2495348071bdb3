package org.venuegate.core.keys;

import org.venuegate.core.trust.KeyPurpose;

/** ROOT signs trust lists and is pinned by kiosks; HEALTH and VENUE sign codes. */
public enum KeyRole {
    ROOT, HEALTH, VENUE;

    public KeyPurpose purpose() {
        return switch (this) {
            case HEALTH -> KeyPurpose.HEALTH;
            case VENUE -> KeyPurpose.VENUE;
            case ROOT -> throw new IllegalStateException("the root key signs trust lists, not codes");
        };
    }
}
