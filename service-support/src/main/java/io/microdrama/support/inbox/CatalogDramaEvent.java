package io.microdrama.support.inbox;

import io.microdrama.contracts.EventLane;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;

import java.util.UUID;

/** An event of {@code catalog.drama.v1} or its bulk lane, decoded and checked (see {@link CatalogDramaEvents#decode}). */
public sealed interface CatalogDramaEvent {

    /** The CloudEvent it came in (its id is the inbox key). */
    IncomingEvent envelope();

    /** The lane it came on: answers about the drama take the same one ({@link EventLane}). */
    EventLane lane();

    /** The payload's {@code dramaId}, known to be a UUID. */
    UUID dramaId();

    record Published(IncomingEvent envelope, EventLane lane, UUID dramaId, DramaPublished drama) implements CatalogDramaEvent {
    }

    record Withdrawn(IncomingEvent envelope, EventLane lane, UUID dramaId, DramaWithdrawn drama) implements CatalogDramaEvent {
    }
}
