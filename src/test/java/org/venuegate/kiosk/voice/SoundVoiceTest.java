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

    @Test
    void passAndStopTonesDiffer() {
        assertThat(SoundVoice.tone(true)).isNotEqualTo(SoundVoice.tone(false));
        assertThat(SoundVoice.tone(false).length).isGreaterThan(SoundVoice.tone(true).length);
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
