package org.venuegate.kiosk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.venuegate.core.json.Json;

/**
 * Writes the settings screen's choices into {@code kiosk.json}. Only the fields it owns change: every other field keeps
 * its value, its place in the file, or its absence (a missing field keeps meaning "the default"). The result is
 * checked by the same loader the kiosk starts with before it replaces the file, atomically.
 */
public final class KioskConfigWriter {
    private KioskConfigWriter() {
    }

    /**
     * @return the configuration as the kiosk will read it from now on
     * @throws KioskConfigLoader.ConfigException when the existing file is broken (it is then left untouched: the
     *                                           administrator's other settings are not guessed at) or the new
     *                                           values are invalid
     * @throws IOException                       when the file cannot be written
     */
    public static KioskConfig save(Path file, KioskSettings s) throws KioskConfigLoader.ConfigException, IOException {
        ObjectNode root = existing(file);
        root.put("language", s.language());
        ObjectNode camera = object(root, "camera");
        camera.put("source", s.cameraSource());
        if (s.cameraName() == null) {
            camera.putNull("name");
        } else {
            camera.put("name", s.cameraName());
        }
        camera.put("width", s.width());
        camera.put("height", s.height());
        ObjectNode voice = object(root, "voice");
        voice.put("enabled", s.voiceEnabled());
        voice.put("language", s.voiceLanguage());
        if (s.adminPin() != null) {
            root.put("adminPin", s.adminPin());
        }
        String text = render(root);
        KioskConfig checked = KioskConfigLoader.parse(file, text);
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8), false);
        return checked;
    }

    private static ObjectNode existing(Path file) throws KioskConfigLoader.ConfigException, IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // no file means every field is at its default (the kiosk started without one): write only what was chosen
            return Json.mapper().createObjectNode();
        }
        // the whole loader, not just JSON syntax: a file the kiosk could not start with must be fixed by a person
        KioskConfigLoader.parse(file, text);
        JsonNode tree = Json.mapper().readTree(text);
        if (!(tree instanceof ObjectNode o)) {
            throw new KioskConfigLoader.ConfigException(null, file + ": not a JSON object");
        }
        return o;
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
    }

    /** Two-space indents and {@code "key": value}, like the example file, so a diff shows only what changed. */
    private static String render(ObjectNode root) throws JsonProcessingException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return Json.mapper().writer(printer).writeValueAsString(root) + "\n";
    }
}
