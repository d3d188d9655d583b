package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.StorefrontListing;
import io.microdrama.catalog.persistence.StorefrontChangeFeed;
import io.microdrama.catalog.persistence.StorefrontQueries;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The storefront read path: LIVE dramas of one country (no transaction: one read per call), served from
 * {@link StorefrontCache} as rendered bytes. The caller renders (the view is the API's); this class decides when
 * the database is asked: on a miss, after a change of the region was announced by {@link StorefrontChangeFeed}, or
 * when an entry has reached the cache's maximum age.
 */
@ApplicationScoped
public class StorefrontService {

    /** One page of a region's storefront as asked for: every input that changes the rendered bytes. */
    public record PageKey(String region, String genre, String language, String displayLanguage, int page, int size)
            implements StorefrontCache.Key {
    }

    /** One drama of a region's storefront in a display language. */
    public record DramaKey(String region, UUID dramaId, String displayLanguage) implements StorefrontCache.Key {
    }

    private final StorefrontQueries queries;
    private final Clock clock;
    private final StorefrontCache cache;
    private final StorefrontChangeFeed changes;

    public StorefrontService(StorefrontQueries queries, Clock clock, StorefrontCache cache, StorefrontChangeFeed changes) {
        this.queries = queries;
        this.clock = clock;
        this.cache = cache;
        this.changes = changes;
    }

    void start(@Observes StartupEvent startup) {
        listen();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        changes.close();
    }

    /** Drops cached answers of every region announced as changed (all of them after a reconnection). */
    public CompletionStage<Void> listen() {
        return changes.listen(cache::invalidateRegion, cache::invalidateAll);
    }

    /**
     * A page of LIVE dramas, newest first, rendered by {@code render} from the listings: {@code size + 1} of them, the
     * extra one telling whether another page exists without counting the whole region.
     */
    public Uni<StorefrontCache.Rendered> page(PageKey key, Function<List<StorefrontListing>, byte[]> render) {
        return cache.get(key, () -> queries.live(key.region(), clock.instant(), key.genre(), key.language(),
                        key.displayLanguage(), key.page() * key.size(), key.size() + 1)
                .map(listings -> StorefrontCache.Rendered.of(render.apply(listings))));
    }

    /** One LIVE drama of a region with its episodes, rendered; {@link StorefrontCache.Rendered#absent()} when not LIVE there. */
    public Uni<StorefrontCache.Rendered> drama(DramaKey key, Function<StorefrontListing.Detail, byte[]> render) {
        return cache.get(key, () -> queries.liveDrama(key.region(), key.dramaId(), clock.instant(), key.displayLanguage())
                .map(detail -> detail == null ? StorefrontCache.Rendered.ABSENT : StorefrontCache.Rendered.of(render.apply(detail))));
    }
}
