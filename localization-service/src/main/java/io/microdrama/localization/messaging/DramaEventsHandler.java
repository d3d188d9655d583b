package io.microdrama.localization.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.localization.application.DramaPlanning;
import io.microdrama.support.inbox.CatalogDramaEvents;
import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Catalog's drama events ({@code catalog.drama.v1}): decoded here, applied by {@link DramaPlanning} (at most once,
 * through the inbox). A message that is not a CloudEvent of ours, whose payload does not match the contract or whose
 * {@code dramaId} is not a UUID is poison: it is nacked at once, which the channel's dead-letter strategy sends to
 * {@code catalog.drama.v1.dlq.localization}, and nothing is retried or changed.
 */
@ApplicationScoped
public class DramaEventsHandler {

    private static final Logger LOG = Logger.getLogger(DramaEventsHandler.class);

    private final DramaPlanning planning;
    private final ObjectMapper json;

    public DramaEventsHandler(DramaPlanning planning, ObjectMapper json) {
        this.planning = planning;
        this.json = json;
    }

    @Incoming("dramas")
    public Uni<Void> onMessage(Message<String> message) {
        try {
            return CatalogDramaEvents.dispatch(IncomingEvent.from(message), json,
                    published -> planning.published(message, dramaId(published.dramaId()), published),
                    withdrawn -> planning.withdrawn(message, dramaId(withdrawn.dramaId()), withdrawn));
        } catch (PoisonMessageException poison) {
            LOG.errorf("Message sent to the dead-letter topic: %s", poison.toString());
            return Uni.createFrom().completionStage(message.nack(poison));
        }
    }

    private static UUID dramaId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException("dramaId is not a UUID: " + id);
        }
    }
}
