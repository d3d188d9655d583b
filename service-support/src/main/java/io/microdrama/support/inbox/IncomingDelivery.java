package io.microdrama.support.inbox;

import io.microdrama.support.config.EventingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        Decoded<T> decoded;
        try {
            decoded = decode(message, decode);
        } catch (PoisonMessageException poison) {
            return deadLetter(message, poison);
        }
        return attempt(decoded, useCase).onItem().transformToUni(failure -> failure == null
                ? Uni.createFrom().completionStage(message.ack())
                : deadLetter(message, failure));
    }

    /** A record read as a CloudEvent and decoded into what the use case takes. */
    public record Decoded<T>(Message<String> message, IncomingEvent event, T value) {
    }

    /**
     * The same rules for the records of one poll ({@code batch=true} channels), applied together: poison is
     * dead-lettered record by record, and everything else goes to {@code together} in one call (one transaction),
     * which waits out a database outage like {@link #handle}. If {@code together} fails otherwise (a record the use
     * case refuses, a deadlock), the records are applied {@code alone}, one after another with {@link #handle}'s
     * retries, so one bad record costs its own dead-lettering and nothing else. Acknowledging the batch is the caller's
     * (after this completes, every record is applied or dead-lettered).
     */
    public <T> Uni<Void> handleAll(List<? extends Message<String>> records, Function<IncomingEvent, T> decode,
            Function<List<Decoded<T>>, Uni<Void>> together, BiFunction<IncomingEvent, T, Uni<Void>> alone) {
        List<Decoded<T>> decoded = new ArrayList<>(records.size());
        List<Uni<Void>> poison = new ArrayList<>();
        for (Message<String> record : records) {
            try {
                decoded.add(decode(record, decode));
            } catch (PoisonMessageException e) {
                poison.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLettered = poison.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(poison).andCollectFailures().replaceWithVoid();
        if (decoded.isEmpty()) {
            return deadLettered;
        }
        Uni<Void> applied = waitOutOutages(Uni.createFrom().deferred(() -> together.apply(decoded)),
                decoded.size() + " " + decoded.get(0).event().type() + " events")
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("%d events could not be applied together, applying them one by one: %s", decoded.size(),
                            failure.toString());
                    return Multi.createFrom().iterable(decoded)
                            .onItem().transformToUniAndConcatenate(one -> attempt(one, alone).onItem().transformToUni(
                                    refused -> refused == null ? Uni.createFrom().voidItem() : deadLetter(one.message(), refused)))
                            .collect().last().replaceWithVoid();
                });
        return deadLettered.chain(() -> applied);
    }

    private static <T> Decoded<T> decode(Message<String> message, Function<IncomingEvent, T> decode) {
        try {
            IncomingEvent event = IncomingEvent.from(message);
            return new Decoded<>(message, event, decode.apply(event));
        } catch (PoisonMessageException poison) {
            throw poison;
        } catch (RuntimeException unreadable) {
            throw new PoisonMessageException("payload cannot be decoded: " + unreadable, unreadable);
        }
    }

    /** Runs the use case with the retry rules; the item is null when it succeeded, else the failure to dead-letter. */
    private <T> Uni<Throwable> attempt(Decoded<T> decoded, BiFunction<IncomingEvent, T, Uni<Void>> useCase) {
        IncomingEvent event = decoded.event();
        return waitOutOutages(Uni.createFrom().deferred(() -> useCase.apply(event, decoded.value())),
                event.type() + " " + event.id())
                .onFailure(IncomingDelivery::isTransient)
                .retry().withBackOff(initialBackoff, maxBackoff).atMost(maxAttempts - 1L)
                .onItemOrFailure().transform((ignored, failure) -> failure);
    }

    private Uni<Void> waitOutOutages(Uni<Void> work, String what) {
        return work
                .onFailure(DatabaseOutage::is).invoke(outage -> {
                    outageRetried.run();
                    LOG.warnf("Database out of reach while handling %s, retrying until it answers: %s", what, outage);
                })
                .onFailure(DatabaseOutage::is).retry().withBackOff(initialBackoff, maxBackoff).indefinitely();
    }

    static boolean isTransient(Throwable failure) {
        return !(failure instanceof PoisonMessageException);
    }

    private static Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        LOG.errorf("Message sent to the dead-letter topic: %s", reason.toString());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
