package org.venuegate.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;
import org.venuegate.core.json.Json;

/**
 * Turns request bodies and parameters into values, or into a 400 that names the field and what is wrong with it.
 * Nothing reaches a service half-parsed.
 */
public final class Requests {
    /** Dates without a time are Tianjin dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Requests() {
    }

    public static <T> T body(Context ctx, Class<T> type) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0) {
            throw ApiException.badRequest("MISSING_BODY", "a JSON body is required");
        }
        try {
            T value = Json.mapper().readValue(new String(raw, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw ApiException.badRequest("MISSING_BODY", "the JSON body is null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("UNKNOWN_FIELD", "field '" + path(e) + "' is not known; known fields: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest("INVALID_VALUE", "field '" + path(e) + "': '" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName()
                    + (e.getTargetType().isEnum() ? " (one of " + enumValues(e.getTargetType()) + ")" : ""));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("INVALID_FIELD", cause != null ? cause.getMessage() : e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("INVALID_TYPE", "field '" + path(e) + "' has the wrong type"
                    + (e.getTargetType() != null ? ", expected " + e.getTargetType().getSimpleName() : ""));
        } catch (JsonMappingException e) {
            throw ApiException.badRequest("INVALID_FIELD", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String enumValues(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        StringBuilder sb = new StringBuilder();
        for (Object c : constants) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c);
        }
        return sb.toString();
    }

    /** A required text field, trimmed, with a length limit. */
    public static String text(String value, String field, int max) {
        String v = optionalText(value, field, max);
        if (v == null) {
            throw ApiException.invalidField(field, "is required");
        }
        return v;
    }

    /** An optional text field: null or blank gives null. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            throw ApiException.invalidField(field, "at most " + max + " characters");
        }
        if (v.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            throw ApiException.invalidField(field, "contains control characters");
        }
        return v;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.invalidField(field, "is required");
        }
        return value;
    }

    /**
     * Refuses a raw path with a '%' not followed by two hex digits. Javalin decodes path parameters with
     * {@link java.net.URLDecoder}, which throws on such an escape before any handler runs: that was a 500.
     */
    public static void wellFormedPath(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length() || !hex(rawPath.charAt(i + 1)) || !hex(rawPath.charAt(i + 2))) {
                throw ApiException.badRequest("INVALID_PARAMETER", "the path has a '%' that is not followed by two hex digits");
            }
        }
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public static long pathLong(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        // Long.parseLong takes any Unicode digit ("１２３"); an id in a URL is ASCII digits only
        if (raw.isEmpty() || raw.length() > 19 || !raw.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " '" + raw + "' is not a number");
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " '" + raw + "' is not a number");
        }
    }

    public static int queryInt(Context ctx, String name, int dflt, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw ApiException.badRequest("INVALID_PARAMETER", name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " '" + raw + "' is not a number");
        }
    }

    public static Long queryLong(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " '" + raw + "' is not a number");
        }
    }

    public static <E extends Enum<E>> E queryEnum(Context ctx, String name, Class<E> type) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " '" + raw + "' is not one of " + enumValues(type));
        }
    }

    /**
     * A time parameter: an ISO instant (2026-11-24T01:00:00Z) or a date (2026-11-24, meaning its start in Tianjin;
     * with {@code endOfDay} the start of the next day, so "to=2026-11-24" includes that whole day).
     */
    public static Instant queryTime(Context ctx, String name, boolean endOfDay) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        Instant t = null;
        try {
            t = Instant.parse(v);
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        if (t == null) {
            try {
                LocalDate d = LocalDate.parse(v);
                if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
                    throw outOfRange(name, raw);
                }
                t = (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("INVALID_PARAMETER", name + " '" + raw + "' is neither an ISO instant nor a date (YYYY-MM-DD)");
            }
        }
        if (!sane(t)) {
            throw outOfRange(name, raw);
        }
        return t;
    }

    /** Times the product deals in: anything outside is a typo or an attack, and would overflow arithmetic later. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2199;
    private static final Instant MIN_TIME = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZONE).toInstant();
    private static final Instant MAX_TIME = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZONE).toInstant();

    public static boolean sane(Instant t) {
        return t != null && !t.isBefore(MIN_TIME) && t.isBefore(MAX_TIME);
    }

    /** A time from a body: null stays null, and one outside the product's years is refused by its field's name. */
    public static Instant bodyTime(Instant t, String field) {
        if (t != null && !sane(t)) {
            throw ApiException.invalidField(field, "lies outside the years " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return t;
    }

    private static ApiException outOfRange(String name, String raw) {
        return ApiException.badRequest("INVALID_PARAMETER", name + " '" + raw + "' lies outside the years " + MIN_YEAR
                + " to " + MAX_YEAR);
    }
}
