package io.microdrama.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document agrees with the Java constants, the schema files and the platform's topology. */
class AsyncApiDocumentTest {

    /** Who produces each topic (the brief): one service per topic, except the audit topic, which every service writes. */
    private static final Map<String, Set<String>> PRODUCERS = Map.of(
            Topics.CATALOG_DRAMA, Set.of("catalog"),
            Topics.CATALOG_DRAMA_BULK, Set.of("catalog"),
            Topics.LOCALIZATION_READINESS, Set.of("localization"),
            Topics.LOCALIZATION_READINESS_BULK, Set.of("localization"),
            Topics.BILLING_PRICING, Set.of("billing"),
            Topics.BILLING_PRICING_BULK, Set.of("billing"),
            Topics.PLATFORM_AUDIT, Set.of("catalog", "localization", "billing"));
    /** Who consumes each topic (the brief). */
    private static final Map<String, Set<String>> CONSUMERS = Map.of(
            Topics.CATALOG_DRAMA, Set.of("localization", "billing"),
            Topics.CATALOG_DRAMA_BULK, Set.of("localization", "billing"),
            Topics.LOCALIZATION_READINESS, Set.of("catalog"),
            Topics.LOCALIZATION_READINESS_BULK, Set.of("catalog"),
            Topics.BILLING_PRICING, Set.of("catalog"),
            Topics.BILLING_PRICING_BULK, Set.of("catalog"),
            Topics.PLATFORM_AUDIT, Set.of("catalog"));
    /** The topics each event type travels on (drama events and their answers: two lanes each). */
    private static final Map<String, Set<String>> TOPICS_OF_TYPE = Map.of(
            CloudEventTypes.DRAMA_PUBLISHED, Set.of(Topics.CATALOG_DRAMA, Topics.CATALOG_DRAMA_BULK),
            CloudEventTypes.DRAMA_WITHDRAWN, Set.of(Topics.CATALOG_DRAMA, Topics.CATALOG_DRAMA_BULK),
            CloudEventTypes.READINESS_CHANGED, Set.of(Topics.LOCALIZATION_READINESS, Topics.LOCALIZATION_READINESS_BULK),
            CloudEventTypes.PRICING_SET, Set.of(Topics.BILLING_PRICING, Topics.BILLING_PRICING_BULK),
            CloudEventTypes.AUDIT_RECORDED, Set.of(Topics.PLATFORM_AUDIT));
    private static final String DOCUMENT_DIRECTORY = EventSchemas.ASYNCAPI_RESOURCE
            .substring(0, EventSchemas.ASYNCAPI_RESOURCE.lastIndexOf('/') + 1);

    private static JsonNode doc;

    @BeforeAll
    static void readDocument() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader()
                .getResourceAsStream(EventSchemas.ASYNCAPI_RESOURCE)) {
            assertThat(in).as(EventSchemas.ASYNCAPI_RESOURCE).isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    static List<String> eventTypes() {
        return CloudEventTypes.ALL;
    }

    /** A copy of {@code node} with every {@code #/components/schemas/...} reference replaced by what it points to. */
    static JsonNode withLocalReferencesResolved(JsonNode node, JsonNode root, int depth) {
        assertThat(depth).as("reference depth (a cycle?)").isLessThan(32);
        if (node.isObject() && node.path("$ref").asText("").startsWith("#/components/schemas/")) {
            return withLocalReferencesResolved(root.at(node.get("$ref").asText().substring(1)), root, depth + 1);
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), withLocalReferencesResolved(field.getValue(), root, depth)));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(withLocalReferencesResolved(item, root, depth)));
            return copy;
        }
        return node;
    }

    /**
     * Valid AsyncAPI 3.0.0 by the AsyncAPI Initiative's own JSON Schema (downloaded by the pom, see there). References
     * to {@code #/components/schemas} are resolved first: the official schema's Kafka binding says "a Reference or a
     * Schema, exactly one", and a JSON Schema {@code $ref} is both. Channel and message references stay, as AsyncAPI 3
     * requires them.
     */
    @Test
    void documentIsValidByTheOfficialAsyncApi300Schema() throws Exception {
        java.nio.file.Path official = java.nio.file.Path.of("target", "asyncapi-specs", "package", "schemas",
                "3.0.0-without-$id.json");
        assertThat(official).as("downloaded by the build (generate-test-resources)").exists();
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(java.nio.file.Files.readString(official)));

        assertThat(schema.validate(withLocalReferencesResolved(doc, doc, 0))).isEmpty();
        JsonNode withoutInfo = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutInfo).remove("info");
        assertThat(schema.validate(withoutInfo)).as("the schema can fail").isNotEmpty();
    }

    @Test
    void isAnAsyncApi3DocumentWithTheLocalKafkaServer() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/info/title").asText()).isNotBlank();
        assertThat(doc.at("/info/version").asText()).isNotBlank();
        assertThat(doc.path("defaultContentType").asText()).isEqualTo("application/json");
        List<JsonNode> kafkaServers = new ArrayList<>();
        doc.path("servers").forEach(server -> {
            if ("kafka".equals(server.path("protocol").asText())) {
                kafkaServers.add(server);
            }
        });
        assertThat(kafkaServers).extracting(server -> server.path("host").asText()).contains("127.0.0.1:9092");
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();

        assertThat(refs.stream().filter(ref -> ref.startsWith("#")).filter(ref -> at(ref).isMissingNode()))
                .as("unresolved $ref").isEmpty();
        assertThat(refs.stream().filter(ref -> !ref.startsWith("#")))
                .as("external $ref must point at a schema file next to the document")
                .allSatisfy(ref -> assertThat(getClass().getClassLoader().getResource(classpathOf(ref)))
                        .as(ref).isNotNull());
    }

    @Test
    void channelsAreExactlyTheTopicsAndTheirDeadLetterTopics() {
        Set<String> expected = new TreeSet<>(topicConstants());
        CONSUMERS.forEach((topic, consumers) ->
                consumers.forEach(consumer -> expected.add(Topics.deadLetter(topic, consumer))));

        assertThat(expected).contains("catalog.drama.v1.dlq.localization", "catalog.drama.v1.dlq.billing",
                "catalog.drama.bulk.v1.dlq.localization", "catalog.drama.bulk.v1.dlq.billing",
                "localization.readiness.v1.dlq.catalog", "billing.pricing.v1.dlq.catalog",
                "localization.readiness.bulk.v1.dlq.catalog", "billing.pricing.bulk.v1.dlq.catalog",
                "platform.audit.v1.dlq.catalog");
        assertThat(channelsByAddress().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyTopicConstantHasAKnownProducerAndConsumers() {
        assertThat(PRODUCERS.keySet()).containsExactlyInAnyOrderElementsOf(topicConstants());
        assertThat(CONSUMERS.keySet()).containsExactlyInAnyOrderElementsOf(topicConstants());
    }

    @Test
    void oneSendPerProducerAndOneReceivePerConsumer() {
        Map<String, JsonNode> channels = channelsByAddress();
        for (String topic : topicConstants()) {
            assertThat(services(operationsOn(channels.get(topic), "send")))
                    .as("producers of %s", topic).containsExactlyInAnyOrderElementsOf(PRODUCERS.get(topic));
            assertThat(services(operationsOn(channels.get(topic), "receive")))
                    .as("consumers of %s", topic).containsExactlyInAnyOrderElementsOf(CONSUMERS.get(topic));
            for (String consumer : CONSUMERS.get(topic)) {
                JsonNode deadLetters = channels.get(Topics.deadLetter(topic, consumer));
                assertThat(services(operationsOn(deadLetters, "send")))
                        .as("writers of %s", Topics.deadLetter(topic, consumer)).containsExactly(consumer);
            }
        }
    }

    @Test
    void operationsAreWellFormed() {
        doc.path("operations").properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode operation = entry.getValue();
            assertThat(operation.path("action").asText()).as(name).isIn("send", "receive");
            assertThat(operation.path("x-service").asText()).as(name).isIn("catalog", "localization", "billing");
            String channelRef = operation.at("/channel/$ref").asText();
            assertThat(at(channelRef).isObject()).as("%s channel %s", name, channelRef).isTrue();
            assertThat(operation.path("messages").size()).as(name).isPositive();
            operation.path("messages").forEach(message -> assertThat(message.path("$ref").asText())
                    .as("%s sends or receives only messages of its own channel", name)
                    .startsWith(channelRef + "/messages/"));
        });
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeHasAMessageOnItsTopicWithItsSchema(String ceType) {
        Map<String, JsonNode> messages = messagesByCeType();
        assertThat(messages).as("a message with header ce_type const %s", ceType).containsKey(ceType);
        JsonNode message = messages.get(ceType);

        assertThat(message.at("/payload/schemaFormat").asText())
                .isEqualTo("application/schema+json;version=draft-2020-12");
        String schemaRef = message.at("/payload/schema/$ref").asText();
        assertThat(classpathOf(schemaRef)).isEqualTo(EventSchemas.resourcePath(ceType));
        assertThat(getClass().getClassLoader().getResource(classpathOf(schemaRef))).as(schemaRef).isNotNull();

        Set<String> producers = new TreeSet<>();
        TOPICS_OF_TYPE.get(ceType).forEach(topic -> producers.addAll(PRODUCERS.get(topic)));
        Set<String> sources = new TreeSet<>();
        producers.forEach(producer -> sources.add("/" + producer));
        assertThat(ceTypeHeaderValues(message, "ce_source")).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(sources).allSatisfy(source -> assertThat(source).isIn(CloudEventTypes.SOURCE_CATALOG,
                CloudEventTypes.SOURCE_LOCALIZATION, CloudEventTypes.SOURCE_BILLING));
        assertThat(message.at("/bindings/kafka/key").isMissingNode()).as("record key documented").isFalse();
        if (!CloudEventTypes.AUDIT_RECORDED.equals(ceType)) {
            // The audit record's key is the drama id when it has one, else the entity's id (a studio, a currency).
            assertThat(resolve(message.at("/bindings/kafka/key")).path("format").asText()).isEqualTo("uuid");
        }

        // The message is carried by the channels of its topics, and only by those.
        List<String> carriers = new ArrayList<>();
        doc.path("channels").forEach(channel -> channel.path("messages").forEach(ref -> {
            if (resolve(ref).equals(message)) {
                carriers.add(channel.path("address").asText());
            }
        }));
        assertThat(carriers).containsExactlyInAnyOrderElementsOf(TOPICS_OF_TYPE.get(ceType));
    }

    @Test
    void cloudEventsHeadersAreDocumented() {
        JsonNode headers = doc.at("/components/schemas/cloudEventHeaders");
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(name -> required.add(name.asText()));

        assertThat(required).containsExactlyInAnyOrder("ce_id", "ce_type", "ce_source", "ce_subject",
                "ce_specversion", "ce_time", "content-type");
        required.forEach(name -> assertThat(headers.at("/properties/" + name + "/description").asText())
                .as(name).isNotBlank());
        assertThat(headers.at("/properties/ce_specversion/const").asText()).isEqualTo("1.0");
        assertThat(headers.at("/properties/ce_id/format").asText()).isEqualTo("uuid");
        assertThat(headers.at("/properties/ce_subject/format").asText()).isEqualTo("uuid");
        assertThat(CloudEventTypes.ALL).allSatisfy(type ->
                assertThat(type).matches(headers.at("/properties/ce_type/pattern").asText()));
    }

    @Test
    void deadLetterMessagesCarryTheReason() {
        doc.path("channels").forEach(channel -> {
            if (channel.path("address").asText().contains(".dlq.")) {
                channel.path("messages").forEach(ref -> {
                    JsonNode headers = resolve(resolve(ref).path("headers"));
                    assertThat(headers.at("/properties/dead-letter-reason").isObject()).isTrue();
                    assertThat(headers.path("required").toString()).contains("dead-letter-reason");
                });
            }
        });
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Set<String> topicConstants() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new TreeMap<>();
        doc.path("channels").properties().forEach(entry -> {
            String address = entry.getValue().path("address").asText();
            assertThat(channels).as("duplicate channel address %s", address).doesNotContainKey(address);
            channels.put(address, entry.getValue());
        });
        return channels;
    }

    private static List<JsonNode> operationsOn(JsonNode channel, String action) {
        assertThat(channel).as("channel").isNotNull();
        List<JsonNode> result = new ArrayList<>();
        doc.path("operations").forEach(operation -> {
            if (action.equals(operation.path("action").asText())
                    && resolve(operation.path("channel")).equals(channel)) {
                result.add(operation);
            }
        });
        return result;
    }

    private static List<String> services(List<JsonNode> operations) {
        return operations.stream().map(operation -> operation.path("x-service").asText()).toList();
    }

    private static Map<String, JsonNode> messagesByCeType() {
        Map<String, JsonNode> result = new TreeMap<>();
        doc.at("/components/messages").forEach(message -> {
            String ceType = ceTypeHeaderConst(message, "ce_type");
            if (ceType != null) {
                assertThat(result).as("two messages for %s", ceType).doesNotContainKey(ceType);
                result.put(ceType, message);
            }
        });
        return result;
    }

    /** The {@code const} a message's header schema (an allOf of the common headers and its own) sets. */
    private static String ceTypeHeaderConst(JsonNode message, String header) {
        for (JsonNode part : message.at("/headers/allOf")) {
            JsonNode value = resolve(part).at("/properties/" + header + "/const");
            if (value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The values a message's own header schema allows for {@code header}: its {@code const}, or its {@code enum}. */
    private static Set<String> ceTypeHeaderValues(JsonNode message, String header) {
        Set<String> values = new TreeSet<>();
        for (JsonNode part : message.at("/headers/allOf")) {
            if (part.has("$ref")) {
                continue; // the shared headers allow every service; the message's own part narrows them
            }
            JsonNode property = part.at("/properties/" + header);
            if (property.path("const").isTextual()) {
                values.add(property.path("const").asText());
            }
            property.path("enum").forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.get("$ref").asText().startsWith("#")) {
            current = at(current.get("$ref").asText());
        }
        return current;
    }

    private static JsonNode at(String localRef) {
        return doc.at(localRef.substring(1));
    }

    private static String classpathOf(String relativeRef) {
        String path = relativeRef.startsWith("./") ? relativeRef.substring(2) : relativeRef;
        return DOCUMENT_DIRECTORY + path;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if ("$ref".equals(entry.getKey())) {
                    refs.add(entry.getValue().asText());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
