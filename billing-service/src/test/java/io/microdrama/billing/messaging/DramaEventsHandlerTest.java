package io.microdrama.billing.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.billing.application.DramaPricing;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.EventLane;
import io.microdrama.support.inbox.CatalogDramaEvent;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.PoisonMessageException;
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

import static org.assertj.core.api.Assertions.assertThat;

/** billing's catalog.drama.v1 handler without infrastructure: a fake use case, messages built in memory. */
class DramaEventsHandlerTest {

    private static final int MAX_ATTEMPTS = 5;

    private final List<CatalogDramaEvent> applied = new ArrayList<>();
    private final List<List<CatalogDramaEvent>> appliedTogether = new ArrayList<>();
    private boolean refuseTogether;
    private String refusedAlone;
    private final DramaPricing pricing = new DramaPricing(null, null, null, null, null) {
        @Override
        public Uni<Void> applyAll(List<IncomingDelivery.Decoded<CatalogDramaEvent>> events) {
            if (refuseTogether) {
                return Uni.createFrom().failure(new IllegalStateException("refused together"));
            }
            List<CatalogDramaEvent> batch = events.stream().map(IncomingDelivery.Decoded::value).toList();
            appliedTogether.add(batch);
            applied.addAll(batch);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> apply(CatalogDramaEvent event) {
            if (event.dramaId().toString().equals(refusedAlone)) {
                return Uni.createFrom().failure(new IllegalStateException("refused alone"));
            }
            applied.add(event);
            return Uni.createFrom().voidItem();
        }
    };
    private final DramaEventsHandler handler = new DramaEventsHandler(IncomingDelivery.retrying(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5)),
            new ObjectMapper().findAndRegisterModules().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false),
            pricing);

    @Test
    void aPublicationIsDecodedAndHandedToTheUseCaseOnce() {
        String dramaId = UUID.randomUUID().toString();
        Outcome outcome = deliver(CloudEventTypes.DRAMA_PUBLISHED, published(dramaId));

        assertThat(outcome.nackReason).isNull();
        assertThat(applied).singleElement().isInstanceOfSatisfying(CatalogDramaEvent.Published.class, event -> {
            assertThat(event.dramaId()).isEqualTo(UUID.fromString(dramaId));
            assertThat(event.drama().licences()).extracting(licence -> licence.region()).containsExactly("DE", "FR");
            assertThat(event.drama().episodes()).hasSize(2);
        });
    }

    @Test
    void aWithdrawalIsHandedToTheUseCase() {
        String dramaId = UUID.randomUUID().toString();
        Outcome outcome = deliver(CloudEventTypes.DRAMA_WITHDRAWN,
                "{\"dramaId\":\"" + dramaId + "\",\"dramaVersion\":3,\"studioId\":\"aurora\",\"withdrawnAt\":\"2026-01-02T00:00:00Z\"}");

        assertThat(outcome.nackReason).isNull();
        assertThat(applied).singleElement().isInstanceOf(CatalogDramaEvent.Withdrawn.class);
    }

    @Test
    void aMalformedDramaIdIsPoisonAndNeverReachesTheUseCase() {
        Outcome outcome = deliver(CloudEventTypes.DRAMA_PUBLISHED, published("not-a-uuid"));

        assertThat(outcome.nackReason).isInstanceOf(PoisonMessageException.class).hasMessageContaining("dramaId is not a UUID");
        assertThat(applied).isEmpty();
    }

    @Test
    void malformedJsonIsPoison() {
        Outcome outcome = deliver(CloudEventTypes.DRAMA_PUBLISHED, "{\"dramaId\":");

        assertThat(outcome.nackReason).isInstanceOf(PoisonMessageException.class);
        assertThat(applied).isEmpty();
    }

    @Test
    void theRecordsOfOnePollArePricedTogetherAndOnlyThePoisonAmongThemIsDeadLettered() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Outcome poison = new Outcome();

        handler.onRecords(List.of(message(CloudEventTypes.DRAMA_PUBLISHED, published(first), new Outcome()),
                message(CloudEventTypes.DRAMA_PUBLISHED, published("not-a-uuid"), poison),
                message(CloudEventTypes.DRAMA_PUBLISHED, published(second), new Outcome())), EventLane.INTERACTIVE)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(poison.nackReason).isInstanceOf(PoisonMessageException.class);
        assertThat(appliedTogether).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(event -> event.dramaId().toString()).containsExactly(first, second));
    }

    @Test
    void whenThePollCannotBePricedTogetherEachEventIsAppliedAloneAndOnlyTheOneRefusedIsDeadLettered() {
        String first = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        refuseTogether = true;
        refusedAlone = refused;
        Outcome refusedOutcome = new Outcome();
        Outcome firstOutcome = new Outcome();

        handler.onRecords(List.of(message(CloudEventTypes.DRAMA_PUBLISHED, published(first), firstOutcome),
                message(CloudEventTypes.DRAMA_PUBLISHED, published(refused), refusedOutcome),
                message(CloudEventTypes.DRAMA_PUBLISHED, published(third), new Outcome())), EventLane.INTERACTIVE)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(appliedTogether).isEmpty();
        assertThat(applied).extracting(event -> event.dramaId().toString()).containsExactly(first, third);
        assertThat(refusedOutcome.nackReason).hasMessageContaining("refused alone");
        assertThat(firstOutcome.nackReason).isNull();
    }

    private Outcome deliver(String type, String payload) {
        Outcome outcome = new Outcome();
        handler.onRecords(List.of(message(type, payload, outcome)), EventLane.INTERACTIVE).await().atMost(Duration.ofSeconds(5));
        return outcome;
    }

    private static Message<String> message(String type, String payload, Outcome outcome) {
        var cloudEvent = new DefaultIncomingCloudEventMetadata<>(new DefaultCloudEventMetadataBuilder<String>()
                .withId(UUID.randomUUID().toString()).withType(type).withSource(URI.create(CloudEventTypes.SOURCE_CATALOG))
                .withSpecVersion("1.0").withData(payload).build());
        return Message.of(payload, Metadata.of(cloudEvent), outcome::ack, outcome::nack);
    }

    private static String published(String dramaId) {
        return """
                {"dramaId":"%s","dramaVersion":1,"studioId":"aurora","externalId":"ext-1","title":"Test drama",
                 "originalLanguage":"en","genres":["romance"],"pricingTier":"standard","localizations":{},
                 "episodes":[{"number":1,"title":"One","durationSeconds":90},{"number":2,"title":"Two","durationSeconds":90}],
                 "licences":[{"region":"DE","validFrom":"2025-01-01T00:00:00Z","validUntil":null,"exclusive":false},
                             {"region":"FR","validFrom":"2025-01-01T00:00:00Z","validUntil":null,"exclusive":false}],
                 "ageRatings":[],"publishedAt":"2026-01-01T00:00:00Z"}""".formatted(dramaId);
    }

    /** What the broker side saw of one record: a nack with its reason (the dead-letter topic); the poll is acked whole. */
    private static final class Outcome {
        Throwable nackReason;

        CompletableFuture<Void> ack() {
            return CompletableFuture.completedFuture(null);
        }

        CompletableFuture<Void> nack(Throwable reason) {
            nackReason = reason;
            return CompletableFuture.completedFuture(null);
        }
    }
}
