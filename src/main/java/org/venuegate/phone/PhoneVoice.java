package org.venuegate.phone;

/** Speaks the phone's "please pass" after a successful scan (FAQ 2). Must return at once and never throw. */
@FunctionalInterface
public interface PhoneVoice {
    PhoneVoice SILENT = venueName -> { };

    void pleasePass(String venueName);
}
