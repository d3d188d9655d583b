package io.microdrama.contracts.compat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the breaking changes between a baseline JSON Schema (draft 2020-12) of an event payload and its current
 * version. "Breaking" means: a consumer built against the baseline, or a payload valid under the baseline, may no
 * longer work. The checker is deliberately conservative: when it cannot prove that a change is compatible it
 * reports it.
 *
 * <p>Breaking: a property removed; a type changed or narrowed (integer may widen to number, never the reverse);
 * a new entry in {@code required}; an enum value removed or added (consumers map enums to Java enums, which reject
 * unknown constants); {@code const}, {@code pattern}, {@code format}, {@code multipleOf} added or changed; a lower
 * bound ({@code minimum}, {@code exclusiveMinimum}, {@code minLength}, {@code minItems}, {@code minProperties})
 * added or raised; an upper bound ({@code maximum}, {@code exclusiveMaximum}, {@code maxLength}, {@code maxItems},
 * {@code maxProperties}) added or lowered; {@code uniqueItems} turned on; {@code additionalProperties} or
 * {@code unevaluatedProperties} changed to {@code false} or newly constrained; {@code items} or
 * {@code propertyNames} newly constrained; any change inside keywords the checker does not analyse
 * ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else}, ...).
 * The rules apply recursively to properties, map values, property names and array items; local {@code $ref}s
 * ({@code #/...} or the document's own {@code $id}) are followed.
 *
 * <p>Not breaking: new optional properties, removed or loosened constraints, widened types, and annotations
 * ({@code title}, {@code description}, {@code examples}, {@code default}, {@code $comment}, ...).
 */
public final class SchemaCompatibility {

    /** One breaking change: where (a JSON-path-like location in the payload), which rule, and what changed. */
    public record BreakingChange(String location, String rule, String detail) {
        @Override
        public String toString() {
            return location + ": " + detail + " [" + rule + "]";
        }
    }

    /** Rule identifiers, stable so that tests can assert on them. */
    public static final String SCHEMA_REMOVED = "schema-removed";
    public static final String PROPERTY_REMOVED = "property-removed";
    public static final String TYPE_NARROWED = "type-narrowed";
    public static final String REQUIRED_ADDED = "required-added";
    public static final String ENUM_VALUE_REMOVED = "enum-value-removed";
    public static final String ENUM_VALUE_ADDED = "enum-value-added";
    public static final String ENUM_ADDED = "enum-added";
    public static final String CONST_CHANGED = "const-changed";
    public static final String PATTERN_CHANGED = "pattern-changed";
    public static final String FORMAT_CHANGED = "format-changed";
    public static final String LOWER_BOUND_TIGHTENED = "lower-bound-tightened";
    public static final String UPPER_BOUND_TIGHTENED = "upper-bound-tightened";
    public static final String MULTIPLE_OF_CHANGED = "multiple-of-changed";
    public static final String UNIQUE_ITEMS_ADDED = "unique-items-added";
    public static final String ADDITIONAL_PROPERTIES_CLOSED = "additional-properties-closed";
    public static final String ADDITIONAL_PROPERTIES_CONSTRAINED = "additional-properties-constrained";
    public static final String ITEMS_CONSTRAINED = "items-constrained";
    public static final String PROPERTY_NAMES_CONSTRAINED = "property-names-constrained";
    public static final String SCHEMA_CLOSED = "schema-closed";
    public static final String UNANALYSED_KEYWORD_CHANGED = "unanalysed-keyword-changed";

    private static final List<String> LOWER_BOUNDS =
            List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final List<String> UPPER_BOUNDS =
            List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    /** Keywords whose semantics the checker does not model: any change to them is reported for manual review. */
    private static final List<String> UNANALYSED = List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else",
            "dependentRequired", "dependentSchemas", "prefixItems", "contains", "minContains", "maxContains",
            "unevaluatedItems", "patternProperties", "$dynamicRef", "contentSchema");

    private final JsonNode baselineRoot;
    private final JsonNode currentRoot;
    private final List<BreakingChange> changes = new ArrayList<>();
    /** Pairs of $ref targets on the current recursion path; guards against recursive schemas. */
    private final Deque<String> refsInProgress = new ArrayDeque<>();

    private SchemaCompatibility(JsonNode baselineRoot, JsonNode currentRoot) {
        this.baselineRoot = baselineRoot;
        this.currentRoot = currentRoot;
    }

    /** Breaking changes from {@code baseline} to {@code current}, in document order; empty when compatible. */
    public static List<BreakingChange> breakingChanges(JsonNode baseline, JsonNode current) {
        SchemaCompatibility checker = new SchemaCompatibility(baseline, current);
        checker.compare(baseline, current, "$");
        return List.copyOf(checker.changes);
    }

    /**
     * Breaking changes between two sets of schema files keyed by file name. A file of the baseline that is gone
     * is breaking (a breaking change needs a new event type version, i.e. a new file); a file that is new in
     * {@code current} is not. Locations are prefixed with the file name.
     */
    public static List<BreakingChange> breakingChanges(Map<String, JsonNode> baseline, Map<String, JsonNode> current) {
        List<BreakingChange> all = new ArrayList<>();
        for (String file : new TreeSet<>(baseline.keySet())) {
            JsonNode now = current.get(file);
            if (now == null) {
                all.add(new BreakingChange(file, SCHEMA_REMOVED,
                        "schema file removed; keep it as long as the event type is produced anywhere"));
                continue;
            }
            for (BreakingChange change : breakingChanges(baseline.get(file), now)) {
                all.add(new BreakingChange(file + " " + change.location(), change.rule(), change.detail()));
            }
        }
        return List.copyOf(all);
    }

    // ------------------------------------------------------------------------------------------------------------

    private void compare(JsonNode baselineSchema, JsonNode currentSchema, String location) {
        String refPair = refOf(baselineSchema) + " -> " + refOf(currentSchema);
        boolean followsRef = baselineSchema.has("$ref") || currentSchema.has("$ref");
        if (followsRef && refsInProgress.contains(refPair)) {
            return; // recursive schema: this pair is already being compared further up
        }
        if (followsRef) {
            refsInProgress.push(refPair);
        }
        try {
            JsonNode before = resolve(baselineRoot, baselineSchema);
            JsonNode after = resolve(currentRoot, currentSchema);
            compareResolved(before, after, location);
        } finally {
            if (followsRef) {
                refsInProgress.pop();
            }
        }
    }

    private void compareResolved(JsonNode before, JsonNode after, String location) {
        if (isFalseSchema(before)) {
            return; // nothing was valid before, so nothing valid can break
        }
        if (isFalseSchema(after)) {
            report(location, SCHEMA_CLOSED, "schema changed to false: no value is valid any more");
            return;
        }
        compareTypes(before, after, location);
        compareEnums(before, after, location);
        compareConst(before, after, location);
        compareStringKeyword("pattern", PATTERN_CHANGED, before, after, location);
        compareStringKeyword("format", FORMAT_CHANGED, before, after, location);
        compareBounds(before, after, location);
        compareMultipleOf(before, after, location);
        compareUniqueItems(before, after, location);
        compareRequired(before, after, location);
        compareProperties(before, after, location);
        compareOpenness("additionalProperties", before, after, location);
        compareOpenness("unevaluatedProperties", before, after, location);
        compareSubschema("propertyNames", PROPERTY_NAMES_CONSTRAINED, before, after, location + ".<key>");
        compareSubschema("items", ITEMS_CONSTRAINED, before, after, location + "[]");
        compareUnanalysed(before, after, location);
    }

    private void compareTypes(JsonNode before, JsonNode after, String location) {
        Set<String> was = types(before);
        Set<String> now = types(after);
        if (now == null) {
            return; // no type constraint any more: widened
        }
        if (was == null) {
            report(location, TYPE_NARROWED, "type constrained to " + now + " (was any type)");
            return;
        }
        Set<String> lost = new TreeSet<>();
        for (String type : was) {
            boolean stillAccepted = now.contains(type) || ("integer".equals(type) && now.contains("number"));
            if (!stillAccepted) {
                lost.add(type);
            }
        }
        if (!lost.isEmpty()) {
            String detail = "type changed from " + was + " to " + now + " (no longer accepts " + lost + ")";
            report(location, TYPE_NARROWED, detail);
        }
    }

    private void compareEnums(JsonNode before, JsonNode after, String location) {
        JsonNode was = before.get("enum");
        JsonNode now = after.get("enum");
        if (now == null) {
            return;
        }
        if (was == null) {
            report(location, ENUM_ADDED, "enum " + now + " added where any value of the type was allowed");
            return;
        }
        Set<JsonNode> wasValues = asSet(was);
        Set<JsonNode> nowValues = asSet(now);
        Set<JsonNode> removed = new LinkedHashSet<>(wasValues);
        removed.removeAll(nowValues);
        Set<JsonNode> added = new LinkedHashSet<>(nowValues);
        added.removeAll(wasValues);
        if (!removed.isEmpty()) {
            report(location, ENUM_VALUE_REMOVED, "enum value(s) removed: " + removed);
        }
        if (!added.isEmpty()) {
            report(location, ENUM_VALUE_ADDED, "enum value(s) added: " + added
                    + " (a consumer mapping this field to a Java enum rejects unknown constants)");
        }
    }

    private void compareConst(JsonNode before, JsonNode after, String location) {
        JsonNode was = before.get("const");
        JsonNode now = after.get("const");
        if (now != null && !now.equals(was)) {
            report(location, CONST_CHANGED, was == null
                    ? "const " + now + " added"
                    : "const changed from " + was + " to " + now);
        }
    }

    private void compareStringKeyword(String keyword, String rule, JsonNode before, JsonNode after, String location) {
        JsonNode was = before.get(keyword);
        JsonNode now = after.get(keyword);
        if (now == null || now.equals(was)) {
            return;
        }
        report(location, rule, was == null
                ? keyword + " " + now + " added"
                : keyword + " changed from " + was + " to " + now + " (cannot prove the new one accepts as much)");
    }

    private void compareBounds(JsonNode before, JsonNode after, String location) {
        for (String keyword : LOWER_BOUNDS) {
            BigDecimal was = decimal(before.get(keyword));
            BigDecimal now = decimal(after.get(keyword));
            if (now != null && (was == null || now.compareTo(was) > 0)) {
                report(location, LOWER_BOUND_TIGHTENED, was == null
                        ? keyword + " " + now.toPlainString() + " added"
                        : keyword + " raised from " + was.toPlainString() + " to " + now.toPlainString());
            }
        }
        for (String keyword : UPPER_BOUNDS) {
            BigDecimal was = decimal(before.get(keyword));
            BigDecimal now = decimal(after.get(keyword));
            if (now != null && (was == null || now.compareTo(was) < 0)) {
                report(location, UPPER_BOUND_TIGHTENED, was == null
                        ? keyword + " " + now.toPlainString() + " added"
                        : keyword + " lowered from " + was.toPlainString() + " to " + now.toPlainString());
            }
        }
    }

    private void compareMultipleOf(JsonNode before, JsonNode after, String location) {
        BigDecimal was = decimal(before.get("multipleOf"));
        BigDecimal now = decimal(after.get("multipleOf"));
        if (now == null) {
            return;
        }
        // Looser only if every multiple of the old divisor is still a multiple of the new one.
        boolean looser = was != null && was.remainder(now).signum() == 0;
        if (!looser) {
            report(location, MULTIPLE_OF_CHANGED, was == null
                    ? "multipleOf " + now.toPlainString() + " added"
                    : "multipleOf changed from " + was.toPlainString() + " to " + now.toPlainString());
        }
    }

    private void compareUniqueItems(JsonNode before, JsonNode after, String location) {
        boolean was = before.path("uniqueItems").asBoolean(false);
        boolean now = after.path("uniqueItems").asBoolean(false);
        if (now && !was) {
            report(location, UNIQUE_ITEMS_ADDED, "uniqueItems turned on");
        }
    }

    private void compareRequired(JsonNode before, JsonNode after, String location) {
        Set<String> was = strings(before.get("required"));
        Set<String> added = new TreeSet<>(strings(after.get("required")));
        added.removeAll(was);
        for (String name : added) {
            report(child(location, name), REQUIRED_ADDED, "'" + name + "' is newly required");
        }
    }

    private void compareProperties(JsonNode before, JsonNode after, String location) {
        JsonNode was = before.path("properties");
        JsonNode now = after.path("properties");
        for (Map.Entry<String, JsonNode> property : was.properties()) {
            String name = property.getKey();
            JsonNode current = now.get(name);
            if (current == null) {
                report(child(location, name), PROPERTY_REMOVED, "property '" + name + "' removed");
            } else {
                compare(property.getValue(), current, child(location, name));
            }
        }
        // Properties that are only in the current schema are new optional properties (compareRequired catches the
        // required ones) and therefore compatible.
    }

    /** additionalProperties / unevaluatedProperties: absent or true = open; false = closed; a schema = constrained. */
    private void compareOpenness(String keyword, JsonNode before, JsonNode after, String location) {
        JsonNode was = before.get(keyword);
        JsonNode now = after.get(keyword);
        if (isOpen(now)) {
            return;
        }
        if (isFalseSchema(resolve(currentRoot, now))) {
            if (!isFalseSchema(was == null ? null : resolve(baselineRoot, was))) {
                report(location, ADDITIONAL_PROPERTIES_CLOSED, keyword + " changed to false: "
                        + "unknown properties are rejected now (consumers must tolerate unknown fields)");
            }
            return;
        }
        if (isOpen(was)) {
            report(location, ADDITIONAL_PROPERTIES_CONSTRAINED,
                    keyword + " constrained to a schema where any value was allowed");
            return;
        }
        compare(was, now, location + ".*");
    }

    private void compareSubschema(String keyword, String rule, JsonNode before, JsonNode after, String location) {
        JsonNode was = before.get(keyword);
        JsonNode now = after.get(keyword);
        if (isOpen(now)) {
            return;
        }
        if (isOpen(was)) {
            report(location, rule, keyword + " constrained where any value was allowed");
            return;
        }
        compare(was, now, location);
    }

    private void compareUnanalysed(JsonNode before, JsonNode after, String location) {
        for (String keyword : UNANALYSED) {
            JsonNode was = before.get(keyword);
            JsonNode now = after.get(keyword);
            if (now != null && !now.equals(was)) {
                report(location, UNANALYSED_KEYWORD_CHANGED, keyword + (was == null ? " added" : " changed")
                        + "; the checker does not analyse it, review by hand");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * Follows a local {@code $ref} chain. Keywords next to a {@code $ref} (allowed in 2020-12) are laid over the
     * referenced schema, which is exact for the annotation-plus-ref style these schemas use.
     */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.isObject() && current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalArgumentException("$ref chain too long (cycle?) at " + schema);
            }
            JsonNode target = lookup(root, current.get("$ref").asText());
            if (current.size() == 1) {
                current = target;
            } else {
                if (isFalseSchema(target)) {
                    return target;
                }
                ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy()
                        : JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> e : current.properties()) {
                    if (!"$ref".equals(e.getKey())) {
                        merged.set(e.getKey(), e.getValue());
                    }
                }
                current = merged;
            }
        }
        return current;
    }

    private static JsonNode lookup(JsonNode root, String ref) {
        String pointer = ref;
        String id = root.path("$id").asText("");
        if (!id.isEmpty() && pointer.startsWith(id + "#")) {
            pointer = pointer.substring(id.length());
        }
        if (!pointer.startsWith("#")) {
            throw new IllegalArgumentException("Only local $ref is supported, found '" + ref + "'");
        }
        String fragment = java.net.URLDecoder.decode(pointer.substring(1), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode target = fragment.isEmpty() ? root : root.at(JsonPointer.compile(fragment));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref '" + ref + "' does not resolve within the schema");
        }
        return target;
    }

    private static String refOf(JsonNode schema) {
        return schema.path("$ref").asText("-");
    }

    private static boolean isFalseSchema(JsonNode schema) {
        return schema != null && schema.isBoolean() && !schema.asBoolean();
    }

    /** Absent, {@code true} or {@code {}}: no constraint. */
    private static boolean isOpen(JsonNode schema) {
        return schema == null || (schema.isBoolean() && schema.asBoolean()) || (schema.isObject() && schema.isEmpty());
    }

    /** The set of allowed JSON types, or null when {@code type} is absent (any type). */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> result = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> result.add(t.asText()));
        } else {
            result.add(type.asText());
        }
        return result;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> result = new TreeSet<>();
        if (array != null) {
            array.forEach(value -> result.add(value.asText()));
        }
        return result;
    }

    private static Set<JsonNode> asSet(JsonNode array) {
        Set<JsonNode> result = new LinkedHashSet<>();
        array.forEach(result::add);
        return result;
    }

    private static BigDecimal decimal(JsonNode number) {
        return number != null && number.isNumber() ? number.decimalValue() : null;
    }

    private static String child(String location, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? location + "." + name : location + "['" + name + "']";
    }

    private void report(String location, String rule, String detail) {
        changes.add(new BreakingChange(location, rule, detail));
    }
}
