package org.venuegate.core.trust;

/** What an issuer key may sign. A venue key cannot vouch for a health code and the reverse. */
public enum KeyPurpose {
    HEALTH, VENUE
}
