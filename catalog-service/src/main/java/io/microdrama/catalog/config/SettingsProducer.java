package io.microdrama.catalog.config;

import io.microdrama.catalog.application.StorefrontCache;
import io.microdrama.catalog.domain.PublicationLanes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Plain classes built from configuration, so that they need no framework types themselves. */
public class SettingsProducer {

    /** The storefront's answer cache (env STOREFRONT_CACHE_MAX_BYTES, STOREFRONT_CACHE_MAX_AGE). */
    @Produces
    @Singleton
    StorefrontCache storefrontCache(@ConfigProperty(name = "catalog.storefront.cache.max-bytes") long maxBytes,
            @ConfigProperty(name = "catalog.storefront.cache.max-age") Duration maxAge) {
        return new StorefrontCache(maxBytes, maxAge);
    }

    /** When a studio's publications take the bulk lane (env CATALOG_BULK_LANE_THRESHOLD, CATALOG_BULK_LANE_WINDOW). */
    @Produces
    @Singleton
    PublicationLanes publicationLanes(@ConfigProperty(name = "catalog.bulk-lane.threshold") int threshold,
            @ConfigProperty(name = "catalog.bulk-lane.window") Duration window) {
        return new PublicationLanes(threshold, window);
    }
}
