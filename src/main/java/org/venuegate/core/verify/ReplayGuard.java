package org.venuegate.core.verify;

/** Answers whether a health-code nonce was already used at this kiosk. The kiosk journal implements it. */
@FunctionalInterface
public interface ReplayGuard {
    ReplayGuard NONE = nonce -> false;

    boolean alreadyUsed(long nonce);
}
