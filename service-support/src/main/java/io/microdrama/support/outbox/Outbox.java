package io.microdrama.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction: the event exists if and only if the state
 * change committed. The row id becomes the CloudEvent id, which consumers use for deduplication. The row also
 * keeps the trace of the request or message that caused it, so the event continues that trace.
 * <p>
 * Appending also notifies {@value #NOTIFY_CHANNEL}: PostgreSQL delivers the notification when the transaction
 * commits (never if it rolls back, once per transaction however many rows), which wakes the relay of every replica
 * ({@link OutboxCommitListener}) within milliseconds instead of at its next poll.
 */
@ApplicationScoped
public class Outbox {

    /** The PostgreSQL channel a commit with new outbox rows notifies. */
    public static final String NOTIFY_CHANNEL = "outbox_event";
    private static final String NOTIFY_ON_COMMIT = "select 1 from pg_notify('" + NOTIFY_CHANNEL + "', '')";

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public Uni<OutboxEvent> append(Mutiny.Session session, String topic, String aggregateType, String aggregateId,
            String type, Object payload) {
        return persist(session, topic, aggregateType, aggregateId, type, payload).call(() -> notifyOnCommit(session));
    }

    private Uni<OutboxEvent> persist(Mutiny.Session session, String topic, String aggregateType, String aggregateId,
            String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
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
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> persist(session, event.topic(), event.aggregateType(),
                        event.aggregateId(), event.type(), event.payload()))
                .collect().last()
                .call(() -> notifyOnCommit(session))
                .replaceWithVoid();
    }

    // Delivered on commit only. Identical notifications of one transaction are folded into one by PostgreSQL.
    private static Uni<Void> notifyOnCommit(Mutiny.Session session) {
        return session.createNativeQuery(NOTIFY_ON_COMMIT, Integer.class).getSingleResult().replaceWithVoid();
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + payload.getClass(), e);
        }
    }
}
