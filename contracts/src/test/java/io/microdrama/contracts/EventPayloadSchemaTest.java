package io.microdrama.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.microdrama.contracts.events.DramaPublished;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.microdrama.contracts.CloudEventTypes.AUDIT_RECORDED;
import static io.microdrama.contracts.CloudEventTypes.DRAMA_PUBLISHED;
import static io.microdrama.contracts.CloudEventTypes.DRAMA_WITHDRAWN;
import static io.microdrama.contracts.CloudEventTypes.PRICING_SET;
import static io.microdrama.contracts.CloudEventTypes.READINESS_CHANGED;
import static io.microdrama.contracts.Json.remove;
import static io.microdrama.contracts.Json.rename;
import static io.microdrama.contracts.Json.set;
import static org.assertj.core.api.Assertions.assertThat;

/** Payload records serialized like the services do must satisfy their JSON Schema; broken payloads must not. */
class EventPayloadSchemaTest {

    private static final Map<String, Supplier<Record>> VALID = Map.ofEntries(
            sample("DramaPublished full", Samples::dramaPublishedFull),
            sample("DramaPublished minimal (empty localizations, genres, ratings)", Samples::dramaPublishedMinimal),
            sample("DramaWithdrawn", Samples::dramaWithdrawn),
            sample("ReadinessChanged not ready", Samples::readinessNotReady),
            sample("ReadinessChanged ready, no languages", Samples::readinessReadyNoLanguages),
            sample("PricingSet EUR (2 decimals)", Samples::pricingEur),
            sample("PricingSet JPY (0 decimals) override", Samples::pricingJpyOverride),
            sample("PricingSet KWD (3 decimals)", Samples::pricingKwd),
            sample("PricingSet free (zero amount and coins)", Samples::pricingFree),
            sample("AuditRecorded hold", Samples::auditHold),
            sample("AuditRecorded reference data (platform-wide, nulls)", Samples::auditReferenceData));

    private static Map.Entry<String, Supplier<Record>> sample(String name, Supplier<Record> payload) {
        return Map.entry(name, payload);
    }

    static Stream<Arguments> validPayloads() {
        return VALID.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(sample -> Stream.of(
                Arguments.of(Named.of(sample.getKey() + ", nulls written", sample.getValue().get()),
                        Json.QUARKUS_DEFAULT),
                Arguments.of(Named.of(sample.getKey() + ", nulls omitted", sample.getValue().get()),
                        Json.QUARKUS_NON_NULL)));
    }

    @ParameterizedTest
    @MethodSource("validPayloads")
    void serializedRecordSatisfiesItsSchema(Record payload, ObjectMapper mapper) throws Exception {
        String ceType = ceTypeOf(payload);
        JsonNode json = Json.toTree(mapper, payload);

        assertThat(Json.validate(ceType, json)).as("validation errors for %s", json).isEmpty();
        // And the consumer side reads back exactly what was sent.
        assertThat(mapper.readValue(json.toString(), EventSchemas.payloadType(ceType))).isEqualTo(payload);
    }

    @Test
    void instantsTravelAsIsoStringsAndNullValidUntilAsNull() {
        JsonNode json = Json.toTree(Json.QUARKUS_DEFAULT, Samples.dramaPublishedFull());

        assertThat(json.get("publishedAt").asText()).isEqualTo("2025-05-28T14:03:11.482913577Z");
        assertThat(json.at("/licences/0").has("validUntil")).isTrue();
        assertThat(json.at("/licences/0/validUntil").isNull()).isTrue();
        assertThat(json.at("/licences/2/validUntil").asText()).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(json.at("/localizations/pt-BR/synopsis").isNull()).isTrue();
    }

    @Test
    void unknownPropertiesAreValidAndIgnoredByConsumers() throws Exception {
        DramaPublished original = Samples.dramaPublishedFull();
        JsonNode json = Json.toTree(Json.QUARKUS_DEFAULT, original);
        ((ObjectNode) json).put("trailerUrl", "https://cdn.example/trailer.m3u8");
        ((ObjectNode) json.at("/episodes/0")).put("thumbnail", "ep1.jpg");
        ((ObjectNode) json.at("/licences/0")).putObject("windowPolicy").put("kind", "svod");

        assertThat(Json.validate(DRAMA_PUBLISHED, json)).isEmpty();
        assertThat(Json.QUARKUS_DEFAULT.readValue(json.toString(), DramaPublished.class)).isEqualTo(original);
    }

    @Test
    void openEndedLicenceMayAlsoOmitValidUntil() throws Exception {
        JsonNode json = remove("/licences/0/validUntil").apply(Json.toTree(Json.QUARKUS_DEFAULT,
                Samples.dramaPublishedFull()));

        assertThat(Json.validate(DRAMA_PUBLISHED, json)).isEmpty();
        DramaPublished read = Json.QUARKUS_DEFAULT.readValue(json.toString(), DramaPublished.class);
        assertThat(read.licences().get(0).validUntil()).isNull();
    }

    @ParameterizedTest
    @MethodSource("io.microdrama.contracts.EventPayloadSchemaTest#schemaExamples")
    void examplesInsideTheSchemasAreValid(String ceType, JsonNode example) throws Exception {
        assertThat(Json.validate(ceType, example)).isEmpty();
        Json.QUARKUS_DEFAULT.treeToValue(example, EventSchemas.payloadType(ceType)); // and they deserialize
    }

    static Stream<Arguments> schemaExamples() {
        return CloudEventTypes.ALL.stream().flatMap(type -> {
            JsonNode examples = Json.schemaNode(type).path("examples");
            assertThat(examples.size()).as("examples in schema of %s", type).isPositive();
            return Stream.iterate(0, i -> i < examples.size(), i -> i + 1)
                    .map(i -> Arguments.of(type, examples.get(i)));
        });
    }

    // --- negative cases: each must be rejected, for the right reason --------------------------------------------

    static Stream<Arguments> invalidPayloads() {
        Supplier<JsonNode> published = () -> Json.toTree(Json.QUARKUS_DEFAULT, Samples.dramaPublishedFull());
        Supplier<JsonNode> withdrawn = () -> Json.toTree(Json.QUARKUS_DEFAULT, Samples.dramaWithdrawn());
        Supplier<JsonNode> readiness = () -> Json.toTree(Json.QUARKUS_DEFAULT, Samples.readinessNotReady());
        Supplier<JsonNode> pricing = () -> Json.toTree(Json.QUARKUS_DEFAULT, Samples.pricingEur());
        Supplier<JsonNode> audit = () -> Json.toTree(Json.QUARKUS_DEFAULT, Samples.auditHold());
        return Stream.of(
                // DramaPublished
                invalid(DRAMA_PUBLISHED, published, "required dramaVersion missing", remove("/dramaVersion"), "dramaVersion"),
                invalid(DRAMA_PUBLISHED, published, "required episodes missing", remove("/episodes"), "episodes"),
                invalid(DRAMA_PUBLISHED, published, "licence without region", remove("/licences/1/region"), "region"),
                invalid(DRAMA_PUBLISHED, published, "licence without exclusive", remove("/licences/0/exclusive"), "exclusive"),
                invalid(DRAMA_PUBLISHED, published, "dramaId not a UUID", set("/dramaId", "drama-42"), "dramaId"),
                invalid(DRAMA_PUBLISHED, published, "dramaVersion 0", set("/dramaVersion", 0), "dramaVersion"),
                invalid(DRAMA_PUBLISHED, published, "dramaVersion as string", set("/dramaVersion", "3"), "dramaVersion"),
                invalid(DRAMA_PUBLISHED, published, "title null", set("/title", null), "title"),
                invalid(DRAMA_PUBLISHED, published, "licence region lower case", set("/licences/0/region", "de"), "region"),
                invalid(DRAMA_PUBLISHED, published, "licence region alpha-3", set("/licences/0/region", "DEU"), "region"),
                invalid(DRAMA_PUBLISHED, published, "licence region group", set("/licences/0/region", "EU-27"), "region"),
                invalid(DRAMA_PUBLISHED, published, "rating region name", set("/ageRatings/0/region", "Germany"), "region"),
                invalid(DRAMA_PUBLISHED, published, "validFrom a date only", set("/licences/0/validFrom", "2025-06-01"), "validFrom"),
                invalid(DRAMA_PUBLISHED, published, "validUntil epoch number", set("/licences/2/validUntil", 1782864000), "validUntil"),
                invalid(DRAMA_PUBLISHED, published, "episode number 0", set("/episodes/0/number", 0), "number"),
                invalid(DRAMA_PUBLISHED, published, "episode of 9 seconds", set("/episodes/0/durationSeconds", 9), "durationSeconds"),
                invalid(DRAMA_PUBLISHED, published, "episode of 901 seconds", set("/episodes/0/durationSeconds", 901), "durationSeconds"),
                invalid(DRAMA_PUBLISHED, published, "original language with underscore", set("/originalLanguage", "de_DE"), "originalLanguage"),
                invalid(DRAMA_PUBLISHED, published, "localization key not a language tag", rename("/localizations/en", "en_US"), "en_US"),
                invalid(DRAMA_PUBLISHED, published, "localized title a number", set("/localizations/en/title", 42), "title"),
                invalid(DRAMA_PUBLISHED, published, "localizations as array", set("/localizations", List.of()), "localizations"),
                // DramaWithdrawn
                invalid(DRAMA_WITHDRAWN, withdrawn, "required withdrawnAt missing", remove("/withdrawnAt"), "withdrawnAt"),
                invalid(DRAMA_WITHDRAWN, withdrawn, "withdrawnAt not a date-time", set("/withdrawnAt", "yesterday"), "withdrawnAt"),
                invalid(DRAMA_WITHDRAWN, withdrawn, "studioId empty", set("/studioId", ""), "studioId"),
                invalid(DRAMA_WITHDRAWN, withdrawn, "dramaVersion negative", set("/dramaVersion", -1), "dramaVersion"),
                // ReadinessChanged
                invalid(READINESS_CHANGED, readiness, "required ready missing", remove("/ready"), "ready"),
                invalid(READINESS_CHANGED, readiness, "ready as string", set("/ready", "yes"), "ready"),
                invalid(READINESS_CHANGED, readiness, "region lower case", set("/region", "br"), "region"),
                invalid(READINESS_CHANGED, readiness, "missing language with underscore", set("/missingLanguages/0", "pt_BR"), "missingLanguages"),
                invalid(READINESS_CHANGED, readiness, "available languages null", set("/availableLanguages", null), "availableLanguages"),
                // PricingSet
                invalid(PRICING_SET, pricing, "negative amount", set("/episodeDisplayPrice/amountMinor", -59), "amountMinor"),
                invalid(PRICING_SET, pricing, "amount as decimal fraction", set("/episodeDisplayPrice/amountMinor", 0.59), "amountMinor"),
                invalid(PRICING_SET, pricing, "currency lower case", set("/episodeDisplayPrice/currency", "eur"), "currency"),
                invalid(PRICING_SET, pricing, "currency symbol", set("/episodeDisplayPrice/currency", "€"), "currency"),
                invalid(PRICING_SET, pricing, "minor units 5", set("/episodeDisplayPrice/minorUnits", 5), "minorUnits"),
                invalid(PRICING_SET, pricing, "minor units negative", set("/episodeDisplayPrice/minorUnits", -1), "minorUnits"),
                invalid(PRICING_SET, pricing, "money without currency", remove("/episodeDisplayPrice/currency"), "currency"),
                invalid(PRICING_SET, pricing, "required source missing", remove("/source"), "source"),
                invalid(PRICING_SET, pricing, "unknown source", set("/source", "PROMOTION"), "source"),
                invalid(PRICING_SET, pricing, "source in lower case", set("/source", "tier"), "source"),
                invalid(PRICING_SET, pricing, "negative coins per episode", set("/coinsPerEpisode", -5), "coinsPerEpisode"),
                invalid(PRICING_SET, pricing, "negative series coins", set("/seriesCoins", -1), "seriesCoins"),
                invalid(PRICING_SET, pricing, "negative free episodes", set("/freeEpisodes", -1), "freeEpisodes"),
                invalid(PRICING_SET, pricing, "fractional free episodes", set("/freeEpisodes", 2.5), "freeEpisodes"),
                invalid(PRICING_SET, pricing, "region empty", set("/region", ""), "region"),
                // AuditRecorded
                invalid(AUDIT_RECORDED, audit, "required actor missing", remove("/actor"), "actor"),
                invalid(AUDIT_RECORDED, audit, "occurredAt not a date-time", set("/occurredAt", "now"), "occurredAt"),
                invalid(AUDIT_RECORDED, audit, "unknown service", set("/service", "gateway"), "service"),
                invalid(AUDIT_RECORDED, audit, "region lower case", set("/regions/0", "br"), "regions"),
                invalid(AUDIT_RECORDED, audit, "dramaId not a UUID", set("/dramaId", "drama-42"), "dramaId"),
                invalid(AUDIT_RECORDED, audit, "before a string", set("/before", "on hold"), "before"),
                invalid(AUDIT_RECORDED, audit, "regions null", set("/regions", null), "regions"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidPayloads")
    void brokenPayloadIsRejected(String ceType, String what, JsonNode payload, String expectedInError) {
        Set<ValidationMessage> errors = Json.validate(ceType, payload);

        assertThat(errors).as("%s should be rejected: %s", what, payload).isNotEmpty();
        assertThat(errors.toString()).as("errors should point at %s", expectedInError).contains(expectedInError);
    }

    private static Arguments invalid(String ceType, Supplier<JsonNode> valid, String what,
                                     UnaryOperator<JsonNode> breakIt, String expectedInError) {
        JsonNode base = valid.get();
        assertThat(Json.validate(ceType, base)).as("base sample for '%s' must be valid", what).isEmpty();
        return Arguments.of(ceType, what, breakIt.apply(base), expectedInError);
    }

    private static String ceTypeOf(Record payload) {
        return CloudEventTypes.ALL.stream()
                .filter(type -> EventSchemas.payloadType(type) == payload.getClass())
                .findFirst()
                .orElseThrow();
    }
}
