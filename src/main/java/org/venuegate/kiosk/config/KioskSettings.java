package org.venuegate.kiosk.config;

/**
 * The part of {@code kiosk.json} the kiosk's own settings screen changes; everything else in the file is left as the
 * administrator wrote it.
 *
 * @param cameraName a webcam's name, or null for the first one found (only for source "webcam")
 * @param adminPin   a new admin PIN, or null to keep the one in the file
 */
public record KioskSettings(String cameraSource, String cameraName, int width, int height, String language,
                            boolean voiceEnabled, String voiceLanguage, String adminPin) {

    /** What a loaded configuration holds now, keeping its PIN. */
    public static KioskSettings of(KioskConfig c) {
        return new KioskSettings(c.camera().source(), c.camera().name(), c.camera().width(), c.camera().height(),
                c.language(), Boolean.TRUE.equals(c.voice().enabled()), c.voice().language(), null);
    }
}
