package io.microdrama.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import io.microdrama.contracts.events.DramaPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema files themselves: complete, well-formed, consistent with each other and with the payload records. */
class SchemaDocumentTest {

    private static final Set<String> KNOWN_KEYWORDS = Set.of(
            // core
            "$schema", "$id", "$ref", "$defs", "$comment", "$anchor",
            // applicators
            "properties", "additionalProperties", "propertyNames", "patternProperties", "items", "prefixItems",
            "contains", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
            "unevaluatedProperties", "unevaluatedItems",
            // validation
            "type", "enum", "const", "required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
            "minProperties", "maxProperties", "dependentRequired", "minContains", "maxContains", "format",
            // annotations and content
            "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
            "contentEncoding", "contentMediaType", "contentSchema");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs", "patternProperties",
            "dependentSchemas");
    private static final Set<String> SCHEMA_VALUES = Set.of("additionalProperties", "propertyNames", "items",
            "contains", "not", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems", "contentSchema");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

    static List<String> eventTypes() {
        return CloudEventTypes.ALL;
    }

    @Test
    void schemaDirectoryHoldsExactlyOneSchemaPerEventType() {
        Set<String> files = Json.readJsonFiles(Json.resourceDirectory(EventSchemas.SCHEMA_DIRECTORY)).keySet();

        assertThat(files).containsExactlyInAnyOrderElementsOf(
                CloudEventTypes.ALL.stream().map(type -> type + ".json").toList());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaIsValidAgainstTheDraft202012MetaSchema(String ceType) {
        JsonSchema metaSchema = Json.factory().getSchema(SchemaLocation.of(SchemaId.V202012), Json.CONFIG);

        assertThat(metaSchema.validate(Json.schemaNode(ceType))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaDeclaresDraft202012AndNamesItsType(String ceType) {
        JsonNode schema = Json.schemaNode(ceType);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).endsWith(ceType);
        assertThat(schema.path("title").asText()).contains(ceType);
        assertThat(schema.path("type").asText()).isEqualTo("object");
    }

    /** A misspelt keyword ("minimun") is silently ignored by validators and by the compatibility check. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaUsesOnlyKnownKeywords(String ceType) {
        List<String> unknown = new ArrayList<>();
        collectUnknownKeywords(Json.schemaNode(ceType), "#", unknown);

        assertThat(unknown).isEmpty();
    }

    /** Forward compatibility: consumers tolerate unknown properties, so no object may be closed. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void noObjectRejectsUnknownProperties(String ceType) {
        JsonNode schema = Json.schemaNode(ceType);
        List<String> closed = new ArrayList<>();
        schema.findParents("additionalProperties").forEach(parent -> {
            if (parent.get("additionalProperties").isBoolean() && !parent.get("additionalProperties").asBoolean()) {
                closed.add(parent.toString());
            }
        });
        schema.findParents("unevaluatedProperties").forEach(parent -> closed.add(parent.toString()));

        assertThat(closed).isEmpty();
        assertThat(schema.path("description").asText()).contains("Forward compatibility")
                .contains("additionalProperties");
    }

    @Test
    void sharedDefinitionsAreIdenticalInEverySchema() {
        Map<String, Map<String, JsonNode>> definitionsByName = new HashMap<>();
        for (String ceType : CloudEventTypes.ALL) {
            Json.schemaNode(ceType).path("$defs").properties().forEach(def ->
                    definitionsByName.computeIfAbsent(def.getKey(), k -> new HashMap<>()).put(ceType, def.getValue()));
        }
        assertThat(definitionsByName).containsKeys("DramaId", "DramaVersion", "Region", "Timestamp");

        definitionsByName.forEach((name, byType) -> assertThat(Set.copyOf(byType.values()))
                .as("$defs/%s differs between %s", name, byType.keySet())
                .hasSize(1));
        // Every drama event carries a drama id and version; the audit record concerns a drama only sometimes and
        // has no version (its dramaId is nullable, so it cannot share the required DramaId definition).
        int dramaEvents = CloudEventTypes.ALL.size() - 1;
        assertThat(definitionsByName.get("DramaId")).hasSize(dramaEvents).doesNotContainKey(CloudEventTypes.AUDIT_RECORDED);
        assertThat(definitionsByName.get("DramaVersion")).hasSize(dramaEvents);
    }

    /** Every record component is a schema property of the matching JSON type, and nothing else is. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaMirrorsThePayloadRecord(String ceType) {
        JsonNode schema = Json.schemaNode(ceType);
        List<String> problems = new ArrayList<>();
        mirror(EventSchemas.payloadType(ceType), schema, schema, "$", problems, new TreeSet<>(), new TreeSet<>());

        assertThat(problems).isEmpty();
    }

    /**
     * Only the documented nullable fields may be absent or null, and the documented optional ones absent (a
     * property added within v1 is absent from older producers but never null); everything else is required and non-null.
     */
    @Test
    void optionalAndNullableFieldsAreExactlyTheDocumentedOnes() {
        Set<String> optional = new TreeSet<>();
        Set<String> nullable = new TreeSet<>();
        for (String ceType : CloudEventTypes.ALL) {
            JsonNode schema = Json.schemaNode(ceType);
            mirror(EventSchemas.payloadType(ceType), schema, schema, "$", new ArrayList<>(), optional, nullable);
        }
        Set<String> documented = Set.of("Licence.validUntil", "LocalizedText.title", "LocalizedText.synopsis",
                "AuditRecorded.dramaId", "AuditRecorded.studioId", "AuditRecorded.reason", "AuditRecorded.before",
                "AuditRecorded.after");

        Set<String> addedWithinV1 = Set.of("PricingSet.cause");

        assertThat(optional).containsExactlyInAnyOrderElementsOf(union(documented, addedWithinV1));
        assertThat(nullable).containsExactlyInAnyOrderElementsOf(documented);
        assertThat(DramaPublished.LocalizedText.class.getRecordComponents()).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void collectUnknownKeywords(JsonNode schema, String where, List<String> unknown) {
        if (!schema.isObject()) {
            return;
        }
        schema.properties().forEach(entry -> {
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            String here = where + "/" + keyword;
            if (!KNOWN_KEYWORDS.contains(keyword)) {
                unknown.add(here);
            } else if (SCHEMA_MAPS.contains(keyword)) {
                value.properties().forEach(e -> collectUnknownKeywords(e.getValue(), here + "/" + e.getKey(), unknown));
            } else if (SCHEMA_VALUES.contains(keyword)) {
                collectUnknownKeywords(value, here, unknown);
            } else if (SCHEMA_ARRAYS.contains(keyword)) {
                for (int i = 0; i < value.size(); i++) {
                    collectUnknownKeywords(value.get(i), here + "/" + i, unknown);
                }
            }
        });
    }

    private static void mirror(Type javaType, JsonNode rawSchema, JsonNode root, String where, List<String> problems,
                               Set<String> optional, Set<String> nullable) {
        JsonNode schema = Json.resolveRef(root, rawSchema);
        Set<String> types = new TreeSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.path("type").asText("<none>"));
        }
        types.remove("null");
        if (javaType instanceof Class<?> type && type.isRecord()) {
            expect(types, "object", where, problems);
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            if (!components.equals(properties)) {
                problems.add(where + ": record components " + components + " but schema properties " + properties);
            }
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (RecordComponent component : type.getRecordComponents()) {
                JsonNode property = schema.path("properties").get(component.getName());
                if (property == null) {
                    continue;
                }
                String name = type.getSimpleName() + "." + component.getName();
                if (!required.contains(component.getName())) {
                    optional.add(name);
                    if (component.getType().isPrimitive()) {
                        problems.add(where + "." + component.getName() + ": primitive but not required");
                    }
                }
                JsonNode resolved = Json.resolveRef(root, property);
                if (resolved.path("type").isArray()
                        && resolved.path("type").toString().contains("\"null\"")) {
                    nullable.add(name);
                }
                mirror(component.getGenericType(), property, root, where + "." + component.getName(), problems,
                        optional, nullable);
            }
        } else if (javaType == String.class) {
            expect(types, "string", where, problems);
        } else if (javaType == int.class || javaType == long.class
                || javaType == Integer.class || javaType == Long.class) {
            expect(types, "integer", where, problems);
        } else if (javaType == boolean.class || javaType == Boolean.class) {
            expect(types, "boolean", where, problems);
        } else if (javaType == Instant.class) {
            expect(types, "string", where, problems);
            if (!"date-time".equals(schema.path("format").asText())) {
                problems.add(where + ": Instant without format date-time");
            }
        } else if (javaType instanceof Class<?> type && type.isEnum()) {
            expect(types, "string", where, problems);
            Set<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> values = new TreeSet<>();
            schema.path("enum").forEach(v -> values.add(v.asText()));
            if (!constants.equals(values)) {
                problems.add(where + ": enum constants " + constants + " but schema enum " + values);
            }
        } else if (javaType instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            expect(types, "array", where, problems);
            mirror(generic.getActualTypeArguments()[0], schema.path("items"), root, where + "[]", problems,
                    optional, nullable);
        } else if (javaType instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            expect(types, "object", where, problems);
            mirror(generic.getActualTypeArguments()[1], schema.path("additionalProperties"), root, where + ".*",
                    problems, optional, nullable);
        } else if (javaType == Object.class) {
            // Any JSON value (the audit record's before/after values): the schema must not narrow it.
            if (!types.equals(Set.of("<none>"))) {
                problems.add(where + ": any JSON value but schema says " + types);
            }
        } else {
            problems.add(where + ": no JSON mapping known for " + javaType.getTypeName());
        }
    }

    private static void expect(Set<String> types, String expected, String where, List<String> problems) {
        if (!types.equals(Set.of(expected))) {
            problems.add(where + ": expected JSON type " + expected + " but schema says " + types);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
