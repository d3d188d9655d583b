package io.microdrama.support.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.smallrye.mutiny.Uni;

import java.util.function.Function;

/**
 * The two event types on {@code catalog.drama.v1}, decoded for a consumer. Poison ({@link PoisonMessageException}):
 * any other type, a payload that does not match the contract, a missing or ill-formed {@code dramaId}.
 */
public final class CatalogDramaEvents {

    private CatalogDramaEvents() {
    }

    public static CatalogDramaEvent decode(IncomingEvent event, ObjectMapper json) {
        return switch (event.type()) {
            case CloudEventTypes.DRAMA_PUBLISHED -> {
                DramaPublished published = event.payloadAs(json, DramaPublished.class);
                yield new CatalogDramaEvent.Published(event, event.requireUuid("dramaId", published.dramaId()), published);
            }
            case CloudEventTypes.DRAMA_WITHDRAWN -> {
                DramaWithdrawn withdrawn = event.payloadAs(json, DramaWithdrawn.class);
                yield new CatalogDramaEvent.Withdrawn(event, event.requireUuid("dramaId", withdrawn.dramaId()), withdrawn);
            }
            default -> throw new PoisonMessageException("Unexpected event type on " + Topics.CATALOG_DRAMA + ": " + event.type());
        };
    }

    /** Decodes {@code event} (see {@link #decode}) and hands its payload to the matching function. */
    public static Uni<Void> dispatch(IncomingEvent event, ObjectMapper json,
            Function<DramaPublished, Uni<Void>> onPublished, Function<DramaWithdrawn, Uni<Void>> onWithdrawn) {
        CatalogDramaEvent decoded = decode(event, json);
        if (decoded instanceof CatalogDramaEvent.Published published) {
            return onPublished.apply(published.drama());
        }
        return onWithdrawn.apply(((CatalogDramaEvent.Withdrawn) decoded).drama());
    }
}
