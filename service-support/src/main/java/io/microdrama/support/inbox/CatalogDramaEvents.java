package io.microdrama.support.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.smallrye.mutiny.Uni;

import java.util.function.Function;

/** The two event types on {@code catalog.drama.v1}, parsed for a consumer; any other type there is poison. */
public final class CatalogDramaEvents {

    private CatalogDramaEvents() {
    }

    public static Uni<Void> dispatch(IncomingEvent event, ObjectMapper json,
            Function<DramaPublished, Uni<Void>> onPublished, Function<DramaWithdrawn, Uni<Void>> onWithdrawn) {
        return switch (event.type()) {
            case CloudEventTypes.DRAMA_PUBLISHED -> onPublished.apply(event.payloadAs(json, DramaPublished.class));
            case CloudEventTypes.DRAMA_WITHDRAWN -> onWithdrawn.apply(event.payloadAs(json, DramaWithdrawn.class));
            default -> throw new PoisonMessageException("Unexpected event type on " + Topics.CATALOG_DRAMA + ": " + event.type());
        };
    }
}
