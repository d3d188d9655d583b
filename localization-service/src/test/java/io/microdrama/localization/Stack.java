package io.microdrama.localization;

import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.testing.KafkaProbe;
import io.microdrama.testing.ServiceUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Real Kafka, PostgreSQL and Keycloak as the devstack test resource started them, for the integration tests. */
final class Stack {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    // --- Keycloak: real tokens, cached per principal for the test run (they live 5 minutes in the dev realm)
    static String studio(String name) {
        return TOKENS.computeIfAbsent("studio-" + name, key -> tokens().clientCredentials(key, name + "-dev-secret"));
    }

    static String user(String name) {
        return TOKENS.computeIfAbsent(name, key -> tokens().password(key, "demo"));
    }

    private static KeycloakTokens tokens() {
        return ServiceUnderTest.tokens();
    }

    // --- Kafka: catalog's events in, readiness out
    static KafkaProbe kafka() {
        return ServiceUnderTest.kafka();
    }

    /** Produces a CloudEvent in binary mode, the way catalog's outbox relay does. */
    static void send(String topic, String key, String type, String id, String payload) {
        kafka().sendCloudEvent(topic, key, type, "/catalog", id, payload);
    }

    /** Reads the topic from the start until {@code count} records with this key satisfy the filter. */
    static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count,
            Predicate<ConsumerRecord<String, String>> filter) {
        return kafka().awaitRecords(topic, KafkaProbe.keyed(key).and(filter), count, Duration.ofSeconds(30));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaProbe.header(record, name);
    }

    // --- PostgreSQL: what the service stored, read directly
    static long count(String sql, Object... parameters) {
        return ServiceUnderTest.database().count(sql, parameters);
    }

    /** Readiness events the service appended to its outbox for a drama (sent or not). */
    static long readinessRows(String dramaId) {
        return count("select count(*) from outbox_event where aggregateid = ? and type = 'io.microdrama.localization.readiness.changed.v1'",
                dramaId);
    }

    static boolean consumed(String eventId) {
        return count("select count(*) from inbox_message where event_id = ?", eventId) == 1;
    }

    // --- catalog's drama.published payload
    record Drama(String id, String studioId, String externalId, String originalLanguage) {
        static Drama of(String studioId, String originalLanguage) {
            return new Drama(UUID.randomUUID().toString(), studioId, "ext-" + UUID.randomUUID().toString().substring(0, 8),
                    originalLanguage);
        }

        /** The snapshot at a version: episodes with their lengths in seconds, licensed countries. */
        String published(long version, List<Integer> episodeSeconds, List<String> regions) {
            String episodes = IntStream.range(0, episodeSeconds.size())
                    .mapToObj(i -> "{\"number\":%d,\"title\":\"Episode %d\",\"durationSeconds\":%d}"
                            .formatted(i + 1, i + 1, episodeSeconds.get(i)))
                    .collect(Collectors.joining(","));
            String licences = regions.stream()
                    .map(region -> "{\"region\":\"%s\",\"validFrom\":\"2025-01-01T00:00:00Z\",\"validUntil\":null,\"exclusive\":false}"
                            .formatted(region))
                    .collect(Collectors.joining(","));
            return """
                    {"dramaId":"%s","dramaVersion":%d,"studioId":"%s","externalId":"%s","title":"The Contract Bride",
                     "originalLanguage":"%s","genres":["romance"],"pricingTier":"standard","localizations":{},
                     "episodes":[%s],"licences":[%s],"ageRatings":[],"publishedAt":"2026-01-01T00:00:00Z"}"""
                    .formatted(id, version, studioId, externalId, originalLanguage, episodes, licences);
        }

        String withdrawn(long version) {
            return """
                    {"dramaId":"%s","dramaVersion":%d,"studioId":"%s","withdrawnAt":"2026-02-01T00:00:00Z"}"""
                    .formatted(id, version, studioId);
        }
    }
}
