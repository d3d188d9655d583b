package io.microdrama.catalog;

import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.devstack.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.microdrama.testing.KafkaProbe;
import io.microdrama.testing.ServiceUnderTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/**
 * What catalog's integration tests share. The devstack resource is declared here once, for every test class of
 * the module: one real Kafka, PostgreSQL and Keycloak and one application start for the whole run.
 */
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "catalog"), @ResourceArg(name = "keycloak", value = "true") })
public final class CatalogTestSupport {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private CatalogTestSupport() {
    }

    static String studioToken(String studio) {
        return TOKENS.computeIfAbsent("studio-" + studio, key -> {
            String token = tokens().clientCredentials("studio-" + studio, studio + "-dev-secret");
            // Studios are registered by an admin before they can push anything (idempotent PUT).
            given().auth().oauth2(userToken("admin")).contentType(ContentType.JSON)
                    .body("{\"name\":\"" + studio + " pictures\"}").put("/api/v1/admin/studios/{id}", studio)
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            return token;
        });
    }

    /** Demo users (password demo): ops-na, ops-eu (EU, GB), ops-apac, localizer-cjk, localizer-rtl, admin. */
    static String userToken(String user) {
        return TOKENS.computeIfAbsent("user-" + user, key -> tokens().password(user, "demo"));
    }

    static KeycloakTokens tokens() {
        return ServiceUnderTest.tokens();
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String episodes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> """
                {"number":%d,"title":"Episode %d","durationSeconds":%d,"videoUri":"https://cdn.example.com/v/%d.mp4",
                 "videoChecksum":"sha256:%064x"}""".formatted(n, n, 60 + n, n, n)).collect(Collectors.joining(","));
    }

    /** A valid drama body; {@code licences} and {@code extra} are JSON fragments (extra may be empty). */
    static String drama(String title, int episodeCount, String licences, String extra) {
        return """
                {"title":"%s","synopsis":"A marriage of convenience.","originalLanguage":"en","genres":["romance"],
                 "pricingTier":"standard","episodes":[%s],"licences":[%s]%s}"""
                .formatted(title, episodes(episodeCount), licences, extra.isEmpty() ? "" : "," + extra);
    }

    static String licence(String region, String from, String until) {
        return until == null ? "{\"region\":\"%s\",\"validFrom\":\"%s\"}".formatted(region, from)
                : "{\"region\":\"%s\",\"validFrom\":\"%s\",\"validUntil\":\"%s\"}".formatted(region, from, until);
    }

    static String readiness(String dramaId, long version, String region, boolean ready, String missing, String available) {
        return """
                {"dramaId":"%s","dramaVersion":%d,"region":"%s","ready":%s,"requiredLanguages":%s,
                 "missingLanguages":%s,"availableLanguages":%s,"changedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(dramaId, version, region, ready, missing, missing, available);
    }

    static String price(String dramaId, long version, String region, String currency, long amount) {
        return """
                {"dramaId":"%s","dramaVersion":%d,"region":"%s","pricingTier":"standard","freeEpisodes":5,
                 "coinsPerEpisode":60,"seriesCoins":0,"episodeDisplayPrice":{"amountMinor":%d,"currency":"%s","minorUnits":2},
                 "taxInclusive":true,"source":"TIER","setAt":"2026-01-01T00:00:00Z"}"""
                .formatted(dramaId, version, region, amount, currency);
    }

    static Connection database() throws Exception {
        return ServiceUnderTest.database().open();
    }

    static KafkaProbe kafka() {
        return ServiceUnderTest.kafka();
    }

    /** A CloudEvent from another service, in binary mode as the relays send them. */
    static void send(String topic, String key, String type, String id, String payload) {
        kafka().sendCloudEvent(topic, key, type, "/test", id, payload);
    }

    /** Reads the topic from the start until {@code count} records match, or fails after the deadline. */
    static List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> matching,
            int count, Duration deadline) {
        return kafka().awaitRecords(topic, matching, count, deadline);
    }

    static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
        return awaitRecords(topic, KafkaProbe.keyed(key), count, Duration.ofSeconds(30));
    }

    /** Everything on the topic for the key after a quiet moment: for "exactly N" checks after awaitRecords saw N. */
    static List<ConsumerRecord<String, String>> allRecords(String topic, String key) {
        return allRecords(topic, KafkaProbe.keyed(key));
    }

    static List<ConsumerRecord<String, String>> allRecords(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        return kafka().allRecords(topic, matching, Duration.ofSeconds(30));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaProbe.header(record, name);
    }
}
