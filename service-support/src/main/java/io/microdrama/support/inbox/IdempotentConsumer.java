package io.microdrama.support.inbox;

import io.microdrama.support.config.EventingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.function.BiFunction;

/**
 * Runs a handler at most once per CloudEvent id and consumer.
 * <p>
 * The inbox row is inserted first, in the same transaction as the handler's effects (and any outbox rows it
 * appends): a duplicate finds the row, does nothing and is acknowledged. Transient failures are retried with
 * backoff; poison messages and exhausted retries are nacked, which the channel's {@code dead-letter-queue}
 * failure strategy sends to {@code <topic>.dlq.<service>} with the reason in headers; the consumer keeps running.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Mutiny.SessionFactory sessions;
    private final EventingConfig config;

    public IdempotentConsumer(Mutiny.SessionFactory sessions, EventingConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    public Uni<Void> consume(Message<String> message, String consumer,
            BiFunction<Mutiny.Session, IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (PoisonMessageException poison) {
            return deadLetter(message, poison);
        }
        EventingConfig.Consumer retry = config.consumer();
        return sessions.withTransaction(session -> firstDelivery(session, consumer, event)
                        .flatMap(first -> first ? handler.apply(session, event) : skipDuplicate(consumer, event)))
                .onFailure(failure -> !(failure instanceof PoisonMessageException))
                .retry().withBackOff(retry.initialBackoff(), retry.maxBackoff()).atMost(retry.maxAttempts() - 1L)
                .onItemOrFailure().transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : deadLetter(message, failure));
    }

    private Uni<Boolean> firstDelivery(Mutiny.Session session, String consumer, IncomingEvent event) {
        return session.createNativeQuery("insert into inbox_message (consumer, event_id, event_type, received_at) "
                        + "values (:consumer, :id, :type, now()) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    private static Uni<Void> skipDuplicate(String consumer, IncomingEvent event) {
        LOG.debugf("%s: duplicate event %s (%s) skipped", consumer, event.id(), event.type());
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        LOG.errorf("Message sent to the dead-letter topic: %s", reason.toString());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
