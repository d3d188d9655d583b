package io.microdrama.support.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.EventLane;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;

/**
 * The two event types on {@code catalog.drama.v1} and its bulk lane, decoded for a consumer. Poison
 * ({@link PoisonMessageException}): any other type, a payload that does not match the contract, a missing or ill-formed
 * {@code dramaId}.
 */
public final class CatalogDramaEvents {

    private CatalogDramaEvents() {
    }

    /** {@code lane}: the lane of the topic {@code event} came on, which the consumer's answers about the drama take. */
    public static CatalogDramaEvent decode(IncomingEvent event, EventLane lane, ObjectMapper json) {
        return switch (event.type()) {
            case CloudEventTypes.DRAMA_PUBLISHED -> {
                DramaPublished published = event.payloadAs(json, DramaPublished.class);
                yield new CatalogDramaEvent.Published(event, lane, event.requireUuid("dramaId", published.dramaId()), published);
            }
            case CloudEventTypes.DRAMA_WITHDRAWN -> {
                DramaWithdrawn withdrawn = event.payloadAs(json, DramaWithdrawn.class);
                yield new CatalogDramaEvent.Withdrawn(event, lane, event.requireUuid("dramaId", withdrawn.dramaId()), withdrawn);
            }
            default -> throw new PoisonMessageException("Unexpected event type on " + lane.dramaTopic() + ": " + event.type());
        };
    }
}
