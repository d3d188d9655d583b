package io.microdrama.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.contracts.events.ReadinessChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The one way every service's integration tests reach the real stack the devstack test resource started for the
 * app under test: real Keycloak tokens (one cache), the contracts' typed events produced to Kafka as the outbox
 * relays send them, "wait until the service consumed it", and direct reads of the service's database and topics.
 * Build events with {@link Events}.
 */
public final class Stack {

    /** How long any asynchronous effect may take before a test fails. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Tokens live 300 s in the dev realm; a cached one is replaced well before that. */
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(200);
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record CachedToken(String token, Instant fetchedAt) {
        boolean fresh() {
            return fetchedAt.plus(TOKEN_REUSE).isAfter(Instant.now());
        }
    }

    /** Where an event of each contract type travels, and who sends it. */
    private record Route(String topic, String type, String source) {
    }

    private Stack() {
    }

    // --- Keycloak: real tokens, cached per principal

    /** A studio's token by client credentials: {@code aurora} is client {@code studio-aurora}, secret {@code aurora-dev-secret}. */
    public static String studioToken(String studio) {
        return cached("studio-" + studio, () -> ServiceUnderTest.tokens().clientCredentials("studio-" + studio, studio + "-dev-secret"));
    }

    /** A demo user's token by password grant (ops-na, ops-eu, ops-apac, localizer-cjk, localizer-rtl, admin; password demo). */
    public static String userToken(String user) {
        return cached("user-" + user, () -> ServiceUnderTest.tokens().password(user, "demo"));
    }

    private static String cached(String principal, java.util.function.Supplier<String> fetch) {
        return TOKENS.compute(principal, (name, cached) -> cached != null && cached.fresh() ? cached
                : new CachedToken(fetch.get(), Instant.now())).token();
    }

    // --- events in: the contracts' records, sent as the producing service's relay sends them

    /** Sends a typed event (CloudEvents binary mode, key = drama id) with a new id; returns that id. */
    public static String send(Object event) {
        return send(event, UUID.randomUUID().toString(), Map.of());
    }

    /** The same with a chosen event id (to redeliver it) and further Kafka headers (a W3C traceparent, say). */
    public static String send(Object event, String eventId, Map<String, String> extraHeaders) {
        Route route = route(event);
        kafka().sendCloudEvent(route.topic(), dramaId(event), route.type(), route.source(), eventId, json(event),
                extraHeaders);
        return eventId;
    }

    /** A typed event on another topic of the same contract (catalog's bulk lane, say), with a chosen event id. */
    public static String sendOn(String topic, Object event, String eventId) {
        Route route = route(event);
        kafka().sendCloudEvent(topic, dramaId(event), route.type(), route.source(), eventId, json(event), Map.of());
        return eventId;
    }

    /** Sends a payload as given, for the malformed and hostile ones a typed event cannot express; returns the id. */
    public static String sendRaw(String topic, String key, String type, String source, String payload) {
        return sendRaw(topic, key, type, source, UUID.randomUUID().toString(), payload);
    }

    public static String sendRaw(String topic, String key, String type, String source, String eventId, String payload) {
        kafka().sendCloudEvent(topic, key, type, source, eventId, payload);
        return eventId;
    }

    /** Whether the service under test has consumed the event: its inbox row commits with the handler's effects. */
    public static boolean consumed(String eventId) {
        return count("select count(*) from inbox_message where event_id = ?", eventId) == 1;
    }

    /** Waits until the service under test has consumed the event, so that what it did (or did not) can be asserted. */
    public static void awaitConsumed(String eventId) {
        await("event " + eventId + " consumed").atMost(DEADLINE).until(() -> consumed(eventId));
    }

    // --- events out: the topics the services write

    /** Reads the topic from its start until {@code atLeast} records with this key arrived; fails after the deadline. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int atLeast) {
        return awaitRecords(topic, KafkaProbe.keyed(key), atLeast);
    }

    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching, int atLeast) {
        return awaitRecords(topic, matching, atLeast, DEADLINE);
    }

    /** The same with a longer deadline, for tests that stop the broker or drain a backlog. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching, int atLeast, Duration deadline) {
        return kafka().awaitRecords(topic, matching, atLeast, deadline);
    }

    /** Every record with this key once the consumer caught up: for "exactly N" after {@link #awaitRecords} saw N. */
    public static List<ConsumerRecord<String, String>> allRecords(String topic, String key) {
        return allRecords(topic, KafkaProbe.keyed(key));
    }

    public static List<ConsumerRecord<String, String>> allRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching) {
        return kafka().allRecords(topic, matching, DEADLINE);
    }

    /** A record's payload as the contract type it carries. */
    public static <T> T payload(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return JSON.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a " + type.getSimpleName() + ": " + record.value(), e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaProbe.header(record, name);
    }

    // --- the service's own database and broker

    public static long count(String sql, Object... parameters) {
        return database().count(sql, parameters);
    }

    public static DatabaseProbe database() {
        return ServiceUnderTest.database();
    }

    public static KafkaProbe kafka() {
        return ServiceUnderTest.kafka();
    }

    /** The JSON a service's relay would put on the wire for this event. */
    public static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Route route(Object event) {
        if (event instanceof DramaPublished) {
            return new Route(Topics.CATALOG_DRAMA, CloudEventTypes.DRAMA_PUBLISHED, CloudEventTypes.SOURCE_CATALOG);
        } else if (event instanceof DramaWithdrawn) {
            return new Route(Topics.CATALOG_DRAMA, CloudEventTypes.DRAMA_WITHDRAWN, CloudEventTypes.SOURCE_CATALOG);
        } else if (event instanceof ReadinessChanged) {
            return new Route(Topics.LOCALIZATION_READINESS, CloudEventTypes.READINESS_CHANGED, CloudEventTypes.SOURCE_LOCALIZATION);
        } else if (event instanceof PricingSet) {
            return new Route(Topics.BILLING_PRICING, CloudEventTypes.PRICING_SET, CloudEventTypes.SOURCE_BILLING);
        }
        throw new IllegalArgumentException("Not a contracts event: " + event.getClass().getName());
    }

    private static String dramaId(Object event) {
        if (event instanceof DramaPublished published) {
            return published.dramaId();
        } else if (event instanceof DramaWithdrawn withdrawn) {
            return withdrawn.dramaId();
        } else if (event instanceof ReadinessChanged readiness) {
            return readiness.dramaId();
        }
        return ((PricingSet) event).dramaId();
    }
}
