package io.microdrama.contracts.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.EventSchemas;
import io.microdrama.contracts.compat.SchemaCompatibility.BreakingChange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static io.microdrama.contracts.compat.SchemaCompatibility.ADDITIONAL_PROPERTIES_CLOSED;
import static io.microdrama.contracts.compat.SchemaCompatibility.ADDITIONAL_PROPERTIES_CONSTRAINED;
import static io.microdrama.contracts.compat.SchemaCompatibility.CONST_CHANGED;
import static io.microdrama.contracts.compat.SchemaCompatibility.ENUM_ADDED;
import static io.microdrama.contracts.compat.SchemaCompatibility.ENUM_VALUE_ADDED;
import static io.microdrama.contracts.compat.SchemaCompatibility.ENUM_VALUE_REMOVED;
import static io.microdrama.contracts.compat.SchemaCompatibility.FORMAT_CHANGED;
import static io.microdrama.contracts.compat.SchemaCompatibility.ITEMS_CONSTRAINED;
import static io.microdrama.contracts.compat.SchemaCompatibility.LOWER_BOUND_TIGHTENED;
import static io.microdrama.contracts.compat.SchemaCompatibility.MULTIPLE_OF_CHANGED;
import static io.microdrama.contracts.compat.SchemaCompatibility.PATTERN_CHANGED;
import static io.microdrama.contracts.compat.SchemaCompatibility.PROPERTY_NAMES_CONSTRAINED;
import static io.microdrama.contracts.compat.SchemaCompatibility.PROPERTY_REMOVED;
import static io.microdrama.contracts.compat.SchemaCompatibility.REQUIRED_ADDED;
import static io.microdrama.contracts.compat.SchemaCompatibility.SCHEMA_CLOSED;
import static io.microdrama.contracts.compat.SchemaCompatibility.SCHEMA_REMOVED;
import static io.microdrama.contracts.compat.SchemaCompatibility.TYPE_NARROWED;
import static io.microdrama.contracts.compat.SchemaCompatibility.UNANALYSED_KEYWORD_CHANGED;
import static io.microdrama.contracts.compat.SchemaCompatibility.UNIQUE_ITEMS_ADDED;
import static io.microdrama.contracts.compat.SchemaCompatibility.UPPER_BOUND_TIGHTENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compatibility checker, rule by rule, on small schema pairs: each rule both firing and staying quiet. */
class SchemaCompatibilityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A wrapper with one property {@code p} of the given schema. */
    private static String prop(String propertySchema) {
        return "{\"type\":\"object\",\"properties\":{\"p\":" + propertySchema + "}}";
    }

    private static List<BreakingChange> changes(String before, String after) {
        return SchemaCompatibility.breakingChanges(json(before), json(after));
    }

    private static List<String> rules(String before, String after) {
        return changes(before, after).stream().map(BreakingChange::rule).toList();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Nested
    class Annotations {
        @Test
        void identicalSchemasAreCompatible() {
            String schema = prop("{'type':'string','pattern':'^[A-Z]{2}$'}");
            assertThat(changes(schema, schema)).isEmpty();
        }

        @Test
        void descriptionsTitlesExamplesAndDefaultsMayChange() {
            assertThat(changes(
                    "{'type':'object','description':'old','properties':{'p':{'type':'string','title':'P'}}}",
                    "{'type':'object','description':'new','examples':[{}],'$comment':'x',"
                            + "'properties':{'p':{'type':'string','title':'Q','description':'d','default':'a'}}}"))
                    .isEmpty();
        }
    }

    @Nested
    class Properties {
        @Test
        void newOptionalPropertyIsCompatible() {
            assertThat(changes("{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}",
                    "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer','minimum':3}},"
                            + "'required':['a']}")).isEmpty();
        }

        @Test
        void removedPropertyIsBreakingEvenWhenOptional() {
            List<BreakingChange> changes = changes(
                    "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}}}",
                    "{'type':'object','properties':{'a':{'type':'string'}}}");
            assertThat(changes).extracting(BreakingChange::rule).containsExactly(PROPERTY_REMOVED);
            assertThat(changes.get(0).location()).isEqualTo("$.b");
        }

        @Test
        void newRequiredPropertyIsBreaking() {
            assertThat(rules("{'type':'object','properties':{'a':{'type':'string'}}}",
                    "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},'required':['b']}"))
                    .containsExactly(REQUIRED_ADDED);
        }

        @Test
        void optionalPropertyBecomingRequiredIsBreaking() {
            List<BreakingChange> changes = changes(
                    "{'type':'object','properties':{'a':{'type':'string'}},'required':[]}",
                    "{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}");
            assertThat(changes).extracting(BreakingChange::rule).containsExactly(REQUIRED_ADDED);
            assertThat(changes.get(0).location()).isEqualTo("$.a");
        }

        @Test
        void requiredPropertyBecomingOptionalIsCompatible() {
            assertThat(changes("{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}",
                    "{'type':'object','properties':{'a':{'type':'string'}}}")).isEmpty();
        }
    }

    @Nested
    class Types {
        @Test
        void changedTypeIsBreaking() {
            assertThat(rules(prop("{'type':'string'}"), prop("{'type':'integer'}"))).containsExactly(TYPE_NARROWED);
        }

        @Test
        void droppingNullIsBreaking() {
            List<BreakingChange> changes = changes(prop("{'type':['string','null']}"), prop("{'type':'string'}"));
            assertThat(changes).extracting(BreakingChange::rule).containsExactly(TYPE_NARROWED);
            assertThat(changes.get(0).detail()).contains("no longer accepts [null]");
        }

        @Test
        void numberToIntegerIsBreaking() {
            assertThat(rules(prop("{'type':'number'}"), prop("{'type':'integer'}"))).containsExactly(TYPE_NARROWED);
        }

        @Test
        void addingATypeWhereThereWasNoneIsBreaking() {
            assertThat(rules(prop("{}"), prop("{'type':'string'}"))).containsExactly(TYPE_NARROWED);
        }

        @Test
        void wideningIsCompatible() {
            assertThat(changes(prop("{'type':'string'}"), prop("{'type':['string','null']}"))).isEmpty();
            assertThat(changes(prop("{'type':'integer'}"), prop("{'type':'number'}"))).isEmpty();
            assertThat(changes(prop("{'type':'integer'}"), prop("{}"))).isEmpty();
        }
    }

    @Nested
    class Enums {
        @Test
        void removedEnumValueIsBreaking() {
            assertThat(rules(prop("{'type':'string','enum':['TIER','OVERRIDE']}"),
                    prop("{'type':'string','enum':['TIER']}"))).containsExactly(ENUM_VALUE_REMOVED);
        }

        @Test
        void addedEnumValueIsBreakingForJavaEnumConsumers() {
            List<BreakingChange> changes = changes(prop("{'type':'string','enum':['TIER']}"),
                    prop("{'type':'string','enum':['TIER','PROMOTION']}"));
            assertThat(changes).extracting(BreakingChange::rule).containsExactly(ENUM_VALUE_ADDED);
            assertThat(changes.get(0).detail()).contains("PROMOTION");
        }

        @Test
        void enumOnAFreeFieldIsBreaking() {
            assertThat(rules(prop("{'type':'string'}"), prop("{'type':'string','enum':['A']}")))
                    .containsExactly(ENUM_ADDED);
        }

        @Test
        void reorderedOrDroppedEnumIsCompatible() {
            assertThat(changes(prop("{'enum':['A','B']}"), prop("{'enum':['B','A']}"))).isEmpty();
            assertThat(changes(prop("{'type':'string','enum':['A','B']}"), prop("{'type':'string'}"))).isEmpty();
        }

        @Test
        void constAddedOrChangedIsBreaking() {
            assertThat(rules(prop("{'type':'string'}"), prop("{'type':'string','const':'1.0'}")))
                    .containsExactly(CONST_CHANGED);
            assertThat(rules(prop("{'const':'1.0'}"), prop("{'const':'2.0'}"))).containsExactly(CONST_CHANGED);
            assertThat(changes(prop("{'const':'1.0'}"), prop("{}"))).isEmpty();
        }
    }

    @Nested
    class StringConstraints {
        @Test
        void addedPatternIsBreaking() {
            assertThat(rules(prop("{'type':'string'}"), prop("{'type':'string','pattern':'^[A-Z]{2}$'}")))
                    .containsExactly(PATTERN_CHANGED);
        }

        @Test
        void changedPatternIsBreakingBecauseItCannotBeProvenLooser() {
            assertThat(rules(prop("{'type':'string','pattern':'^[A-Z]{2}$'}"),
                    prop("{'type':'string','pattern':'^[A-Z]{2,3}$'}"))).containsExactly(PATTERN_CHANGED);
        }

        @Test
        void removedPatternIsCompatible() {
            assertThat(changes(prop("{'type':'string','pattern':'^[A-Z]{2}$'}"), prop("{'type':'string'}")))
                    .isEmpty();
        }

        @Test
        void addedOrChangedFormatIsBreaking() {
            assertThat(rules(prop("{'type':'string'}"), prop("{'type':'string','format':'uuid'}")))
                    .containsExactly(FORMAT_CHANGED);
            assertThat(rules(prop("{'type':'string','format':'date-time'}"),
                    prop("{'type':'string','format':'date'}"))).containsExactly(FORMAT_CHANGED);
        }

        @Test
        void removedFormatIsCompatible() {
            assertThat(changes(prop("{'type':'string','format':'uuid'}"), prop("{'type':'string'}"))).isEmpty();
        }

        @Test
        void lengthBoundsFollowTheBoundRules() {
            assertThat(rules(prop("{'type':'string'}"), prop("{'type':'string','minLength':1}")))
                    .containsExactly(LOWER_BOUND_TIGHTENED);
            assertThat(rules(prop("{'type':'string','maxLength':80}"), prop("{'type':'string','maxLength':40}")))
                    .containsExactly(UPPER_BOUND_TIGHTENED);
            assertThat(changes(prop("{'type':'string','maxLength':40}"), prop("{'type':'string','maxLength':80}")))
                    .isEmpty();
        }
    }

    @Nested
    class NumericConstraints {
        @Test
        void addedOrRaisedMinimumIsBreaking() {
            assertThat(rules(prop("{'type':'integer'}"), prop("{'type':'integer','minimum':0}")))
                    .containsExactly(LOWER_BOUND_TIGHTENED);
            List<BreakingChange> changes = changes(prop("{'type':'integer','minimum':10}"),
                    prop("{'type':'integer','minimum':30}"));
            assertThat(changes).extracting(BreakingChange::rule).containsExactly(LOWER_BOUND_TIGHTENED);
            assertThat(changes.get(0).detail()).isEqualTo("minimum raised from 10 to 30");
        }

        @Test
        void addedExclusiveMinimumIsBreaking() {
            assertThat(rules(prop("{'type':'integer'}"), prop("{'type':'integer','exclusiveMinimum':0}")))
                    .containsExactly(LOWER_BOUND_TIGHTENED);
        }

        @Test
        void loweredMinimumIsCompatible() {
            assertThat(changes(prop("{'type':'integer','minimum':10}"), prop("{'type':'integer','minimum':1}")))
                    .isEmpty();
            assertThat(changes(prop("{'type':'integer','minimum':10}"), prop("{'type':'integer'}"))).isEmpty();
        }

        @Test
        void addedOrLoweredMaximumIsBreaking() {
            assertThat(rules(prop("{'type':'integer'}"), prop("{'type':'integer','maximum':900}")))
                    .containsExactly(UPPER_BOUND_TIGHTENED);
            assertThat(rules(prop("{'type':'integer','maximum':900}"), prop("{'type':'integer','maximum':600}")))
                    .containsExactly(UPPER_BOUND_TIGHTENED);
            assertThat(rules(prop("{'type':'number','maximum':1}"),
                    prop("{'type':'number','exclusiveMaximum':1}"))).containsExactly(UPPER_BOUND_TIGHTENED);
        }

        @Test
        void raisedMaximumIsCompatible() {
            assertThat(changes(prop("{'type':'integer','maximum':900}"), prop("{'type':'integer','maximum':1800}")))
                    .isEmpty();
        }

        @Test
        void multipleOfOnlyLoosensToADivisor() {
            assertThat(rules(prop("{'type':'integer'}"), prop("{'type':'integer','multipleOf':5}")))
                    .containsExactly(MULTIPLE_OF_CHANGED);
            assertThat(rules(prop("{'type':'integer','multipleOf':5}"), prop("{'type':'integer','multipleOf':10}")))
                    .containsExactly(MULTIPLE_OF_CHANGED);
            assertThat(changes(prop("{'type':'integer','multipleOf':10}"), prop("{'type':'integer','multipleOf':5}")))
                    .isEmpty();
        }
    }

    @Nested
    class ObjectsAndArrays {
        @Test
        void closingAnOpenObjectIsBreaking() {
            String open = "{'type':'object','properties':{'a':{'type':'string'}}}";
            String explicitlyOpen = "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':true}";
            String closed = "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}";
            assertThat(rules(open, closed)).containsExactly(ADDITIONAL_PROPERTIES_CLOSED);
            assertThat(rules(explicitlyOpen, closed)).containsExactly(ADDITIONAL_PROPERTIES_CLOSED);
            assertThat(rules(prop("{'type':'object'}"), prop("{'type':'object','unevaluatedProperties':false}")))
                    .containsExactly(ADDITIONAL_PROPERTIES_CLOSED);
        }

        @Test
        void openingAnObjectIsCompatible() {
            assertThat(changes("{'type':'object','additionalProperties':false}", "{'type':'object'}")).isEmpty();
            assertThat(changes("{'type':'object','additionalProperties':false}",
                    "{'type':'object','additionalProperties':false}")).isEmpty();
        }

        @Test
        void constrainingAdditionalPropertiesIsBreaking() {
            assertThat(rules(prop("{'type':'object'}"),
                    prop("{'type':'object','additionalProperties':{'type':'string'}}")))
                    .containsExactly(ADDITIONAL_PROPERTIES_CONSTRAINED);
        }

        @Test
        void mapValuesAreComparedRecursively() {
            List<BreakingChange> changes = changes(
                    prop("{'type':'object','additionalProperties':{'type':'object','properties':{'t':{'type':['string','null']}}}}"),
                    prop("{'type':'object','additionalProperties':{'type':'object','properties':{'t':{'type':'string'}}}}"));
            assertThat(changes).extracting(BreakingChange::location).containsExactly("$.p.*.t");
        }

        @Test
        void propertyNamesAreComparedRecursively() {
            assertThat(rules(prop("{'type':'object'}"),
                    prop("{'type':'object','propertyNames':{'pattern':'^[a-z]{2}$'}}")))
                    .containsExactly(PROPERTY_NAMES_CONSTRAINED);
            List<BreakingChange> changes = changes(
                    prop("{'type':'object','propertyNames':{'pattern':'^[a-z]{2,3}$'}}"),
                    prop("{'type':'object','propertyNames':{'pattern':'^[a-z]{2}$'}}"));
            assertThat(changes).extracting(BreakingChange::location).containsExactly("$.p.<key>");
        }

        @Test
        void arrayItemsAreComparedRecursively() {
            List<BreakingChange> changes = changes(
                    prop("{'type':'array','items':{'type':'object','properties':{'n':{'type':'integer'}}}}"),
                    prop("{'type':'array','items':{'type':'object','properties':{'n':{'type':'integer','minimum':1}}}}"));
            assertThat(changes).extracting(BreakingChange::rule).containsExactly(LOWER_BOUND_TIGHTENED);
            assertThat(changes.get(0).location()).isEqualTo("$.p[].n");
        }

        @Test
        void constrainingFreeItemsIsBreaking() {
            assertThat(rules(prop("{'type':'array'}"), prop("{'type':'array','items':{'type':'string'}}")))
                    .containsExactly(ITEMS_CONSTRAINED);
        }

        @Test
        void itemBoundsAndUniqueness() {
            assertThat(rules(prop("{'type':'array'}"), prop("{'type':'array','minItems':1}")))
                    .containsExactly(LOWER_BOUND_TIGHTENED);
            assertThat(rules(prop("{'type':'array'}"), prop("{'type':'array','uniqueItems':true}")))
                    .containsExactly(UNIQUE_ITEMS_ADDED);
            assertThat(changes(prop("{'type':'array','uniqueItems':true}"), prop("{'type':'array'}"))).isEmpty();
        }

        @Test
        void falseSchemaIsBreaking() {
            assertThat(rules(prop("{'type':'string'}"), prop("false"))).containsExactly(SCHEMA_CLOSED);
        }

        @Test
        void unanalysedKeywordsAreReportedWhenTheyChange() {
            assertThat(rules(prop("{'oneOf':[{'type':'string'},{'type':'integer'}]}"),
                    prop("{'oneOf':[{'type':'string'}]}"))).containsExactly(UNANALYSED_KEYWORD_CHANGED);
            String same = prop("{'anyOf':[{'type':'string'},{'type':'null'}]}");
            assertThat(changes(same, same)).isEmpty();
        }
    }

    @Nested
    class References {
        private static final String BASELINE = """
                {'type':'object','required':['money','items'],
                 'properties':{
                   'money':{'$ref':'#/$defs/Money'},
                   'items':{'type':'array','items':{'$ref':'#/$defs/Item'}}},
                 '$defs':{
                   'Money':{'type':'object','required':['currency'],
                            'properties':{'currency':{'type':'string','pattern':'^[A-Z]{3}$'},'amount':{'type':'integer'}}},
                   'Item':{'type':'object','properties':{'region':{'$ref':'#/$defs/Region'}}},
                   'Region':{'type':'string','pattern':'^[A-Z]{2}$'}}}""";

        @Test
        void definitionsAreFollowedAndReportedWhereTheyAreUsed() {
            String current = BASELINE
                    .replace("'amount':{'type':'integer'}", "'amount':{'type':'integer','minimum':0}")
                    .replace("'^[A-Z]{2}$'", "'^(DE|AT)$'");
            List<BreakingChange> changes = changes(BASELINE, current);
            assertThat(changes).extracting(BreakingChange::location)
                    .containsExactlyInAnyOrder("$.money.amount", "$.items[].region");
        }

        @Test
        void removedPropertyInADefinitionIsBreaking() {
            String current = BASELINE.replace(",'amount':{'type':'integer'}", "");
            assertThat(changes(BASELINE, current)).extracting(BreakingChange::toString)
                    .containsExactly("$.money.amount: property 'amount' removed [" + PROPERTY_REMOVED + "]");
        }

        @Test
        void inliningOrExtractingADefinitionIsCompatible() {
            String inlined = BASELINE.replace("{'$ref':'#/$defs/Region'}", "{'type':'string','pattern':'^[A-Z]{2}$'}");
            assertThat(changes(BASELINE, inlined)).isEmpty();
            assertThat(changes(inlined, BASELINE)).isEmpty();
        }

        @Test
        void keywordsNextToARefAreTakenIntoAccount() {
            String before = "{'type':'object','properties':{'c':{'$ref':'#/$defs/Count','description':'coins'}},"
                    + "'$defs':{'Count':{'type':'integer','minimum':0}}}";
            String annotated = before.replace("'description':'coins'", "'description':'coins per episode'");
            String bounded = before.replace("'description':'coins'", "'description':'coins','maximum':100");
            assertThat(changes(before, annotated)).isEmpty();
            assertThat(rules(before, bounded)).containsExactly(UPPER_BOUND_TIGHTENED);
        }

        @Test
        void recursiveSchemasTerminate() {
            String tree = "{'$ref':'#/$defs/Node','$defs':{'Node':{'type':'object','properties':{"
                    + "'name':{'type':'string'},'children':{'type':'array','items':{'$ref':'#/$defs/Node'}}}}}}";
            assertThat(changes(tree, tree)).isEmpty();
            assertThat(rules(tree, tree.replace("'name':{'type':'string'}", "'name':{'type':'string','minLength':1}")))
                    .containsExactly(LOWER_BOUND_TIGHTENED);
        }

        @Test
        void nonLocalReferencesAreRefused() {
            assertThatThrownBy(() -> changes(prop("{'$ref':'other.json#/x'}"), prop("{'$ref':'other.json#/x'}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("other.json");
        }
    }

    @Nested
    class SchemaFiles {
        @Test
        void removedSchemaFileIsBreakingAndNewFileIsNot() {
            JsonNode schema = json(prop("{'type':'string'}"));
            Map<String, JsonNode> baseline = Map.of("a.v1.json", schema, "b.v1.json", schema);
            Map<String, JsonNode> current = Map.of("a.v1.json", schema, "a.v2.json", schema);

            List<BreakingChange> changes = SchemaCompatibility.breakingChanges(baseline, current);
            assertThat(changes).extracting(BreakingChange::rule).containsExactly(SCHEMA_REMOVED);
            assertThat(changes.get(0).location()).isEqualTo("b.v1.json");
        }

        @Test
        void changesAreNamedWithTheirFile() {
            Map<String, JsonNode> baseline = Map.of("a.v1.json", json(prop("{'type':'string'}")));
            Map<String, JsonNode> current = Map.of("a.v1.json", json(prop("{'type':'integer'}")));

            assertThat(SchemaCompatibility.breakingChanges(baseline, current)).extracting(BreakingChange::location)
                    .containsExactly("a.v1.json $.p");
        }
    }

    /** The real schemas: compatible with themselves, and realistic edits are caught at every place of use. */
    @Nested
    class RealSchemas {
        private JsonNode load(String ceType) throws Exception {
            try (InputStream in = EventSchemas.openSchema(ceType)) {
                return MAPPER.readTree(in);
            }
        }

        @Test
        void everySchemaIsCompatibleWithItself() throws Exception {
            for (String ceType : CloudEventTypes.ALL) {
                assertThat(SchemaCompatibility.breakingChanges(load(ceType), load(ceType))).as(ceType).isEmpty();
            }
        }

        @Test
        void tighteningTheSharedRegionDefinitionIsReportedAtEachUse() throws Exception {
            JsonNode before = load(CloudEventTypes.DRAMA_PUBLISHED);
            JsonNode after = before.deepCopy();
            ((ObjectNode) after.at("/$defs/Region")).put("pattern", "^(DE|AT|CH)$");

            assertThat(SchemaCompatibility.breakingChanges(before, after)).extracting(BreakingChange::location)
                    .containsExactlyInAnyOrder("$.licences[].region", "$.ageRatings[].region");
        }

        @Test
        void addingAnOptionalPropertyToTheRealSchemaIsCompatible() throws Exception {
            JsonNode before = load(CloudEventTypes.PRICING_SET);
            JsonNode after = before.deepCopy();
            ((ObjectNode) after.at("/properties")).putObject("vipDiscountPercent")
                    .put("type", "integer").put("minimum", 0).put("maximum", 100);
            ((ObjectNode) after.at("/$defs/Money/properties")).putObject("formatted").put("type", "string");

            assertThat(SchemaCompatibility.breakingChanges(before, after)).isEmpty();
        }

        @Test
        void closingTheRealSchemaOrRemovingAnEnumValueIsBreaking() throws Exception {
            JsonNode before = load(CloudEventTypes.PRICING_SET);
            JsonNode after = before.deepCopy();
            ((ObjectNode) after).put("additionalProperties", false);
            ((ObjectNode) after.at("/properties/source")).putArray("enum").add("TIER");

            assertThat(SchemaCompatibility.breakingChanges(before, after)).extracting(BreakingChange::rule)
                    .containsExactlyInAnyOrder(ADDITIONAL_PROPERTIES_CLOSED, ENUM_VALUE_REMOVED);
        }
    }
}
