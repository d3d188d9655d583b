package io.microdrama.support.inbox;

import io.vertx.pgclient.PgException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.EventLane;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.DefaultCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The one poison rule of every consumer: what cannot be decoded goes to the DLQ at once, the rest is retried. */
class IncomingDeliveryTest {

    private static final int MAX_ATTEMPTS = 5;
    private static final String DRAMA_ID = "0b6f8e8a-4a9e-4bd4-9c3f-8f7f1b0c2d11";

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final IncomingDelivery delivery = IncomingDelivery.retrying(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aValidEventIsDecodedHandedToTheUseCaseOnceAndAcknowledged() {
        Received received = deliver(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("\"" + DRAMA_ID + "\""));

        assertThat(received.acked()).isTrue();
        assertThat(received.nackReason()).isNull();
        assertThat(attempts).hasValue(1);
        assertThat(received.decoded()).singleElement()
                .isInstanceOfSatisfying(CatalogDramaEvent.Withdrawn.class,
                        event -> assertThat(event.dramaId()).isEqualTo(UUID.fromString(DRAMA_ID)));
    }

    @Test
    void aMalformedDramaIdIsPoisonAndDeadLetteredWithoutRetry() {
        assertPoison(deliver(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("\"not-a-uuid\"")), "dramaId is not a UUID");
        assertPoison(deliver(CloudEventTypes.DRAMA_PUBLISHED, "{\"dramaId\":\"42\",\"dramaVersion\":1}"),
                "dramaId is not a UUID");
    }

    @Test
    void aMissingDramaIdIsPoison() {
        assertPoison(deliver(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("null")), "has no dramaId");
    }

    @Test
    void malformedJsonIsPoison() {
        assertPoison(deliver(CloudEventTypes.DRAMA_WITHDRAWN, "{\"dramaId\": "), "does not match DramaWithdrawn");
    }

    @Test
    void anUnknownEventTypeIsPoison() {
        assertPoison(deliver("io.microdrama.catalog.drama.renamed", withdrawn("\"" + DRAMA_ID + "\"")),
                "Unexpected event type");
    }

    @Test
    void aMessageThatIsNotACloudEventIsPoisonAndNeverReachesTheUseCase() {
        Received received = new Received();
        Message<String> plain = Message.of("{}", Metadata.empty(), received::ack, received::nack);

        delivery.handle(plain, event -> event, (event, same) -> Uni.createFrom().voidItem().invoke(attempts::incrementAndGet))
                .await().atMost(Duration.ofSeconds(5));

        assertThat(attempts).hasValue(0);
        assertThat(received.nackReason()).isInstanceOf(PoisonMessageException.class);
    }

    @Test
    void aTransientFailureIsRetriedThenDeadLettered() {
        Received received = new Received();
        delivery.handle(message(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("\"" + DRAMA_ID + "\""), received), this::decode, (event, decoded) -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("a bug in the use case"));
        }).await().atMost(Duration.ofSeconds(5));

        assertThat(attempts).hasValue(MAX_ATTEMPTS);
        assertThat(received.acked()).isFalse();
        assertThat(received.nackReason()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransientFailureThatPassesOnRetryIsAcknowledged() {
        Received received = new Received();
        delivery.handle(message(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("\"" + DRAMA_ID + "\""), received), this::decode, (event, decoded) ->
                attempts.incrementAndGet() < 3 ? Uni.createFrom().failure(new IllegalStateException("deadlock"))
                        : Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(5));

        assertThat(attempts).hasValue(3);
        assertThat(received.acked()).isTrue();
    }

    @Test
    void theDatabaseOutOfReachIsWaitedOutNotDeadLettered() {
        // Far more failed attempts than max-attempts: a PostgreSQL restart, connections refused and then cut.
        int outageAttempts = MAX_ATTEMPTS * 3;
        Received received = new Received();
        delivery.handle(message(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("\"" + DRAMA_ID + "\""), received), this::decode, (event, decoded) -> {
            int attempt = attempts.incrementAndGet();
            if (attempt > outageAttempts) {
                return Uni.createFrom().voidItem();
            }
            Throwable outage = attempt % 2 == 0
                    ? new java.util.concurrent.CompletionException(new java.net.ConnectException("Connection refused"))
                    : new IllegalStateException("session failed", new PgException("the database system is starting up",
                            "FATAL", "57P03", null));
            return Uni.createFrom().failure(outage);
        }).await().atMost(Duration.ofSeconds(10));

        assertThat(attempts).hasValue(outageAttempts + 1);
        assertThat(received.acked()).isTrue();
        assertThat(received.nackReason()).isNull();
    }

    @Test
    void aFailureWhileTheDatabaseAnswersStillEndsInTheDeadLetterTopic() {
        Received received = new Received();
        delivery.handle(message(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("\"" + DRAMA_ID + "\""), received), this::decode, (event, decoded) -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new PgException("duplicate key value", "ERROR", "23505", null));
        }).await().atMost(Duration.ofSeconds(5));

        assertThat(attempts).hasValue(MAX_ATTEMPTS);
        assertThat(received.nackReason()).isInstanceOf(PgException.class);
    }

    @Test
    void outagesAreTheConnectionsNotTheWork() {
        assertThat(DatabaseOutage.is(new RuntimeException(new java.io.IOException("Connection reset")))).isTrue();
        assertThat(DatabaseOutage.is(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(DatabaseOutage.is(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null))).isTrue();
        assertThat(DatabaseOutage.is(new PgException("connection failure", "FATAL", "08006", null))).isTrue();
        // As the drill saw them: a transaction on a connection PostgreSQL cut, failing its rollback too.
        assertThat(DatabaseOutage.is(new io.smallrye.mutiny.CompositeException(
                new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED"),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection")))).isTrue();
        assertThat(DatabaseOutage.is(new RuntimeException(new io.vertx.core.impl.NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED")))).isTrue();
        assertThat(DatabaseOutage.is(new PgException("deadlock detected", "ERROR", "40P01", null))).isFalse();
        assertThat(DatabaseOutage.is(new IllegalArgumentException("bad value"))).isFalse();
        assertThat(DatabaseOutage.is(new PoisonMessageException("unreadable", null))).isFalse();
    }

    private void assertPoison(Received received, String reason) {
        assertThat(received.acked()).isFalse();
        assertThat(received.nackReason()).isInstanceOf(PoisonMessageException.class).hasMessageContaining(reason);
        assertThat(received.decoded()).isEmpty();
        assertThat(attempts).as("the use case never runs for poison").hasValue(0);
    }

    @Test
    void anyFailureWhileDecodingIsPoisonNotARetry() {
        Received received = new Received();
        delivery.handle(message(CloudEventTypes.DRAMA_WITHDRAWN, withdrawn("\"" + DRAMA_ID + "\""), received),
                event -> { throw new NullPointerException("episodeDisplayPrice"); },
                (event, decoded) -> Uni.createFrom().voidItem().invoke(attempts::incrementAndGet))
                .await().atMost(Duration.ofSeconds(5));

        assertPoison(received, "payload cannot be decoded");
    }

    private CatalogDramaEvent decode(IncomingEvent event) {
        return CatalogDramaEvents.decode(event, EventLane.INTERACTIVE, json);
    }

    /** Delivers one message to a use case that decodes it as a {@code catalog.drama.v1} event. */
    private Received deliver(String type, String payload) {
        Received received = new Received();
        delivery.handle(message(type, payload, received), this::decode, (event, decoded) -> {
            attempts.incrementAndGet();
            received.decoded().add(decoded);
            return Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(5));
        return received;
    }

    private static String withdrawn(String dramaIdJson) {
        return "{\"dramaId\":" + dramaIdJson + ",\"dramaVersion\":2,\"studioId\":\"studio-1\",\"withdrawnAt\":\"2026-01-01T00:00:00Z\"}";
    }

    private static Message<String> message(String type, String payload, Received received) {
        var cloudEvent = new DefaultIncomingCloudEventMetadata<>(new DefaultCloudEventMetadataBuilder<String>()
                .withId(UUID.randomUUID().toString()).withType(type).withSource(URI.create("/catalog"))
                .withSpecVersion("1.0").withData(payload).build());
        return Message.of(payload, Metadata.of(cloudEvent), received::ack, received::nack);
    }

    /** What the broker side saw: an ack, or a nack with its reason (the DLQ). */
    private static final class Received {
        private boolean acked;
        private Throwable nackReason;
        private final List<CatalogDramaEvent> decoded = new ArrayList<>();

        CompletableFuture<Void> ack() {
            acked = true;
            return CompletableFuture.completedFuture(null);
        }

        CompletableFuture<Void> nack(Throwable reason) {
            nackReason = reason;
            return CompletableFuture.completedFuture(null);
        }

        boolean acked() {
            return acked;
        }

        Throwable nackReason() {
            return nackReason;
        }

        List<CatalogDramaEvent> decoded() {
            return decoded;
        }
    }
}
