package org.venuegate.kiosk.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.venuegate.core.decide.EntryPolicy;
import org.venuegate.core.verify.VerificationPolicy;

/**
 * {@code kiosk-config/kiosk.json}: everything a venue sets for its kiosk. The example beside it documents each field.
 * Secrets (device token, pinned root key) live in {@code device.json}, written when the kiosk pairs.
 */
public record KioskConfig(String hubUrl, String language, Policy entryPolicy, Camera camera, Voice voice,
                          Integer promptSeconds, Integer maxAdmissionAgeSeconds, Integer clockToleranceSeconds,
                          Integer trustListMaxAgeHours, Integer retentionDays, String adminPin, Gate gate) {

    /** The old shape, without a gate output. */
    public KioskConfig(String hubUrl, String language, Policy entryPolicy, Camera camera, Voice voice,
                       Integer promptSeconds, Integer maxAdmissionAgeSeconds, Integer clockToleranceSeconds,
                       Integer trustListMaxAgeHours, Integer retentionDays, String adminPin) {
        this(hubUrl, language, entryPolicy, camera, voice, promptSeconds, maxAdmissionAgeSeconds, clockToleranceSeconds,
                trustListMaxAgeHours, retentionDays, adminPin, null);
    }

    /**
     * What opens a turnstile on a pass (null: none). Either {@code serial} ("PORT[@BAUD]", 9600 baud unless given)
     * with the bytes to write as {@code sendHex} ("A0 01 01 A2") or {@code send} (text, JSON escapes such as \r\n),
     * or {@code run}: a program and its arguments. {@code timeoutMillis} bounds each opening (default 2000).
     */
    public record Gate(String serial, String send, String sendHex, java.util.List<String> run, Integer timeoutMillis) {
        public static final int DEFAULT_TIMEOUT_MILLIS = 2000;

        public int timeout() {
            return timeoutMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
        }

        /** The bytes for a serial relay; {@code sendHex} wins over {@code send}. */
        public byte[] bytes() {
            if (sendHex != null) {
                String hex = sendHex.replaceAll("[\\s:,-]", "");
                if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
                    throw new IllegalArgumentException("'" + sendHex + "' is not hex bytes such as A0 01 01 A2");
                }
                return java.util.HexFormat.of().parseHex(hex);
            }
            return send == null ? new byte[0] : send.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** "PORT[@BAUD]" split; throws IllegalArgumentException for a bad baud rate. */
        public String port() {
            int at = serial.lastIndexOf('@');
            return at < 0 ? serial : serial.substring(0, at);
        }

        public int baud() {
            int at = serial.lastIndexOf('@');
            if (at < 0) {
                return 9600;
            }
            try {
                int b = Integer.parseInt(serial.substring(at + 1));
                if (b < 300 || b > 4_000_000) {
                    throw new NumberFormatException();
                }
                return b;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + serial.substring(at + 1) + "' is not a baud rate (300 to 4000000)");
            }
        }
    }

    /** The venue's entry rule (PRODUCT: hospitals and care homes may require the badge or a recent test). */
    public record Policy(Boolean requireBadge, Integer negativeTestWithinHours) {
    }

    /**
     * Where codes come from and, for a webcam, which one at which resolution. {@code source}: "webcam", "scanner"
     * (keyboard wedge), "serial:PORT[@BAUD]", "replay:FOLDER" or "replay:FILE.mp4" (see {@link CameraSource}).
     * {@code replayLoop} starts a replay again at its end; {@code replayPace} "realtime" plays a video at its own frame
     * rate (a folder at 10 images a second), "fastest" as fast as frames can be decoded (benchmarks).
     */
    public record Camera(String source, String name, Integer width, Integer height, Boolean replayLoop, String replayPace) {
        public Camera(String source, String name, Integer width, Integer height) {
            this(source, name, width, height, true, "realtime");
        }

        /** {@link #source()} read; throws IllegalArgumentException for a value the loader would have refused. */
        public CameraSource parsedSource() {
            return CameraSource.parse(source);
        }

        /** A scanner (keyboard wedge or serial port): it hands over text, so there are no frames and no resolution. */
        public boolean isScanner() {
            return isScanner(source);
        }

        public static boolean isScanner(String source) {
            return source.equals("scanner") || source.startsWith("serial:");
        }

        public boolean fastestReplay() {
            return "fastest".equals(replayPace);
        }

        public boolean loopReplay() {
            return !Boolean.FALSE.equals(replayLoop);
        }
    }

    /** Spoken prompts. */
    public record Voice(Boolean enabled, String language) {
    }

    public static KioskConfig defaults() {
        return new KioskConfig("http://localhost:8470", "zh-CN", new Policy(false, null),
                new Camera("webcam", null, 640, 480), new Voice(true, "zh-CN"), 4, 300, 120, 72, 28, null);
    }

    public EntryPolicy policy() {
        return new EntryPolicy(Boolean.TRUE.equals(entryPolicy.requireBadge()),
                Optional.ofNullable(entryPolicy.negativeTestWithinHours()).map(h -> Duration.ofHours(h)));
    }

    public VerificationPolicy verificationPolicy() {
        return new VerificationPolicy(Duration.ofSeconds(maxAdmissionAgeSeconds), Duration.ofSeconds(clockToleranceSeconds));
    }

    public Duration promptDuration() {
        return Duration.ofSeconds(promptSeconds);
    }

    public Duration trustListMaxAge() {
        return Duration.ofHours(trustListMaxAgeHours);
    }

    /**
     * Whether a field the running kiosk reads only when it starts differs from {@code other}: the entry policy and the
     * verification and retention limits are built into its engine and sync worker.
     */
    public boolean startupFieldsDiffer(KioskConfig other) {
        return !Objects.equals(entryPolicy, other.entryPolicy)
                || !Objects.equals(maxAdmissionAgeSeconds, other.maxAdmissionAgeSeconds)
                || !Objects.equals(clockToleranceSeconds, other.clockToleranceSeconds)
                || !Objects.equals(retentionDays, other.retentionDays);
    }
}
