package org.venuegate.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.venuegate.core.decide.StopReason;

class SoundVoiceTest {
    @ParameterizedTest
    @EnumSource(StopReason.class)
    void everyStopReasonHasSpokenPromptsInBothLanguages(StopReason reason) throws Exception {
        for (String lang : new String[] {"zh", "en"}) {
            byte[] pcm = new SoundVoice(lang).speech(reason.name());
            // At least half a second of 16-bit mono audio at 11025 Hz.
            assertThat(pcm.length).as(lang + " " + reason).isGreaterThan(11025);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void passPromptExists(String lang) throws Exception {
        assertThat(new SoundVoice(lang).speech("PASS").length).isGreaterThan(11025);
    }

    /** Sounding stretches (rhythm) and zero crossings per second while sounding (pitch) of a 16-bit mono tone. */
    private static double[] rhythmAndPitch(byte[] pcm) {
        int segments = 0;
        int sounding = 0;
        int crossings = 0;
        boolean inSound = false;
        int quiet = 0;
        short prev = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            short v = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            if (v != 0) {
                sounding++;
                quiet = 0;
                if (!inSound) {
                    segments++;
                    inSound = true;
                }
                if ((prev < 0) != (v < 0) && prev != 0) {
                    crossings++;
                }
                prev = v;
            } else if (++quiet > 200) {
                inSound = false;
            }
        }
        return new double[] {segments, crossings / (sounding / 11025.0) / 2};
    }

    @Test
    void everyCategoryHasItsOwnRhythmOrPitch() {
        java.util.Map<org.venuegate.core.decide.Category, double[]> sig = new java.util.EnumMap<>(org.venuegate.core.decide.Category.class);
        for (org.venuegate.core.decide.Category c : org.venuegate.core.decide.Category.values()) {
            sig.put(c, rhythmAndPitch(SoundVoice.tone(c)));
        }
        for (var a : sig.entrySet()) {
            for (var b : sig.entrySet()) {
                if (a.getKey().compareTo(b.getKey()) < 0) {
                    boolean rhythm = a.getValue()[0] != b.getValue()[0];
                    boolean pitch = Math.abs(a.getValue()[1] - b.getValue()[1]) > 100;
                    assertThat(rhythm || pitch).as(a.getKey() + " vs " + b.getKey() + ": " + java.util.Arrays.toString(a.getValue())
                            + " " + java.util.Arrays.toString(b.getValue())).isTrue();
                }
            }
        }
        assertThat(sig.get(org.venuegate.core.decide.Category.HEALTH)[0]).isEqualTo(3);
    }

    @Test
    void aClosedVoiceIsSilentNotAnError() {
        // the window can close, or the settings swap the voice, while a decision is on its way to the prompt
        SoundVoice voice = new SoundVoice("zh");
        voice.close();
        voice.announcePass();
        voice.announce(new org.venuegate.kiosk.KioskFixture(org.venuegate.core.decide.EntryPolicy.DEFAULT)
                .engine.onCode("not a code", 0).decision());
    }
}
