package io.microdrama.support.inbox;

import io.microdrama.support.config.EventingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How every consumer treats a message: it is read as a CloudEvent and handed to one use-case call. Poison
 * ({@link PoisonMessageException}, thrown while decoding) is nacked at once; the database out of reach
 * ({@link DatabaseOutage}) is waited out, retrying with backoff until it answers (the partition waits, in order);
 * any other failure is retried with backoff up to {@code eventing.consumer.max-attempts} in all, then nacked. A
 * nack goes to the channel's
 * {@code dead-letter-queue} failure strategy ({@code <topic>.dlq.<service>}, the reason in headers); the consumer
 * keeps running. Needs no database: the use case owns its transaction (see {@link Inbox}).
 */
@ApplicationScoped
public class IncomingDelivery {

    private static final Logger LOG = Logger.getLogger(IncomingDelivery.class);

    /**
     * Attempts that found the database out of reach and will be retried: rising while an outage lasts, so operators
     * see consumers waiting rather than failing.
     */
    public static final String OUTAGE_RETRIES = "eventing.consumer.database.outage.retries";

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private final Runnable outageRetried;

    @Inject
    public IncomingDelivery(EventingConfig config, MeterRegistry metrics) {
        this(config.consumer().maxAttempts(), config.consumer().initialBackoff(), config.consumer().maxBackoff(),
                metrics.counter(OUTAGE_RETRIES)::increment);
    }

    private IncomingDelivery(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Runnable outageRetried) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.outageRetried = outageRetried;
    }

    /** The same rule with explicit retries, for component tests of the handlers (no configuration needed). */
    public static IncomingDelivery retrying(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new IncomingDelivery(maxAttempts, initialBackoff, maxBackoff, () -> { });
    }

    /**
     * The one poison rule. {@code decode} reads the CloudEvent's payload into what the use case takes; any failure
     * there (not a CloudEvent, a payload that does not match the contract, an ill-formed id, an unknown type) can
     * never succeed, so the message is dead-lettered at once. Then {@code useCase} runs, and its failures are retried.
     */
    public <T> Uni<Void> handle(Message<String> message, Function<IncomingEvent, T> decode,
            BiFunction<IncomingEvent, T, Uni<Void>> useCase) {
        IncomingEvent event;
        T decoded;
        try {
            event = IncomingEvent.from(message);
            decoded = decode.apply(event);
        } catch (PoisonMessageException poison) {
            return deadLetter(message, poison);
        } catch (RuntimeException unreadable) {
            return deadLetter(message, new PoisonMessageException("payload cannot be decoded: " + unreadable, unreadable));
        }
        return Uni.createFrom().deferred(() -> useCase.apply(event, decoded))
                .onFailure(DatabaseOutage::is).invoke(outage -> {
                    outageRetried.run();
                    LOG.warnf("Database out of reach while handling %s %s, retrying until it answers: %s", event.type(),
                            event.id(), outage);
                })
                .onFailure(DatabaseOutage::is).retry().withBackOff(initialBackoff, maxBackoff).indefinitely()
                .onFailure(IncomingDelivery::isTransient)
                .retry().withBackOff(initialBackoff, maxBackoff).atMost(maxAttempts - 1L)
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
