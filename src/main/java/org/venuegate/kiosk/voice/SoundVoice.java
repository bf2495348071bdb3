package org.venuegate.kiosk.voice;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.core.decide.Category;
import org.venuegate.core.decide.Decision;
import org.venuegate.kiosk.ui.Voice;

/**
 * Plays a pass or stop tone and then the spoken prompt (bundled WAVs made with espeak-ng, see tools/make-voice.sh),
 * on its own thread. A newer decision cuts the current one off. Without a sound device it logs once and is silent.
 */
public final class SoundVoice implements Voice, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SoundVoice.class);
    static final AudioFormat TONE_FORMAT = new AudioFormat(11025f, 16, 1, true, false);

    private final String language;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-voice");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean disabled = new AtomicBoolean();
    private volatile Clip current;

    /** @param language "zh" or "en" */
    public SoundVoice(String language) {
        this.language = language.startsWith("en") ? "en" : "zh";
    }

    /** The bundled prompt for a decision: PASS or the stop reason's name. */
    public static String promptKey(Decision d) {
        return d.pass() ? "PASS" : d.stopReason().name();
    }

    @Override
    public void announce(Decision decision) {
        if (disabled.get()) {
            return;
        }
        Clip playing = current;
        if (playing != null) {
            playing.stop();
        }
        submit(() -> play(decision));
    }

    /** A decision can still arrive while the window closes (or the settings swap the voice): then stay silent. */
    private void submit(Runnable task) {
        try {
            player.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("voice closed; prompt not spoken");
        }
    }

    /** Plays the pass tone and the spoken "please enter" (the phone's FAQ 2 prompt uses it too). */
    public void announcePass() {
        if (!disabled.get()) {
            submit(() -> play(true, "PASS"));
        }
    }

    private void play(Decision d) {
        play(d.category(), promptKey(d));
    }

    private void play(boolean pass, String key) {
        play(pass ? Category.PASS : Category.HEALTH, key);
    }

    private void play(Category category, String key) {
        try {
            byte[] tone = tone(category);
            byte[] speech = speech(key);
            Clip clip = AudioSystem.getClip();
            clip.open(TONE_FORMAT, concat(tone, speech), 0, tone.length + speech.length);
            current = clip;
            clip.addLineListener(e -> {
                if (e.getType() == javax.sound.sampled.LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.start();
        } catch (IllegalArgumentException | LineUnavailableException | SecurityException e) {
            // No sound card (AudioSystem throws IllegalArgumentException then): carry on without sound.
            if (disabled.compareAndSet(false, true)) {
                LOG.warn("No usable sound device ({}); the kiosk continues without voice", e.getMessage());
            }
        } catch (IOException | UnsupportedAudioFileException e) {
            LOG.error("Bundled prompt for {} is unreadable", key, e);
        }
    }

    /** PCM of the spoken prompt, converted to the tone's format so both play as one clip. */
    byte[] speech(String key) throws IOException, UnsupportedAudioFileException {
        String path = "/org/venuegate/kiosk/voice/" + language + "/" + key + ".wav";
        InputStream raw = SoundVoice.class.getResourceAsStream(path);
        if (raw == null) {
            throw new IOException("missing " + path);
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw));
             AudioInputStream pcm = AudioSystem.getAudioInputStream(TONE_FORMAT, in)) {
            return pcm.readAllBytes();
        }
    }

    /**
     * One earcon per category, distinct by pitch and rhythm, not only by the words after it: pass two rising beeps,
     * health three low buzzes, rescan two short mid beeps ("once more"), invalid a falling high-low siren.
     */
    static byte[] tone(Category category) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double[][] notes = switch (category) {
            case PASS -> new double[][] {{880, 0.12}, {0, 0.05}, {1320, 0.18}, {0, 0.15}};
            case HEALTH -> new double[][] {{220, 0.15}, {0, 0.06}, {220, 0.15}, {0, 0.06}, {220, 0.15}, {0, 0.15}};
            case RESCAN -> new double[][] {{660, 0.08}, {0, 0.08}, {660, 0.08}, {0, 0.2}};
            case INVALID -> new double[][] {{1175, 0.14}, {587, 0.14}, {1175, 0.14}, {587, 0.14}, {0, 0.15}};
        };
        boolean square = category == Category.HEALTH || category == Category.INVALID;
        float rate = TONE_FORMAT.getSampleRate();
        for (double[] n : notes) {
            int samples = (int) (n[1] * rate);
            for (int i = 0; i < samples; i++) {
                double envelope = Math.min(1, Math.min(i, samples - i) / (rate * 0.01));
                double wave = Math.sin(2 * Math.PI * n[0] * i / rate);
                double v = n[0] == 0 ? 0 : square ? Math.signum(wave) * 0.6 : wave;
                short s = (short) (v * envelope * 12000);
                out.write(s & 0xff);
                out.write((s >> 8) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    boolean disabled() {
        return disabled.get();
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
