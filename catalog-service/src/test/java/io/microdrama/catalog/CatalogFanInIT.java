package io.microdrama.catalog;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.devstack.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** catalog on real PostgreSQL, Kafka and Keycloak: ingest, outbox publishing, fan-in to LIVE, isolation. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "catalog"), @ResourceArg(name = "keycloak", value = "true") })
class CatalogFanInIT {

    static final String DRAMA = """
            {"title":"The Contract Bride","synopsis":"A marriage of convenience.","originalLanguage":"en",
             "genres":["romance"],"pricingTier":"standard",
             "episodes":[{"number":1,"title":"Signed","durationSeconds":95},{"number":2,"title":"Sealed","durationSeconds":80}],
             "licences":[{"region":"GB","validFrom":"2025-01-01T00:00:00Z"},{"region":"DE","validFrom":"2025-01-01T00:00:00Z"}]}""";

    @Test
    void publishedDramaGoesLiveOnlyWhereLocalizedAndPriced() {
        String aurora = tokens().clientCredentials("studio-aurora", "aurora-dev-secret");
        String externalId = "bride-" + UUID.randomUUID().toString().substring(0, 8);

        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA)
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201).header("ETag", "\"0\"");
        // The same body again changes nothing: same revision, no event.
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA)
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(200).header("ETag", "\"0\"");

        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).body("dramaVersion", equalTo(1)).body("rollout.region", equalTo(List.of("DE", "GB")))
                .extract().path("id");

        List<ConsumerRecord<String, String>> published = awaitRecords(Topics.CATALOG_DRAMA, dramaId, 1);
        ConsumerRecord<String, String> event = published.get(0);
        assertThat(event.key()).isEqualTo(dramaId);
        assertThat(header(event, "ce_type")).isEqualTo(CloudEventTypes.DRAMA_PUBLISHED);
        assertThat(header(event, "ce_source")).isEqualTo("/catalog");
        assertThat(header(event, "ce_subject")).isEqualTo(dramaId);
        assertThat(header(event, "ce_id")).matches("[0-9a-f-]{36}");
        assertThat(event.value()).contains("\"dramaVersion\":1").contains("\"region\":\"GB\"");

        // Localization: GB ready, DE missing German. Billing: both priced. The readiness event is sent twice.
        String readyGb = readiness(dramaId, "GB", true, "[]");
        send(Topics.LOCALIZATION_READINESS, dramaId, CloudEventTypes.READINESS_CHANGED, UUID.randomUUID().toString(), readyGb);
        String duplicateId = UUID.randomUUID().toString();
        String missingDe = readiness(dramaId, "DE", false, "[\"de\"]");
        send(Topics.LOCALIZATION_READINESS, dramaId, CloudEventTypes.READINESS_CHANGED, duplicateId, missingDe);
        send(Topics.LOCALIZATION_READINESS, dramaId, CloudEventTypes.READINESS_CHANGED, duplicateId, missingDe);
        send(Topics.BILLING_PRICING, dramaId, CloudEventTypes.PRICING_SET, UUID.randomUUID().toString(), price(dramaId, "GB", "GBP", 49));
        send(Topics.BILLING_PRICING, dramaId, CloudEventTypes.PRICING_SET, UUID.randomUUID().toString(), price(dramaId, "DE", "EUR", 59));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/storefront/GB/dramas")
                .then().statusCode(200).body("items.id", hasItem(dramaId)));
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(200)
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE"))
                .body("rollout.find { it.region == 'GB' }.episodePrice.amountMinor", equalTo(49))
                .body("rollout.find { it.region == 'DE' }.state", equalTo("WAITING"))
                .body("rollout.find { it.region == 'DE' }.blockers", equalTo(List.of("MISSING_LANGUAGE:de")));
        given().get("/api/v1/storefront/DE/dramas").then().statusCode(200).body("items.id", not(hasItem(dramaId)));
        given().get("/api/v1/storefront/US/dramas").then().statusCode(200).body("items.id", not(hasItem(dramaId)));
    }

    /**
     * Readiness and pricing arrive on two channels and are applied concurrently; both change the same rollout
     * row. Neither answer may be lost (one was: the later commit wrote back the other's stale columns). The test
     * holds the row's lock while both handlers reach it, so the two writes always meet.
     */
    @Test
    void concurrentReadinessAndPricingForTheSameRegionAreBothApplied() throws Exception {
        String aurora = tokens().clientCredentials("studio-aurora", "aurora-dev-secret");
        String externalId = "race-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA)
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");

        try (Connection holder = database(); Connection observer = database()) {
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("select * from regional_rollout where drama_id = '" + dramaId
                    + "' and region = 'GB' for update");
            send(Topics.BILLING_PRICING, dramaId, CloudEventTypes.PRICING_SET, UUID.randomUUID().toString(), price(dramaId, "GB", "GBP", 49));
            send(Topics.LOCALIZATION_READINESS, dramaId, CloudEventTypes.READINESS_CHANGED, UUID.randomUUID().toString(),
                    readiness(dramaId, "GB", true, "[]"));
            await("both handlers wait for the row").atMost(Duration.ofSeconds(30)).until(() -> {
                ResultSet waiting = observer.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
                waiting.next();
                return waiting.getInt(1) >= 2;
            });
            holder.commit();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(aurora)
                .get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(200)
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE")));
    }

    static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void studiosAreIsolatedAndAnonymousCallersAreRefused() {
        String aurora = tokens().clientCredentials("studio-aurora", "aurora-dev-secret");
        String lotus = tokens().clientCredentials("studio-lotus", "lotus-dev-secret");
        String externalId = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA)
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);

        given().auth().oauth2(lotus).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(lotus).post("/api/v1/studio/dramas/{id}/publish", externalId).then().statusCode(404);
        given().get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(401);
        String ops = tokens().password("ops-eu", "demo");
        given().auth().oauth2(ops).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(403);
    }

    @Test
    void invalidDramaIsRefusedFieldByFieldAndNothingIsStored() {
        String aurora = tokens().clientCredentials("studio-aurora", "aurora-dev-secret");
        String externalId = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        String broken = """
                {"title":"","originalLanguage":"not a tag","pricingTier":"standard",
                 "episodes":[{"number":1,"durationSeconds":5},{"number":3,"durationSeconds":60}],
                 "licences":[{"region":"XX","validFrom":"2025-01-01T00:00:00Z"},
                             {"region":"FR","validFrom":"2026-01-01T00:00:00Z","validUntil":"2025-01-01T00:00:00Z"}]}""";
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(broken)
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title", "originalLanguage", "episodes[0].durationSeconds",
                        "episodes[1].number", "licences[0].region", "licences[1].validUntil")));
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(404);
    }

    private static String readiness(String dramaId, String region, boolean ready, String missing) {
        return """
                {"dramaId":"%s","dramaVersion":1,"region":"%s","ready":%s,"requiredLanguages":%s,
                 "missingLanguages":%s,"availableLanguages":[],"changedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(dramaId, region, ready, missing, missing);
    }

    private static String price(String dramaId, String region, String currency, long amount) {
        return """
                {"dramaId":"%s","dramaVersion":1,"region":"%s","pricingTier":"standard","freeEpisodes":5,
                 "coinsPerEpisode":60,"seriesCoins":0,"episodeDisplayPrice":{"amountMinor":%d,"currency":"%s","minorUnits":2},
                 "taxInclusive":true,"source":"TIER","setAt":"2026-01-01T00:00:00Z"}"""
                .formatted(dramaId, region, amount, currency);
    }

    static KeycloakTokens tokens() {
        return new KeycloakTokens(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap()), new StringSerializer(), new StringSerializer());
    }

    static ProducerRecord<String, String> cloudEvent(String topic, String key, String type, String id, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/test".getBytes(StandardCharsets.UTF_8))
                .add("ce_subject", key.getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static void send(String topic, String key, String type, String id, String payload) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent(topic, key, type, id, payload)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
