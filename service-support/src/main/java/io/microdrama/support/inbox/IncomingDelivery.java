package io.microdrama.support.inbox;

import io.microdrama.support.config.EventingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * How every consumer treats a message: it is read as a CloudEvent and handed to one use-case call. Poison
 * ({@link PoisonMessageException}, thrown while decoding) is nacked at once; any other failure is retried with
 * backoff up to {@code eventing.consumer.max-attempts} in all, then nacked. A nack goes to the channel's
 * {@code dead-letter-queue} failure strategy ({@code <topic>.dlq.<service>}, the reason in headers); the consumer
 * keeps running. Needs no database: the use case owns its transaction (see {@link Inbox}).
 */
@ApplicationScoped
public class IncomingDelivery {

    private static final Logger LOG = Logger.getLogger(IncomingDelivery.class);

    private final EventingConfig config;

    public IncomingDelivery(EventingConfig config) {
        this.config = config;
    }

    /**
     * @param useCase decodes the event's payload (throwing {@link PoisonMessageException} when it cannot) and runs
     *                the use case; called again on each retry
     */
    public Uni<Void> handle(Message<String> message, Function<IncomingEvent, Uni<Void>> useCase) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (PoisonMessageException poison) {
            return deadLetter(message, poison);
        }
        EventingConfig.Consumer retry = config.consumer();
        return Uni.createFrom().deferred(() -> useCase.apply(event))
                .onFailure(IncomingDelivery::isTransient)
                .retry().withBackOff(retry.initialBackoff(), retry.maxBackoff()).atMost(retry.maxAttempts() - 1L)
                .onItemOrFailure().transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : deadLetter(message, failure));
    }

    static boolean isTransient(Throwable failure) {
        return !(failure instanceof PoisonMessageException);
    }

    private static Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        LOG.errorf("Message sent to the dead-letter topic: %s", reason.toString());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
