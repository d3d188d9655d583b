package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.Drama;
import io.microdrama.contracts.EventLane;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every event catalog produces, built here only, from the drama aggregate (the full snapshot on every publication). */
public final class DramaEvents {

    public static final String TOPIC = Topics.CATALOG_DRAMA;
    public static final String BULK_TOPIC = Topics.CATALOG_DRAMA_BULK;
    public static final String AGGREGATE = "drama";
    public static final String PUBLISHED = CloudEventTypes.DRAMA_PUBLISHED;
    public static final String WITHDRAWN = CloudEventTypes.DRAMA_WITHDRAWN;

    private DramaEvents() {
    }

    /** The topic of the drama's events: the one of its lane. */
    public static String topic(Drama drama) {
        return drama.eventLane == EventLane.BULK ? BULK_TOPIC : TOPIC;
    }

    public static DramaPublished published(Drama drama, Instant now) {
        return new DramaPublished(drama.id.toString(), drama.dramaVersion, drama.studioId, drama.externalId,
                drama.title, drama.originalLanguage, drama.genres, drama.pricingTier,
                drama.localizations.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> new DramaPublished.LocalizedText(entry.getValue().title(), entry.getValue().synopsis()))),
                drama.episodes.stream().map(e -> new DramaPublished.Episode(e.number(), e.title(), e.durationSeconds())).toList(),
                drama.licences.stream().map(l -> new DramaPublished.Licence(l.region(), l.validFrom(), l.validUntil(), l.exclusive())).toList(),
                drama.ageRatings.stream().map(r -> new DramaPublished.AgeRating(r.region(), r.system(), r.value())).toList(),
                now);
    }

    public static DramaWithdrawn withdrawn(Drama drama, Instant now) {
        return new DramaWithdrawn(drama.id.toString(), drama.dramaVersion, drama.studioId, now);
    }
}
