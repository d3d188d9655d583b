package io.microdrama.billing;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.testing.DatabaseProbe;
import io.microdrama.testing.KafkaProbe;
import io.microdrama.testing.ServiceUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * What the billing integration tests do to the real stack: catalog events produced to Kafka the way catalog's
 * relay sends them (CloudEvents binary mode, key = drama id), real Keycloak tokens, and direct reads of billing's
 * database and of {@code billing.pricing.v1}.
 */
final class BillingStack {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Tokens live 300 s in the realm; a cached one is replaced well before that. */
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(200);
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private record CachedToken(String token, Instant fetchedAt) {
    }

    private BillingStack() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // --- tokens: real ones from Keycloak (studios: client credentials; people: password grant)

    static String token(String user) {
        return TOKENS.compute(user, (name, cached) -> cached != null
                && cached.fetchedAt().plus(TOKEN_REUSE).isAfter(Instant.now()) ? cached : new CachedToken(switch (name) {
                    case "studio-aurora" -> tokens().clientCredentials("studio-aurora", "aurora-dev-secret");
                    case "studio-lotus" -> tokens().clientCredentials("studio-lotus", "lotus-dev-secret");
                    default -> tokens().password(name, "demo");
                }, Instant.now())).token();
    }

    private static KeycloakTokens tokens() {
        return ServiceUnderTest.tokens();
    }

    // --- catalog events

    /** A drama.published snapshot of an {@code episodes}-episode drama licensed in {@code regions}. */
    static String published(String dramaId, long version, String studioId, String tier, int episodes, List<String> regions) {
        String episodeList = IntStream.rangeClosed(1, episodes)
                .mapToObj(n -> "{\"number\":" + n + ",\"title\":\"Episode " + n + "\",\"durationSeconds\":90}")
                .collect(Collectors.joining(","));
        String licences = regions.stream()
                .map(region -> "{\"region\":\"" + region + "\",\"validFrom\":\"2025-01-01T00:00:00Z\",\"validUntil\":null,\"exclusive\":false}")
                .collect(Collectors.joining(","));
        return """
                {"dramaId":"%s","dramaVersion":%d,"studioId":"%s","externalId":"ext-%s","title":"Test drama",
                 "originalLanguage":"en","genres":["romance"],"pricingTier":"%s","localizations":{},
                 "episodes":[%s],"licences":[%s],"ageRatings":[],"publishedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(dramaId, version, studioId, dramaId, tier, episodeList, licences);
    }

    static String withdrawn(String dramaId, long version, String studioId) {
        return """
                {"dramaId":"%s","dramaVersion":%d,"studioId":"%s","withdrawnAt":"2026-01-02T00:00:00Z"}"""
                .formatted(dramaId, version, studioId);
    }

    /** Sends a catalog event with CloudEvents binary headers; returns its ce_id. */
    static String sendCatalogEvent(String dramaId, String type, String eventId, String payload) {
        return sendCatalogEvent(dramaId, type, eventId, payload, Map.of());
    }

    /** The same, with further Kafka headers (a W3C {@code traceparent}, say). */
    static String sendCatalogEvent(String dramaId, String type, String eventId, String payload,
            Map<String, String> extraHeaders) {
        kafka().sendCloudEvent(Topics.CATALOG_DRAMA, dramaId, type, CloudEventTypes.SOURCE_CATALOG, eventId, payload,
                extraHeaders);
        return eventId;
    }

    static String publish(String dramaId, long version, String tier, int episodes, List<String> regions) {
        return sendCatalogEvent(dramaId, CloudEventTypes.DRAMA_PUBLISHED, UUID.randomUUID().toString(),
                published(dramaId, version, "aurora", tier, episodes, regions));
    }

    /** Waits until billing has consumed the event (its inbox row is committed with the handler's effects). */
    static void awaitConsumed(String eventId) {
        await("event " + eventId + " consumed").atMost(DEADLINE)
                .until(() -> count("select count(*) from inbox_message where event_id = ?", eventId) == 1);
    }

    // --- billing's database

    static DatabaseProbe database() {
        return ServiceUnderTest.database();
    }

    static long count(String sql, Object... parameters) {
        return database().count(sql, parameters);
    }

    /** billing.pricing.set rows in the outbox for one drama: every event billing ever decided to send for it. */
    static long pricingEvents(String dramaId) {
        return count("select count(*) from outbox_event where aggregateid = ? and type = ?", dramaId,
                CloudEventTypes.PRICING_SET);
    }

    static long auditEntries(String dramaId) {
        return count("select count(*) from pricing_audit where drama_id = ?::uuid", dramaId);
    }

    // --- billing.pricing.v1

    /** Every record keyed {@code dramaId} on billing.pricing.v1, once at least {@code atLeast} have arrived. */
    static List<ConsumerRecord<String, String>> pricingRecords(String dramaId, int atLeast) {
        return kafka().awaitRecords(Topics.BILLING_PRICING, KafkaProbe.keyed(dramaId), atLeast, DEADLINE);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaProbe.header(record, name);
    }

    private static KafkaProbe kafka() {
        return ServiceUnderTest.kafka();
    }
}
