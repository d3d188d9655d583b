package io.microdrama.localization.messaging;

import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.EventLane;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.localization.application.DramaPlanning;
import io.microdrama.support.inbox.CatalogDramaEvent;
import io.microdrama.support.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incoming handler alone, without Kafka or a database: what it decodes reaches the use case, anything malformed is
 * nacked as poison (the channel's dead-letter strategy sends it to the DLQ) and never reaches the use case.
 */
class DramaEventsHandlerTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final UUID DRAMA = UUID.fromString("6f1c2a3e-0000-4000-8000-000000000001");

    /** The use case, recording what it was asked to do. */
    static class RecordingPlanning extends DramaPlanning {
        final List<Object> calls = new ArrayList<>();

        RecordingPlanning() {
            super(null, null, null, null, null, null, null);
        }

        final List<Integer> pollSizes = new ArrayList<>();

        @Override
        public Uni<Void> applyAll(List<IncomingDelivery.Decoded<CatalogDramaEvent>> events) {
            pollSizes.add(events.size());
            events.forEach(decoded -> apply(decoded.event(), decoded.value()));
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> apply(IncomingEvent event, CatalogDramaEvent decoded) {
            calls.add(decoded instanceof CatalogDramaEvent.Published published
                    ? List.of(published.dramaId(), published.drama())
                    : List.of(decoded.dramaId(), ((CatalogDramaEvent.Withdrawn) decoded).drama()));
            return Uni.createFrom().voidItem();
        }
    }

    final RecordingPlanning planning = new RecordingPlanning();
    final DramaEventsHandler handler = new DramaEventsHandler(
            IncomingDelivery.retrying(3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(5)), planning, JSON);
    final List<Throwable> nacked = new ArrayList<>();

    @Test
    void aPublishedDramaReachesTheUseCaseDecoded() throws Exception {
        DramaPublished published = published(DRAMA.toString());

        handler.onRecords(List.of(cloudEvent(CloudEventTypes.DRAMA_PUBLISHED, JSON.writeValueAsString(published))), EventLane.INTERACTIVE)
                .await().indefinitely();

        assertThat(nacked).isEmpty();
        assertThat(planning.calls).containsExactly(List.of(DRAMA, published));
    }

    @Test
    void aWithdrawnDramaReachesTheUseCaseDecoded() throws Exception {
        DramaWithdrawn withdrawn = new DramaWithdrawn(DRAMA.toString(), 3, "aurora", Instant.parse("2026-11-24T10:00:00Z"));

        handler.onRecords(List.of(cloudEvent(CloudEventTypes.DRAMA_WITHDRAWN, JSON.writeValueAsString(withdrawn))), EventLane.INTERACTIVE)
                .await().indefinitely();

        assertThat(nacked).isEmpty();
        assertThat(planning.calls).containsExactly(List.of(DRAMA, withdrawn));
    }

    @Test
    void aDramaIdThatIsNoUuidIsPoison() throws Exception {
        assertPoison(cloudEvent(CloudEventTypes.DRAMA_PUBLISHED, JSON.writeValueAsString(published("not-a-uuid"))),
                "dramaId is not a UUID");
    }

    @Test
    void aPayloadThatDoesNotMatchTheContractIsPoison() {
        assertPoison(cloudEvent(CloudEventTypes.DRAMA_PUBLISHED, "{\"dramaId\": [1, 2]"), "payload does not match");
        assertPoison(cloudEvent(CloudEventTypes.DRAMA_WITHDRAWN, "{\"dramaVersion\": null}"), "payload does not match");
    }

    @Test
    void anotherEventTypeOrNoCloudEventIsPoison() {
        assertPoison(cloudEvent("io.microdrama.catalog.drama.renamed", "{}"), "Unexpected event type");
        assertPoison(Message.of("{}", Metadata.empty(), () -> CompletableFuture.completedFuture(null), this::nack),
                "not a CloudEvent");
        assertPoison(cloudEvent(CloudEventTypes.DRAMA_PUBLISHED, " "), "has no payload");
    }

    @Test
    void theRecordsOfOnePollReachTheUseCaseTogetherInOrderWithoutThePoisonAmongThem() throws Exception {
        DramaPublished first = published(DRAMA.toString());
        DramaWithdrawn second = new DramaWithdrawn(DRAMA.toString(), 2, "aurora", Instant.parse("2026-11-24T10:00:00Z"));

        handler.onRecords(List.of(cloudEvent(CloudEventTypes.DRAMA_PUBLISHED, JSON.writeValueAsString(first)),
                cloudEvent(CloudEventTypes.DRAMA_PUBLISHED, JSON.writeValueAsString(published("not-a-uuid"))),
                cloudEvent(CloudEventTypes.DRAMA_WITHDRAWN, JSON.writeValueAsString(second))), EventLane.INTERACTIVE).await().indefinitely();

        assertThat(planning.pollSizes).containsExactly(2);
        assertThat(planning.calls).containsExactly(List.of(DRAMA, first), List.of(DRAMA, second));
        assertThat(nacked).singleElement().isInstanceOf(PoisonMessageException.class);
    }

    private void assertPoison(Message<String> message, String reason) {
        handler.onRecords(List.of(message), EventLane.INTERACTIVE).await().indefinitely();
        assertThat(planning.calls).isEmpty();
        assertThat(nacked).last().isInstanceOf(PoisonMessageException.class)
                .extracting(Throwable::getMessage).asString().contains(reason);
    }

    private CompletableFuture<Void> nack(Throwable reason) {
        nacked.add(reason);
        return CompletableFuture.completedFuture(null);
    }

    private Message<String> cloudEvent(String type, String payload) {
        DefaultIncomingCloudEventMetadata<String> cloudEvent = new DefaultIncomingCloudEventMetadata<>("1.0",
                UUID.randomUUID().toString(), URI.create("/catalog"), type, "application/json", null, DRAMA.toString(),
                null, Map.of(), payload);
        return Message.of(payload, Metadata.of(cloudEvent), () -> CompletableFuture.completedFuture(null), this::nack);
    }

    private static DramaPublished published(String dramaId) {
        return new DramaPublished(dramaId, 2, "aurora", "midnight-ceo", "Midnight CEO", "en", List.of("romance"),
                "STANDARD", Map.of(), List.of(new DramaPublished.Episode(1, "Pilot", 90)),
                List.of(new DramaPublished.Licence("DE", Instant.parse("2026-11-01T00:00:00Z"), null, false)), List.of(),
                Instant.parse("2026-11-24T09:00:00Z"));
    }
}
