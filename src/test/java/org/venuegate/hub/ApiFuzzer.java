package org.venuegate.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Requests for the operations of {@code docs/openapi.yaml}, read at run time so that a new endpoint is fuzzed
 * without anyone telling this class: mostly well-formed from the spec's schemas (and the good values a
 * {@link Fixtures} knows, to get past the first check), then broken in one to three places with wrong types,
 * extreme numbers and times, odd Unicode, raw bytes, missing and unknown fields, garbage path and query values.
 */
final class ApiFuzzer {
    static final Path SPEC = Path.of("docs", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Plain Jackson for writing: the product's mapper would sort or normalise what the fuzzer built on purpose. */
    private static final ObjectMapper WRITER = new ObjectMapper();

    /** One path or query parameter of an operation. */
    record Param(String name, String in, JsonNode schema, boolean required) {
    }

    /** One documented operation. */
    record Operation(String method, String path, Set<String> roles, List<Param> params, JsonNode body) {
        String key() {
            return method + " " + path;
        }
    }

    /** Where a value goes. */
    enum Slot { PATH, QUERY, BODY }

    /** Values that exist in the hub under test (ids, codes, a password that works), so requests get past the first check. */
    interface Fixtures {
        /** Returned for a body property that a good request leaves out. */
        Object OMIT = new Object();

        /**
         * A good value for the parameter or body property {@code name} of {@code op}, {@link #OMIT}, or null to use
         * the schema.
         */
        Object value(Operation op, Slot slot, String name);

        /**
         * The last touch to a body built for {@code op}, after any breaking: what no schema can say, such as a
         * signature over the rest of the body.
         */
        default JsonNode finish(Operation op, JsonNode body) {
            return body;
        }
    }

    /** A request ready to send: the target (path and query, percent-encoded unless raw) and the body bytes or null. */
    record Built(String target, byte[] body, boolean needsRaw, String shape) {
    }

    final JsonNode spec;
    final List<Operation> operations;
    private final SplittableRandom rnd;
    private final Fixtures fixtures;

    ApiFuzzer(SplittableRandom rnd, Fixtures fixtures) {
        this.rnd = rnd;
        this.fixtures = fixtures;
        try {
            spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        operations = readOperations();
    }

    private List<Operation> readOperations() {
        List<Operation> out = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            JsonNode o = op.getValue();
            Set<String> roles = new TreeSet<>();
            o.path("x-roles").forEach(r -> roles.add(r.asText()));
            List<Param> params = new ArrayList<>();
            for (JsonNode p : List.of(path.getValue().path("parameters"), o.path("parameters"))) {
                p.forEach(raw -> {
                    JsonNode param = resolve(raw);
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(), resolve(param.path("schema")),
                            param.path("required").asBoolean(false)));
                });
            }
            JsonNode body = o.has("requestBody") ? resolve(o.at("/requestBody/content/application~1json/schema")) : null;
            out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), roles, params, body));
        }));
        return out;
    }

    JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n != null && n.has("$ref")) {
            n = spec.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------ whole requests

    Built build(Operation op) {
        boolean[] raw = {false};
        StringBuilder target = new StringBuilder();
        for (String segment : op.path().substring(1).split("/")) {
            target.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                Param p = op.params().stream().filter(x -> x.name().equals(name) && x.in().equals("path")).findFirst()
                        .orElse(new Param(name, "path", NODES.objectNode(), true));
                target.append(chance(80) ? encode(goodText(op, Slot.PATH, p.name(), p.schema())) : garbageComponent(raw));
            } else {
                target.append(segment);
            }
        }
        List<String> query = new ArrayList<>();
        for (Param p : op.params()) {
            if (!p.in().equals("query") || !chance(p.required() ? 92 : 55)) {
                continue;
            }
            String value = chance(80) ? encode(goodText(op, Slot.QUERY, p.name(), p.schema())) : garbageComponent(raw);
            query.add(p.name() + "=" + value);
            if (chance(4)) {
                query.add(p.name() + "=" + garbageComponent(raw));
            }
        }
        if (chance(5)) {
            query.add(pick("x", "callback", "__proto__", "page[]", "%00", "") + "=" + garbageComponent(raw));
        }
        if (!query.isEmpty()) {
            target.append('?').append(String.join("&", query));
        }
        byte[] body = null;
        String shape = "none";
        if (op.body() != null) {
            int r = rnd.nextInt(100);
            if (r < 4) {
                shape = "absent";
            } else if (r < 16) {
                shape = "junk";
                body = junkBody(op);
            } else if (r < 56) {
                shape = "good";
                body = write(fixtures.finish(op, good(op, op.body(), "", 0)));
            } else {
                shape = "mutated";
                JsonNode tree = good(op, op.body(), "", 0);
                int edits = 1 + rnd.nextInt(3);
                for (int i = 0; i < edits; i++) {
                    tree = mutate(tree);
                }
                // half the time finished after breaking, so odd values get past a signature to the rules behind it
                body = write(chance(50) ? fixtures.finish(op, tree) : tree);
                if (chance(10)) {
                    body = mangleBytes(body);
                    shape = "mangled";
                }
            }
        } else if (chance(4)) {
            shape = "unexpected";
            body = junkBody(op);
        }
        return new Built(target.toString(), body, raw[0], shape);
    }

    // ------------------------------------------------------------------------------------------ good values

    private String goodText(Operation op, Slot slot, String name, JsonNode schema) {
        Object f = fixtures.value(op, slot, name);
        if (f != null) {
            return String.valueOf(f);
        }
        JsonNode v = good(op, schema, name, 0, null);
        return v.isTextual() ? v.asText() : v.isNull() ? "" : v.toString();
    }

    /** A value the schema allows (as far as a schema says; the fixtures know what the hub's rules want). */
    JsonNode good(Operation op, JsonNode schemaOrRef, String name, int depth) {
        return good(op, schemaOrRef, name, depth, name.isEmpty() ? null : fixtures.value(op, Slot.BODY, name));
    }

    private JsonNode good(Operation op, JsonNode schemaOrRef, String name, int depth, Object fixture) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema == null || schema.isMissingNode()) {
            return NODES.textNode(text(8));
        }
        if (fixture != null && fixture != Fixtures.OMIT && chance(95)) {
            return WRITER.valueToTree(fixture);
        }
        if (schema.path("nullable").asBoolean(false) && chance(12)) {
            return NODES.nullNode();
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                JsonNode options = schema.get(combinator);
                return good(op, options.get(rnd.nextInt(options.size())), name, depth + 1, fixture);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode values = schema.get("enum");
            return values.get(rnd.nextInt(values.size())).deepCopy();
        }
        if (schema.has("example") && chance(30)) {
            return schema.get("example").deepCopy();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                Set<String> required = new TreeSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                schema.path("properties").fields().forEachRemaining(p -> {
                    Object f = fixtures.value(op, Slot.BODY, p.getKey());
                    if (required.contains(p.getKey()) || (depth < 4 && chance(f == Fixtures.OMIT ? 5 : 60))) {
                        o.set(p.getKey(), good(op, p.getValue(), p.getKey(), depth + 1, f));
                    }
                });
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                int max = Math.min(schema.path("maxItems").asInt(4), 4);
                int min = Math.min(schema.path("minItems").asInt(0), max);
                int n = min + rnd.nextInt(max - min + 1);
                for (int i = 0; i < n && depth < 6; i++) {
                    a.add(good(op, schema.path("items"), singular(name), depth + 1));
                }
                return a;
            }
            case "integer": {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long span = schema.has("maximum") ? schema.get("maximum").asLong() - min : 1000;
                return NODES.numberNode(min + (span <= 0 || span == Long.MAX_VALUE ? 0 : rnd.nextLong(span + 1)));
            }
            case "number":
                return NODES.numberNode(rnd.nextDouble() * 1000);
            case "boolean":
                return NODES.booleanNode(rnd.nextBoolean());
            default:
                return NODES.textNode(goodString(schema));
        }
    }

    /** The fixture name of one item of a list property ("checkins" → "checkin"). */
    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private String goodString(JsonNode schema) {
        String format = schema.path("format").asText("");
        Instant now = Instant.now();
        switch (format) {
            case "date-time":
                return now.minusSeconds(rnd.nextInt(600)).truncatedTo(ChronoUnit.MILLIS).toString();
            case "date":
                return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(rnd.nextInt(3)).toString();
            case "uuid":
                return UUID.randomUUID().toString();
            case "byte":
                return Base64.getEncoder().encodeToString(bytes(16));
            default:
                break;
        }
        if (schema.has("pattern")) {
            String s = fromPattern(schema.get("pattern").asText());
            if (s != null) {
                return s;
            }
        }
        int max = schema.path("maxLength").asInt(24);
        int min = Math.max(1, schema.path("minLength").asInt(1));
        return text(Math.max(min, Math.min(max, 1 + rnd.nextInt(12))));
    }

    /** Plausible text: Latin, digits, Chinese. */
    private String text(int len) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_ 天津和平区滨江道测试场所商贸";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString().strip().isEmpty() ? "x" + sb : sb.toString();
    }

    /**
     * A string matching the simple patterns the spec uses: anchors, literals, escapes, character classes with
     * ranges and the quantifiers ?, *, +, {n}, {m,n}. Null for anything fancier (the caller falls back to text).
     */
    String fromPattern(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            String choices;
            if (c == '^' || c == '$') {
                i++;
                continue;
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 2);
                if (end < 0) {
                    return null;
                }
                choices = charClass(pattern.substring(i + 1, end));
                if (choices == null) {
                    return null;
                }
                i = end + 1;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                char e = pattern.charAt(i + 1);
                choices = switch (e) {
                    case 's' -> " ";
                    case 'd' -> "0123456789";
                    case 'w' -> "abcXYZ019_";
                    default -> String.valueOf(e);
                };
                i += 2;
            } else if ("()|.".indexOf(c) >= 0) {
                return null;
            } else {
                choices = String.valueOf(c);
                i++;
            }
            int min = 1;
            int max = 1;
            if (i < pattern.length()) {
                char q = pattern.charAt(i);
                if (q == '?' || q == '*' || q == '+') {
                    min = q == '+' ? 1 : 0;
                    max = q == '?' ? 1 : 3;
                    i++;
                } else if (q == '{') {
                    int close = pattern.indexOf('}', i);
                    String[] mn = pattern.substring(i + 1, close).split(",", -1);
                    min = Integer.parseInt(mn[0].trim());
                    max = mn.length == 1 ? min : mn[1].isBlank() ? min + 8 : Integer.parseInt(mn[1].trim());
                    i = close + 1;
                }
            }
            // whitespace padding allowed by a pattern is left out: it is trimmed anyway and only makes values odd
            int n = choices.equals(" ") ? 0 : min + rnd.nextInt(Math.min(max, min + 12) - min + 1);
            for (int k = 0; k < n; k++) {
                out.append(choices.charAt(rnd.nextInt(choices.length())));
            }
        }
        return out.toString();
    }

    private static String charClass(String body) {
        if (body.startsWith("^")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                sb.append(e == 's' ? " " : e == 'd' ? "0123456789" : String.valueOf(e));
            } else if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                for (char x = c; x <= body.charAt(i + 2); x++) {
                    sb.append(x);
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ breaking things

    static final String[] ODD_TEXT = {
        "", " ", "\u0000", "a\u0000b", "\u202Eevil\u202C", "\u200F\u200E\u061C", "１２３４５", "\u0661\u0662\u0663",
        "😀🇨🇳👨‍👩‍👧", "\uFEFF", "\uFFFF\uFFFE", "e\u0301\u0301\u0301\u0301", "x".repeat(10_000), "字".repeat(10_000),
        "😀".repeat(3_000), "\t\n\r", "\u0085\u2028\u2029", "null", "true", "0", "-1", "1e309", "NaN", "Infinity",
        "'; DROP TABLE users; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "${jndi:ldap://x/a}", "\\",
        "\"", "ＭＡＬＬ", "mall", "İ", "ß", "ﬀ", "ǅ", "A".repeat(65), "\u00A0\u3000", "\u001B[31m", "\u007F",
        "\uD83D\uDE00".repeat(20), "\u0130\u0131", "𠀀𠀀𠀀𠀀𠀀*𠀀𠀀𠀀𠀀𠀀𠀀", "*", "王*", "S12345 ", "S-1:_x",
    };

    static final String[] EXTREME_TIMES = {
        "+999999999-12-31", "+999999999-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
        "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z", "2199-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
        "2026-02-30T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T12:00:00+18:00", "2026-11-24T12:00:00-18:00",
        "2026-11-24T12:00:00.1234567891Z", "2026-11-24", "2026-11-24T12:00", "20261124T120000Z", "now", "-0001-01-01",
        "+10000-01-01T00:00:00Z", "2026-13-01", "2026-11-24T12:00:00Z[Asia/Shanghai]",
    };

    /** JSON literals a JsonNode cannot hold as such. */
    static final String[] RAW_LITERALS = {
        "1e309", "-1e309", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "1" + "0".repeat(400), "0.0000001", "1e-400", "-0", "-0.0", "1.5", "2147483648", "-2147483649", "4294967296",
        "9007199254740993", "1E2", "\"\\ud800\"", "\"\\udc00x\"", "\"a\\u0000b\"", "\"\\ud83d\\ude00\"", "\"\\uDBFF\"",
        "\"\\u202e1\"", "[".repeat(3_000) + "]".repeat(3_000), "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500),
        "-1", "0", "1732406400000", "[]", "{}", "[null]", "\"\"",
    };

    private JsonNode oddValue() {
        return switch (rnd.nextInt(6)) {
            case 0 -> NODES.textNode(pick(ODD_TEXT));
            case 1 -> NODES.textNode(pick(EXTREME_TIMES));
            case 2 -> NODES.rawValueNode(new RawValue(pick(RAW_LITERALS)));
            case 3 -> NODES.numberNode(pick(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, Integer.MAX_VALUE,
                Integer.MIN_VALUE, 1L << 53, -(1L << 53), 99_999_999_999L}));
            case 4 -> pick(new JsonNode[] {NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
                NODES.numberNode(1.5), NODES.textNode("x"), NODES.arrayNode().add(1).add("a")});
            default -> NODES.numberNode(rnd.nextLong());
        };
    }

    /** One edit somewhere in the tree (or of the tree itself). */
    JsonNode mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || chance(8)) {
            return oddValue();
        }
        JsonNode target = containers.get(rnd.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            int what = rnd.nextInt(10);
            if (names.isEmpty() || what == 0) {
                o.set(pick("unknownField", "__proto__", "constructor", "", "ID", "\u0000", "a".repeat(300)), oddValue());
            } else if (what == 1) {
                o.remove(pick(names));
            } else if (what == 2) {
                o.putNull(pick(names));
            } else {
                o.set(pick(names), oddValue());
            }
        } else if (target instanceof ArrayNode a) {
            int what = rnd.nextInt(6);
            if (a.isEmpty() || what == 0) {
                a.add(oddValue());
            } else if (what == 1) {
                JsonNode first = a.get(0);
                // past the check-in batch limit, but never past the body limit by much: that is another test
                int copies = Math.min(pick(new int[] {2, 50, 5_001}), 4_200_000 / (write(first).length + 1));
                for (int i = 0; i < copies; i++) {
                    a.add(first.deepCopy());
                }
            } else {
                a.set(rnd.nextInt(a.size()), oddValue());
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    /** A body that is no JSON of the expected shape at all, or no JSON, or no UTF-8. */
    private byte[] junkBody(Operation op) {
        String[] texts = {"", " ", "null", "[]", "{}", "1", "\"x\"", "true", "{", "}", "{\"a\"", "{\"a\":}", "{'a':1}",
            "{\"a\":1}//", "{\"a\":1} {\"b\":2}", "{\"a\":1,}", "[1,]", "{\"a\":NaN}", "{\"a\":Infinity}", "\u0000",
            "[".repeat(100_000), "{\"a\":1,\"a\":2}", "/* c */ {}", "<xml/>", "a=1&b=2"};
        int r = rnd.nextInt(10);
        if (r < 5) {
            return pick(texts).getBytes(StandardCharsets.UTF_8);
        }
        if (r < 7) {
            return bytes(1 + rnd.nextInt(200));
        }
        JsonNode tree = good(op, op.body() == null ? NODES.objectNode() : op.body(), "", 0);
        byte[] good = write(tree);
        if (r < 8 && tree.isObject() && tree.size() > 0) {
            // the same property twice, the first time null: which one wins is the parser's choice
            String first = tree.fieldNames().next();
            return ("{" + WRITER.valueToTree(first) + ":null," + new String(good, StandardCharsets.UTF_8).substring(1))
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (r < 9) {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            return concat(bom, good);
        }
        return mangleBytes(good);
    }

    /** Cuts, flips or inserts raw bytes: invalid UTF-8, a CESU-8 lone surrogate, an overlong NUL. */
    private byte[] mangleBytes(byte[] body) {
        if (body.length == 0) {
            return new byte[] {(byte) 0xFF};
        }
        int at = rnd.nextInt(body.length);
        byte[][] inserts = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}, {(byte) 0xE2, (byte) 0x80}, {'"'}, {'\\'}};
        return switch (rnd.nextInt(3)) {
            case 0 -> java.util.Arrays.copyOf(body, at);
            case 1 -> {
                byte[] copy = body.clone();
                copy[at] ^= (byte) (1 << rnd.nextInt(8));
                yield copy;
            }
            default -> {
                // most often inside a string value, where decoders have to decide what to do with it
                int quote = new String(body, StandardCharsets.ISO_8859_1).indexOf("\":\"");
                int pos = quote > 0 && rnd.nextBoolean() ? quote + 3 : at;
                yield concat(concat(java.util.Arrays.copyOf(body, pos), pick(inserts)),
                        java.util.Arrays.copyOfRange(body, pos, body.length));
            }
        };
    }

    /** A bad path segment or query value, percent-encoded; now and then raw bytes only a hand-written request carries. */
    private String garbageComponent(boolean[] raw) {
        int r = rnd.nextInt(20);
        if (r == 0) {
            raw[0] = true;
            return pick("\u00ED\u00A0\u0080", "\u00FF", "\u0000", "a b", "\t", "%zz", "%", "%E4%B8", "\u00C0\u0080",
                    "\u00e5\u00ad\u0097", "\"<>", "\\", "{id}", "1#frag");
        }
        if (r < 5) {
            return pick("%ED%A0%80", "%FF", "%C0%80", "%00", "%E2%80%AE1", "%2F", "%2e%2e", "..", "%25", "a%26b%3Dc",
                    "%2B999999999-12-31", "%0D%0AX-Injected:%201", "%EF%BC%91%EF%BC%92", ";jsessionid=1", "%3F", "%23");
        }
        String v = switch (rnd.nextInt(4)) {
            case 0 -> pick(ODD_TEXT);
            case 1 -> pick(EXTREME_TIMES);
            case 2 -> pick("-1", "0", "-0", "00000000000000000001", "9223372036854775807", "9223372036854775808",
                    "-9223372036854775809", "1e3", "0x1F", "1.0", " 1", "1 ", "+1", "1" + "0".repeat(40), "1,2", "1;2",
                    "null", "undefined", "NaN", "true", "[]", "{}");
            default -> Long.toString(1_000_000L + rnd.nextLong(Long.MAX_VALUE - 1_000_000L));
        };
        return encode(v);
    }

    /** Percent-encodes all but the unreserved characters of RFC 3986. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    static byte[] write(JsonNode node) {
        try {
            // through a String: a lone surrogate in the tree must not stop the generator, it goes out as '?'
            return WRITER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return b;
    }

    boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[rnd.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    private long pick(long[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
