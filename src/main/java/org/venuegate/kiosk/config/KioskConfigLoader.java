package org.venuegate.kiosk.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.venuegate.core.json.Json;

/**
 * Reads {@code kiosk.json}. A broken file gets one message naming the file, the line and the field and saying what
 * is wrong with it, never a stack trace; fields left out take their defaults.
 */
public final class KioskConfigLoader {
    private KioskConfigLoader() {
    }

    /** A configuration problem, phrased for the person who edits the file. */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        public ConfigException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static KioskConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(null, file + " does not exist; copy kiosk-config/kiosk.example.json to it");
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read " + file + ": " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Checks text meant for {@code file} (named in messages) exactly as {@link #load} would read it. */
    public static KioskConfig parse(Path file, String text) throws ConfigException {
        KioskConfig raw;
        try {
            raw = Json.mapper().readValue(text, KioskConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(path(e), where(file, e) + "unknown field '" + path(e) + "'; known fields here: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw new ConfigException(path(e), where(file, e) + "field '" + path(e) + "': '" + e.getValue() + "' is not a "
                    + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT));
        } catch (MismatchedInputException e) {
            throw new ConfigException(path(e), where(file, e) + "field '" + path(e) + "' has the wrong type"
                    + (e.getTargetType() != null ? " (expected " + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT) + ")" : ""));
        } catch (JsonMappingException e) {
            throw new ConfigException(path(e), where(file, e) + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(null, where(file, e) + "not valid JSON: " + e.getOriginalMessage());
        }
        if (raw == null) {
            throw new ConfigException(null, file + " is empty (null); it must hold a JSON object");
        }
        return validate(withDefaults(raw));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String where(Path file, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null ? file + ": " : file + " line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }

    static KioskConfig withDefaults(KioskConfig c) {
        KioskConfig d = KioskConfig.defaults();
        KioskConfig.Policy p = c.entryPolicy() == null ? d.entryPolicy() : new KioskConfig.Policy(
                c.entryPolicy().requireBadge() == null ? Boolean.FALSE : c.entryPolicy().requireBadge(),
                c.entryPolicy().negativeTestWithinHours());
        KioskConfig.Camera cam = c.camera() == null ? d.camera() : new KioskConfig.Camera(
                or(c.camera().source(), d.camera().source()), c.camera().name(),
                or(c.camera().width(), d.camera().width()), or(c.camera().height(), d.camera().height()),
                or(c.camera().replayLoop(), d.camera().replayLoop()), or(c.camera().replayPace(), d.camera().replayPace()));
        KioskConfig.Voice v = c.voice() == null ? d.voice() : new KioskConfig.Voice(
                or(c.voice().enabled(), true), or(c.voice().language(), or(c.language(), d.language())));
        return new KioskConfig(or(c.hubUrl(), d.hubUrl()), or(c.language(), d.language()), p, cam, v,
                or(c.promptSeconds(), d.promptSeconds()), or(c.maxAdmissionAgeSeconds(), d.maxAdmissionAgeSeconds()),
                or(c.clockToleranceSeconds(), d.clockToleranceSeconds()), or(c.trustListMaxAgeHours(), d.trustListMaxAgeHours()),
                or(c.retentionDays(), d.retentionDays()), c.adminPin(), c.gate());
    }

    private static <T> T or(T v, T dflt) {
        return v != null ? v : dflt;
    }

    static KioskConfig validate(KioskConfig c) throws ConfigException {
        if (!c.hubUrl().matches("https?://[^\\s/]+(:\\d+)?(/.*)?")) {
            throw new ConfigException("hubUrl", "field 'hubUrl': '" + c.hubUrl() + "' is not an http(s) URL");
        }
        if (!c.language().equals("zh-CN") && !c.language().equals("en")) {
            throw new ConfigException("language", "field 'language': '" + c.language() + "' is not supported; use zh-CN or en");
        }
        range("promptSeconds", c.promptSeconds(), 1, 60);
        range("maxAdmissionAgeSeconds", c.maxAdmissionAgeSeconds(), 30, 3600);
        range("clockToleranceSeconds", c.clockToleranceSeconds(), 5, 3600);
        range("trustListMaxAgeHours", c.trustListMaxAgeHours(), 1, 24 * 30);
        range("retentionDays", c.retentionDays(), 1, 365);
        if (c.entryPolicy().negativeTestWithinHours() != null) {
            range("entryPolicy.negativeTestWithinHours", c.entryPolicy().negativeTestWithinHours(), 1, 24 * 14);
        }
        range("camera.width", c.camera().width(), 160, 4096);
        range("camera.height", c.camera().height(), 120, 4096);
        String src = c.camera().source();
        CameraSource parsed;
        try {
            parsed = CameraSource.parse(src);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("camera.source", "field 'camera.source': '" + src + "': " + e.getMessage());
        }
        if (parsed instanceof CameraSource.ReplayVideo video) {
            var problem = video.fileProblem();
            if (problem.isPresent()) {
                throw new ConfigException("camera.source", "field 'camera.source': '" + src + "': " + problem.get());
            }
        }
        if (!c.camera().replayPace().equals("realtime") && !c.camera().replayPace().equals("fastest")) {
            throw new ConfigException("camera.replayPace", "field 'camera.replayPace': '" + c.camera().replayPace()
                    + "' must be realtime or fastest");
        }
        if (c.gate() != null) {
            validateGate(c.gate());
        }
        if (c.adminPin() != null && !c.adminPin().matches("\\d{4,8}")) {
            throw new ConfigException("adminPin", "field 'adminPin' must be 4 to 8 digits");
        }
        return c;
    }

    private static void validateGate(KioskConfig.Gate g) throws ConfigException {
        boolean serial = g.serial() != null && !g.serial().isBlank();
        boolean run = g.run() != null && !g.run().isEmpty();
        if (serial == run) {
            throw new ConfigException("gate", "field 'gate' needs exactly one of 'serial' (a relay port such as "
                    + "/dev/ttyUSB0@9600) or 'run' (a program and its arguments)");
        }
        if (g.timeoutMillis() != null) {
            range("gate.timeoutMillis", g.timeoutMillis(), 50, 60_000);
        }
        if (run) {
            if (g.run().stream().anyMatch(a -> a == null) || g.run().get(0).isBlank()) {
                throw new ConfigException("gate.run", "field 'gate.run' must start with the program to run");
            }
            return;
        }
        try {
            g.baud();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("gate.serial", "field 'gate.serial': " + e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = g.bytes();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("gate.sendHex", "field 'gate.sendHex': " + e.getMessage());
        }
        if (bytes.length == 0 || bytes.length > 256) {
            throw new ConfigException("gate.send", "field 'gate.send' or 'gate.sendHex' must give the relay 1 to 256 bytes");
        }
    }

    private static void range(String field, int value, int min, int max) throws ConfigException {
        if (value < min || value > max) {
            throw new ConfigException(field, "field '" + field + "' is " + value + "; it must be between " + min + " and " + max);
        }
    }
}
