package io.microdrama.catalog.messaging;

import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Decoding shared by catalog's handlers. A message that cannot be decoded is poison: it is nacked at once, which
 * the channel's dead-letter-queue strategy sends to {@code <topic>.dlq.catalog}; no use case runs for it.
 */
final class IncomingAnswers {

    private static final Logger LOG = Logger.getLogger(IncomingAnswers.class);

    private IncomingAnswers() {
    }

    /** Decodes the message, then hands the typed payload to one use-case method (which acknowledges). */
    static <T> Uni<Void> decodeThen(Message<String> message, Function<IncomingEvent, T> decode,
            BiFunction<Message<String>, T, Uni<Void>> useCase) {
        T payload;
        try {
            payload = decode.apply(IncomingEvent.from(message));
        } catch (PoisonMessageException poison) {
            return deadLetter(message, poison);
        } catch (RuntimeException unreadable) {
            // e.g. a required nested object missing: no retry can make this payload readable.
            return deadLetter(message, new PoisonMessageException("payload cannot be decoded: " + unreadable, unreadable));
        }
        return useCase.apply(message, payload);
    }

    private static Uni<Void> deadLetter(Message<String> message, PoisonMessageException poison) {
        LOG.errorf("Message sent to the dead-letter topic: %s", poison.toString());
        return Uni.createFrom().completionStage(message.nack(poison));
    }

    /** Drama ids are UUIDs; anything else can never be applied, so it is poison rather than a retry. */
    static UUID dramaId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException("dramaId is not a UUID: " + id);
        }
    }
}
