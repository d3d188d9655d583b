package io.microdrama.localization.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.localization.application.DramaPlanning;
import io.microdrama.support.inbox.CatalogDramaEvents;
import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.inbox.CatalogDramaEvent;
import io.microdrama.support.inbox.IncomingDelivery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;


/**
 * Catalog's drama events ({@code catalog.drama.v1}): decoded here, applied by {@link DramaPlanning} (at most once,
 * through the inbox). A message that is not a CloudEvent of ours, whose payload does not match the contract or whose
 * {@code dramaId} is not a UUID is poison: it is nacked at once, which the channel's dead-letter strategy sends to
 * {@code catalog.drama.v1.dlq.localization}, and nothing is retried or changed.
 */
@ApplicationScoped
public class DramaEventsHandler {

    private final IncomingDelivery delivery;
    private final DramaPlanning planning;
    private final ObjectMapper json;

    public DramaEventsHandler(IncomingDelivery delivery, DramaPlanning planning, ObjectMapper json) {
        this.delivery = delivery;
        this.planning = planning;
        this.json = json;
    }

    @Incoming("dramas")
    public Uni<Void> onMessage(Message<String> message) {
        return delivery.handle(message, event -> CatalogDramaEvents.decode(event, json), this::apply);
    }

    private Uni<Void> apply(IncomingEvent event, CatalogDramaEvent decoded) {
        if (decoded instanceof CatalogDramaEvent.Published published) {
            return planning.published(event, published.dramaId(), published.drama());
        }
        CatalogDramaEvent.Withdrawn withdrawn = (CatalogDramaEvent.Withdrawn) decoded;
        return planning.withdrawn(event, withdrawn.dramaId(), withdrawn.drama());
    }
}
