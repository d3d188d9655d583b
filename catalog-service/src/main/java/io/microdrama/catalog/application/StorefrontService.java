package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.StorefrontListing;
import io.microdrama.catalog.persistence.StorefrontQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The storefront read path: LIVE dramas of one country at this instant (no transaction: one read per call). */
@ApplicationScoped
public class StorefrontService {

    private final StorefrontQueries queries;
    private final Clock clock;

    public StorefrontService(StorefrontQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** A page of LIVE dramas, newest first; see {@link StorefrontQueries#live}. */
    public Uni<List<StorefrontListing>> live(String region, String genre, String language, String displayLanguage,
            int offset, int limit) {
        return queries.live(region, clock.instant(), genre, language, displayLanguage, offset, limit);
    }

    /** One LIVE drama of a region with its episodes, or null when it is not LIVE there. */
    public Uni<StorefrontListing.Detail> liveDrama(String region, UUID dramaId, String displayLanguage) {
        return queries.liveDrama(region, dramaId, clock.instant(), displayLanguage);
    }
}
