package io.microdrama.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.support.config.EventingConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction: the event exists if and only if the state
 * change committed. The row id becomes the CloudEvent id, which consumers use for deduplication. The row also
 * keeps the trace of the request or message that caused it, so the event continues that trace.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final Optional<String> bulkTopic;

    public Outbox(ObjectMapper json, Clock clock, EventingConfig config) {
        this.json = json;
        this.clock = clock;
        this.bulkTopic = config.bulkTopic();
    }

    public Uni<OutboxEvent> append(Mutiny.Session session, String topic, String aggregateType, String aggregateId,
            String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.bulk = bulkTopic.filter(topic::equals).isPresent();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.type = type;
        event.timestamp = clock.instant();
        event.payload = toJson(payload);
        event.tracingSpanContext = OutboxTraceContext.capture(io.opentelemetry.context.Context.current());
        return session.persist(event).replaceWith(event);
    }

    /** One event to append; see {@link #appendAll}. */
    public record Pending(String topic, String aggregateType, String aggregateId, String type, Object payload) {
    }

    /** Appends events in order, one after another: a reactive session runs one operation at a time. */
    public Uni<Void> appendAll(Mutiny.Session session, List<Pending> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> append(session, event.topic(), event.aggregateType(),
                        event.aggregateId(), event.type(), event.payload()))
                .collect().last()
                .replaceWithVoid();
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + payload.getClass(), e);
        }
    }
}
