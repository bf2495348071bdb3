package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.AuditMessage;
import org.venuegate.api.ErrorBody;
import org.venuegate.api.SubmitterRole;
import org.venuegate.api.Verdict;
import org.venuegate.core.code.Colour;
import org.venuegate.core.json.Json;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.core.place.Districts;
import org.venuegate.core.trust.KeyPurpose;
import org.venuegate.core.trust.SignedTime;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.trust.TrustedKey;
import org.venuegate.hub.auth.Role;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;

/**
 * Keeps {@code docs/openapi.yaml} honest against the running hub: the same routes in both directions, the same
 * roles, auth and error conventions per operation, and schemas with the same properties and types as the records in
 * {@code org.venuegate.api} that the hub and its clients both read and write (a schema and its record share a name).
 * A route, field or record added without documentation fails here.
 */
class OpenApiContractTest {
    private static final Path SPEC = Path.of("docs", "openapi.yaml");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String API_PACKAGE = "org.venuegate.api";

    /** Signed documents: their bytes are what is signed and kiosks verify them offline, so core defines them. */
    private static final Map<String, Class<?>> CORE_DOCUMENTS = Map.of(
            "SignedTrustList", SignedTrustList.class,
            "TrustListPayload", TrustList.class,
            "TrustedKey", TrustedKey.class,
            "SignedTime", SignedTime.class);

    @TempDir
    static Path dataDir;
    private static Hub hub;
    private static HubServer server;
    private static JsonNode spec;

    @BeforeAll
    static void startHub() throws IOException {
        spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
        hub = new Hub(HubConfig.embedded(dataDir).withPasswordIterations(1000), Clock.systemUTC());
        server = new HubServer(hub).start(0);
    }

    @AfterAll
    static void stopHub() {
        if (server != null) {
            server.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    /** "METHOD /path" of every registered route, with its roles; Javalin's {@code <p>} params in OpenAPI form. */
    private static Map<String, Set<String>> registered() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (HubServer.RegisteredRoute r : server.registeredRoutes()) {
            String path = r.path().replaceAll("<([^>]+)>", "{$1}");
            Set<String> roles = r.roles().stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(out.put(r.method() + " " + path, roles)).as("registered twice: %s %s", r.method(), path).isNull();
        }
        return out;
    }

    /** "METHOD /path" of every documented operation. */
    private static Map<String, JsonNode> documented() {
        Map<String, JsonNode> out = new TreeMap<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                out.put(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
        return out;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            String ref = n.get("$ref").asText();
            assertThat(ref).as("only local references").startsWith("#/");
            n = spec.at(ref.substring(1));
            assertThat(n.isMissingNode()).as("dangling reference %s", ref).isFalse();
        }
        return n;
    }

    private static Set<String> names(JsonNode objectOrArray) {
        Set<String> out = new TreeSet<>();
        if (objectOrArray.isArray()) {
            objectOrArray.forEach(v -> out.add(v.asText()));
        } else {
            objectOrArray.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void documentsExactlyTheRoutesTheHubRegisters() {
        Map<String, Set<String>> routes = registered();
        Map<String, JsonNode> ops = documented();
        // Guards against an accessor that silently lists nothing, which would make the comparison vacuous.
        assertThat(routes).containsKeys("GET " + HubServer.PREFIX + "/health", "POST " + HubServer.PREFIX + "/checkins");

        assertThat(new TreeSet<>(routes.keySet()).stream().filter(k -> !ops.containsKey(k)).toList())
                .as("routes HubServer registers that docs/openapi.yaml does not describe").isEmpty();
        assertThat(ops.keySet().stream().filter(k -> !routes.containsKey(k)).toList())
                .as("operations docs/openapi.yaml describes that HubServer does not register").isEmpty();
        assertThat(ops.keySet()).allSatisfy(k -> assertThat(k).contains(" " + HubServer.PREFIX + "/"));
    }

    @Test
    void everyOperationListsTheRolesHubServerAllows() {
        Map<String, Set<String>> routes = registered();
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        documented().forEach((key, op) -> {
            JsonNode xRoles = op.path("x-roles");
            assertThat(xRoles.isArray() && !xRoles.isEmpty()).as("%s has a non-empty x-roles list", key).isTrue();
            Set<String> roles = names(xRoles);
            assertThat(roles).as("%s: x-roles are Role names", key).isSubsetOf(known);
            assertThat(roles).as("%s: x-roles list exactly the roles HubServer allows", key)
                    .isEqualTo(routes.getOrDefault(key, roles));
        });
    }

    @Test
    void securityFollowsTheRoles() {
        assertThat(spec.at("/components/securitySchemes/bearerAuth/type").asText()).isEqualTo("http");
        assertThat(spec.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(names(spec.at("/security/0"))).containsExactly("bearerAuth");
        documented().forEach((key, op) -> {
            boolean open = names(op.path("x-roles")).contains("ANYONE");
            JsonNode security = op.path("security");
            if (open) {
                assertThat(security.isArray() && security.isEmpty()).as("%s is ANYONE, so security: []", key).isTrue();
            } else {
                assertThat(security.isMissingNode()).as("%s needs a token, so it keeps the global bearer security", key).isTrue();
                assertThat(names(op.path("responses"))).as("%s needs a token, so it can answer 401 and 403", key)
                        .contains("401", "403");
            }
        });
    }

    @Test
    void errorsUseErrorBodyAndBodiesAreStrict() {
        documented().forEach((key, op) -> {
            op.path("responses").fields().forEachRemaining(r -> {
                int status = Integer.parseInt(r.getKey());
                JsonNode response = resolve(r.getValue());
                assertThat(response.path("description").asText()).as("%s %s has a description", key, status).isNotBlank();
                if (status >= 400) {
                    assertThat(response.at("/content/application~1json/schema/$ref").asText())
                            .as("%s %s answers with ErrorBody", key, status).isEqualTo("#/components/schemas/ErrorBody");
                }
            });
            if (op.has("requestBody")) {
                assertThat(names(op.path("responses"))).as("%s reads a body, so it can answer 400 and 413", key)
                        .contains("400", "413");
                JsonNode schema = resolve(op.at("/requestBody/content/application~1json/schema"));
                assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                        .as("%s: unknown body fields are refused, so additionalProperties: false", key).isTrue();
            }
        });
    }

    /** The records and enums of the shared API package (main classes only). */
    private static List<Class<?>> apiTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(API_PACKAGE)) {
            if (c.getPackageName().equals(API_PACKAGE) && c.isTopLevelClass() && (c.isRecord() || c.isEnum())) {
                out.add(c.reflect());
            }
        }
        return out;
    }

    /** Every object schema and the record Jackson reads or writes for it. */
    private static Map<String, Class<?>> recordsBySchema() {
        Map<String, Class<?>> out = new TreeMap<>(CORE_DOCUMENTS);
        apiTypes().stream().filter(Class::isRecord).forEach(r -> assertThat(out.put(r.getSimpleName(), r))
                .as("%s is a record of the shared package and a core document", r.getSimpleName()).isNull());
        return out;
    }

    /** Names of the component schemas reachable from request bodies ({@code request}) or from responses. */
    private static Set<String> reachable(boolean request) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        documented().values().forEach(op -> {
            if (request) {
                todo.add(op.at("/requestBody/content/application~1json/schema"));
            } else {
                op.path("responses").forEach(r -> todo.add(resolve(r).at("/content/application~1json/schema")));
            }
        });
        Set<String> out = new TreeSet<>();
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isMissingNode()) {
                continue;
            }
            String ref = n.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                if (out.add(ref.substring("#/components/schemas/".length()))) {
                    todo.add(resolve(n));
                }
                continue;
            }
            n.path("properties").forEach(todo::add);
            n.path("anyOf").forEach(todo::add);
            todo.add(n.path("items"));
            if (n.path("additionalProperties").isObject()) {
                todo.add(n.path("additionalProperties"));
            }
        }
        return out;
    }

    /**
     * How {@code schema} differs from what Jackson makes of {@code type}: in a request the fields it accepts, in a
     * response the fields it writes; each property's JSON type, date formats, references to records by their
     * schema, and primitives never nullable. Empty when they agree.
     */
    static List<String> differences(String name, JsonNode schema, Class<?> type, boolean request) {
        ObjectMapper mapper = Json.mapper();
        JavaType javaType = mapper.constructType(type);
        Map<String, JavaType> fields = new TreeMap<>();
        (request ? mapper.getDeserializationConfig().introspect(javaType) : mapper.getSerializationConfig().introspect(javaType))
                .findProperties().stream()
                .filter(p -> request ? p.couldDeserialize() : p.couldSerialize())
                .forEach(p -> fields.put(p.getName(), p.getPrimaryType()));
        Set<String> properties = names(schema.path("properties"));
        Set<String> required = names(schema.path("required"));
        List<String> out = new ArrayList<>();
        String side = (request ? "request " : "response ") + name + " / " + type.getSimpleName();
        fields.keySet().stream().filter(f -> !properties.contains(f))
                .forEach(f -> out.add(side + ": field '" + f + "' is not in the spec"));
        properties.stream().filter(f -> !fields.containsKey(f))
                .forEach(f -> out.add(side + ": spec property '" + f + "' is not a field of the record"));
        if (!properties.containsAll(required)) {
            out.add(side + ": requires properties it does not have");
        }
        if (!request && !required.equals(properties)) {
            // Json writes nulls too, so every property of an answer is always present.
            out.add(side + ": an answer requires all its properties");
        }
        fields.forEach((field, javaField) -> {
            if (properties.contains(field)) {
                property(side + "." + field, schema.path("properties").path(field), javaField, out);
            }
        });
        return out;
    }

    private static void property(String where, JsonNode declaredOrNullable, JavaType type, List<String> out) {
        JsonNode declared = declaredOrNullable;
        // OpenAPI 3.0 spells "this record or null" as anyOf: [{$ref}, {nullable: true, enum: [null]}]
        for (JsonNode alternative : declaredOrNullable.path("anyOf")) {
            if (alternative.has("$ref")) {
                declared = alternative;
            }
        }
        JsonNode p = resolve(declared);
        String ref = declared.path("$ref").asText("");
        Class<?> raw = type.getRawClass();
        if (raw.isRecord()) {
            if (!ref.equals("#/components/schemas/" + raw.getSimpleName()) && !CORE_DOCUMENTS.containsValue(raw)) {
                out.add(where + ": a " + raw.getSimpleName() + " is referenced as #/components/schemas/" + raw.getSimpleName());
            }
            return;
        }
        String expected = jsonType(raw);
        if (!expected.equals(p.path("type").asText())) {
            out.add(where + ": " + raw.getSimpleName() + " is JSON " + expected + ", the spec says " + p.path("type").asText("nothing"));
        }
        if (raw.isPrimitive() && p.path("nullable").asBoolean(false)) {
            out.add(where + ": a " + raw + " is never null, the spec says nullable");
        }
        String format = raw == Instant.class ? "date-time" : raw == LocalDate.class ? "date" : null;
        if (format != null && !format.equals(p.path("format").asText())) {
            out.add(where + ": a " + raw.getSimpleName() + " has format " + format);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            property(where + "[]", p.path("items"), type.getContentType(), out);
        } else if (Map.class.isAssignableFrom(raw)) {
            property(where + "{}", p.path("additionalProperties"), type.getContentType(), out);
        }
    }

    private static String jsonType(Class<?> c) {
        if (c == String.class || c.isEnum() || c == Instant.class || c == LocalDate.class) {
            return "string";
        }
        if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            return "integer";
        }
        if (c == double.class || c == Double.class) {
            return "number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        }
        return Collection.class.isAssignableFrom(c) ? "array" : "object";
    }

    @Test
    void everyObjectSchemaIsARecordOfTheSharedPackage() {
        Set<String> objectSchemas = new TreeSet<>();
        spec.at("/components/schemas").fields().forEachRemaining(s -> {
            if (s.getValue().has("properties")) {
                objectSchemas.add(s.getKey());
            }
        });
        Map<String, Class<?>> records = recordsBySchema();
        // Guards against an import that finds nothing, which would make every comparison below vacuous.
        assertThat(records).containsKeys("Application", "Venue", "ErrorBody", "ApplicationCounts");
        // check-in batches, pairing and signed time share the package too (they lived in the hub until issue 12)
        assertThat(records).containsKeys("CheckinBatch", "Checkin", "Receipt", "Rejection", "Pairing", "PairRequest", "TimeRequest");
        assertThat(records.keySet().stream().filter(r -> !objectSchemas.contains(r)))
                .as("records of %s without a schema of their name", API_PACKAGE).isEmpty();
        assertThat(objectSchemas.stream().filter(o -> !records.containsKey(o)))
                .as("object schemas without a record of their name in %s", API_PACKAGE).isEmpty();
    }

    @Test
    void schemasHaveTheFieldsOfTheirRecords() {
        JsonNode schemas = spec.at("/components/schemas");
        Set<String> requests = reachable(true);
        Set<String> responses = reachable(false);
        List<String> problems = new ArrayList<>();
        recordsBySchema().forEach((name, type) -> {
            JsonNode schema = schemas.path(name);
            if (schema.isMissingNode()) {
                return; // reported by everyObjectSchemaIsARecordOfTheSharedPackage
            }
            // The signed payloads travel as JSON text inside a string, so no operation refers to them directly.
            boolean signedPayload = CORE_DOCUMENTS.containsKey(name);
            if (!requests.contains(name) && !responses.contains(name) && !signedPayload) {
                problems.add(name + ": no operation reads or writes it");
            }
            if (requests.contains(name)) {
                problems.addAll(differences(name, schema, type, true));
                if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                    problems.add(name + ": unknown body fields are refused, so additionalProperties: false");
                }
            }
            if (responses.contains(name) || signedPayload) {
                problems.addAll(differences(name, schema, type, false));
            }
        });
        assertThat(problems).isEmpty();
    }

    /** A record with a field too many and one too few, and a primitive the spec calls nullable. */
    record Drifted(long id, String added, int count) {
    }

    @Test
    void aRecordThatDriftedFromItsSchemaIsReported() throws IOException {
        JsonNode schema = new ObjectMapper(new YAMLFactory()).readTree("""
                type: object
                required: [id, removed, count]
                properties:
                  id: {type: string}
                  removed: {type: string}
                  count: {type: integer, nullable: true}
                """);
        assertThat(differences("Drifted", schema, Drifted.class, false)).containsExactlyInAnyOrder(
                "response Drifted / Drifted: field 'added' is not in the spec",
                "response Drifted / Drifted: spec property 'removed' is not a field of the record",
                "response Drifted / Drifted.id: long is JSON integer, the spec says string",
                "response Drifted / Drifted.count: a int is never null, the spec says nullable");
        assertThat(differences("Drifted", schema, Drifted.class, true)).contains(
                "request Drifted / Drifted: field 'added' is not in the spec");
    }

    @Test
    void enumsMatchTheJavaEnums() {
        Function<Class<? extends Enum<?>>, Set<String>> values = e -> Arrays.stream(e.getEnumConstants())
                .map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("/components/schemas/Role/enum", values.apply(Role.class));
        assertThat(values.apply(org.venuegate.api.Role.class)).as("the route roles and the API's roles").isEqualTo(values.apply(Role.class));
        expected.put("/components/schemas/ApplicationStatus/enum", values.apply(ApplicationStatus.class));
        expected.put("/components/schemas/Colour/enum", values.apply(Colour.class));
        expected.put("/components/schemas/Submission/properties/submitterRole/enum", values.apply(SubmitterRole.class));
        expected.put("/components/schemas/DecisionRequest/properties/decision/enum", values.apply(Verdict.class));
        expected.put("/components/schemas/TrustedKey/properties/purpose/enum", values.apply(KeyPurpose.class));
        expected.put("/components/parameters/Paper/schema/enum", values.apply(PaperSize.class));
        expected.put("/components/parameters/Mode/schema/enum", values.apply(ColourMode.class));
        // The API refuses these values even though the enums have them.
        Set<String> rotatable = values.apply(KeyRole.class);
        rotatable.remove(KeyRole.ROOT.name());
        expected.put("/components/schemas/RotateRequest/properties/role/enum", rotatable);
        Set<String> creatable = values.apply(Role.class);
        creatable.removeAll(Set.of(Role.ANYONE.name(), Role.DEVICE.name()));
        expected.put("/components/schemas/UserRequest/properties/role/enum", creatable);
        expected.put("/components/schemas/UserUpdate/properties/role/enum", creatable);
        expected.put("/components/schemas/KeyInfo/properties/role/enum", values.apply(KeyRole.class));
        expected.put("/components/schemas/AuditEntry/properties/detailKey/enum", values.apply(AuditMessage.class));
        expected.put("/components/schemas/District/enum", Districts.all(true).keySet().stream().map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new)));

        expected.forEach((pointer, constants) -> assertThat(names(spec.at(pointer))).as(pointer).isEqualTo(constants));
        // A new enum of the shared package fails here until its values are compared above.
        assertThat(apiTypes().stream().filter(Class::isEnum).map(Class::getSimpleName)).containsExactlyInAnyOrder(
                "Role", "ApplicationStatus", "SubmitterRole", "Verdict", "ApplicationSort", "AuditMessage");

        JsonNode sort = StreamSupport.stream(spec.at("/paths/~1api~1v1~1applications/get/parameters").spliterator(), false)
                .map(OpenApiContractTest::resolve).filter(p -> p.path("name").asText().equals("sort")).findFirst().orElseThrow();
        assertThat(names(sort.at("/schema/enum"))).isEqualTo(values.apply(ApplicationSort.class));
    }

    @Test
    void specIsOpenApi303WithUniqueOperationIds() {
        assertThat(spec.path("openapi").asText()).isEqualTo("3.0.3");
        var ids = documented().values().stream().map(op -> op.path("operationId").asText()).toList();
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }
}
