package org.venuegate.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.venuegate.core.code.Colour;
import org.venuegate.core.json.Json;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.core.place.Districts;
import org.venuegate.core.trust.KeyPurpose;
import org.venuegate.core.trust.SignedTrustList;
import org.venuegate.core.trust.TrustList;
import org.venuegate.core.trust.TrustedKey;
import org.venuegate.hub.api.ErrorBody;
import org.venuegate.hub.auth.AuthService;
import org.venuegate.hub.auth.Role;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;

/**
 * Keeps {@code docs/openapi.yaml} honest against the running hub: the same routes in both directions, the same
 * roles, auth and error conventions per operation, and schemas with the same properties as the Java records that
 * Jackson reads and writes. A route or field added without documentation fails here.
 */
class OpenApiContractTest {
    private static final Path SPEC = Path.of("docs", "openapi.yaml");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** Schemas of bodies built as maps in HubServer: no record to compare with. */
    private static final Set<String> MAP_BODIES = Set.of("Health", "UserCreated", "VenueCodeText", "RotatedKey", "ApplicationCounts");

    /** Every other object schema and the record Jackson reads or writes for it. */
    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("ErrorBody", ErrorBody.class),
            Map.entry("LoginRequest", HubServer.LoginRequest.class),
            Map.entry("Login", AuthService.Login.class),
            Map.entry("UserRequest", HubServer.UserRequest.class),
            Map.entry("CategoryRequest", VenueService.Category.class),
            Map.entry("Category", VenueService.Category.class),
            Map.entry("Submission", ApplicationService.Submission.class),
            Map.entry("Application", ApplicationService.Application.class),
            Map.entry("ApplicationEvent", ApplicationService.Event.class),
            Map.entry("ApplicationCheck", ApplicationService.Check.class),
            Map.entry("ApplicationDetail", ApplicationService.Detail.class),
            Map.entry("ApplicationPage", ApplicationService.Page.class),
            Map.entry("DecisionRequest", ApplicationService.Decision.class),
            Map.entry("Venue", VenueService.Venue.class),
            Map.entry("RevokeRequest", HubServer.RevokeRequest.class),
            Map.entry("SignedTrustList", SignedTrustList.class),
            Map.entry("SignedTime", org.venuegate.core.trust.SignedTime.class),
            Map.entry("TimeRequest", HubServer.TimeRequest.class),
            Map.entry("TrustListPayload", TrustList.class),
            Map.entry("TrustedKey", TrustedKey.class),
            Map.entry("RotateRequest", HubServer.RotateRequest.class),
            Map.entry("PairingCodeRequest", HubServer.PairingCodeRequest.class),
            Map.entry("PairingCode", VenueService.PairingCode.class),
            Map.entry("PairRequest", HubServer.PairRequest.class),
            Map.entry("Pairing", VenueService.Pairing.class),
            Map.entry("Device", VenueService.Device.class),
            Map.entry("CheckinBatch", CheckinService.Batch.class),
            Map.entry("Checkin", CheckinService.Checkin.class),
            Map.entry("Receipt", CheckinService.Receipt.class),
            Map.entry("Rejection", CheckinService.Rejection.class),
            Map.entry("CitizenInput", CitizenService.CitizenInput.class),
            Map.entry("Citizen", CitizenService.Citizen.class),
            Map.entry("Me", CitizenService.Me.class),
            Map.entry("UnveilRequest", HubServer.UnveilRequest.class),
            Map.entry("Unveiled", CitizenService.Unveiled.class),
            Map.entry("ColourChange", CitizenService.ColourChange.class),
            Map.entry("DependantRequest", HubServer.DependantRequest.class),
            Map.entry("VenueVisit", TraceService.VenueVisit.class),
            Map.entry("VenueTrace", TraceService.Result.class),
            Map.entry("SubjectVisit", TraceService.SubjectVisit.class),
            Map.entry("SubjectTrace", TraceService.Result.class),
            Map.entry("AuditEntry", AuditLog.Entry.class),
            Map.entry("Stats", BackOfficeService.Stats.class),
            Map.entry("DayCount", BackOfficeService.DayCount.class),
            Map.entry("ReviewerCount", BackOfficeService.ReviewerCount.class),
            Map.entry("DistrictCount", BackOfficeService.DistrictCount.class),
            Map.entry("HourCount", BackOfficeService.HourCount.class),
            Map.entry("HealthReport", BackOfficeService.HealthReport.class),
            Map.entry("DeviceHealth", BackOfficeService.DeviceHealth.class),
            Map.entry("ChainState", BackOfficeService.ChainState.class),
            Map.entry("User", BackOfficeService.User.class),
            Map.entry("UserUpdate", BackOfficeService.UserUpdate.class),
            Map.entry("PasswordReset", BackOfficeService.PasswordReset.class),
            Map.entry("Revocations", BackOfficeService.Revocations.class),
            Map.entry("RevokedVenue", BackOfficeService.RevokedVenue.class),
            Map.entry("KeyInfo", BackOfficeService.KeyInfo.class),
            Map.entry("Retention", BackOfficeService.Retention.class),
            Map.entry("RetentionRequest", BackOfficeService.RetentionRequest.class));

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

    @Test
    void schemasHaveThePropertiesOfTheirRecords() {
        JsonNode schemas = spec.at("/components/schemas");
        Set<String> objectSchemas = new TreeSet<>();
        schemas.fields().forEachRemaining(s -> {
            if (s.getValue().has("properties")) {
                objectSchemas.add(s.getKey());
            }
        });
        Set<String> covered = new TreeSet<>(RECORDS.keySet());
        covered.addAll(MAP_BODIES);
        assertThat(objectSchemas).as("every object schema is compared with its record (or is a map body)").isEqualTo(covered);

        ObjectMapper mapper = Json.mapper();
        RECORDS.forEach((name, type) -> {
            JsonNode schema = schemas.get(name);
            Set<String> properties = names(schema.path("properties"));
            Set<String> required = names(schema.path("required"));
            boolean request = schema.has("additionalProperties");
            if (request) {
                // Jackson builds records through the canonical constructor: the components are the accepted fields.
                Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(properties).as("request schema %s has the fields of %s", name, type.getSimpleName()).isEqualTo(components);
                assertThat(properties).as("%s: required fields exist", name).containsAll(required);
            } else {
                JavaType javaType = mapper.constructType(type);
                Set<String> written = mapper.getSerializationConfig().introspect(javaType).findProperties().stream()
                        .filter(BeanPropertyDefinition::couldSerialize).map(BeanPropertyDefinition::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(properties).as("response schema %s has what Jackson writes for %s", name, type.getSimpleName())
                        .isEqualTo(written);
                // Json writes nulls too, so every property of an answer is always present.
                assertThat(required).as("response schema %s requires all its properties", name).isEqualTo(properties);
            }
        });
    }

    @Test
    void enumsMatchTheJavaEnums() {
        Function<Class<? extends Enum<?>>, Set<String>> values = e -> Arrays.stream(e.getEnumConstants())
                .map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("/components/schemas/Role/enum", values.apply(Role.class));
        expected.put("/components/schemas/ApplicationStatus/enum", values.apply(ApplicationService.Status.class));
        expected.put("/components/schemas/Colour/enum", values.apply(Colour.class));
        expected.put("/components/schemas/Submission/properties/submitterRole/enum", values.apply(ApplicationService.SubmitterRole.class));
        expected.put("/components/schemas/DecisionRequest/properties/decision/enum", values.apply(ApplicationService.Verdict.class));
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
        expected.put("/components/schemas/District/enum", Districts.all(true).keySet().stream().map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new)));

        expected.forEach((pointer, constants) -> assertThat(names(spec.at(pointer))).as(pointer).isEqualTo(constants));

        JsonNode sort = StreamSupport.stream(spec.at("/paths/~1api~1v1~1applications/get/parameters").spliterator(), false)
                .map(OpenApiContractTest::resolve).filter(p -> p.path("name").asText().equals("sort")).findFirst().orElseThrow();
        assertThat(names(sort.at("/schema/enum"))).isEqualTo(values.apply(ApplicationService.Sort.class));
    }

    @Test
    void specIsOpenApi303WithUniqueOperationIds() {
        assertThat(spec.path("openapi").asText()).isEqualTo("3.0.3");
        var ids = documented().values().stream().map(op -> op.path("operationId").asText()).toList();
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }
}
