package io.microdrama.support.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.BiFunction;

/**
 * {@link IncomingDelivery} and {@link Inbox} in one call, for handlers that still run their queries themselves.
 * In the service shape the handler calls {@link IncomingDelivery} and its use case calls {@link Inbox}, so that
 * the messaging adapter holds no session.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final IncomingDelivery delivery;
    private final Inbox inbox;

    public IdempotentConsumer(IncomingDelivery delivery, Inbox inbox) {
        this.delivery = delivery;
        this.inbox = inbox;
    }

    public Uni<Void> consume(Message<String> message, String consumer,
            BiFunction<Mutiny.Session, IncomingEvent, Uni<Void>> handler) {
        return delivery.handle(message, event -> inbox.once(consumer, event, session -> handler.apply(session, event)));
    }
}
