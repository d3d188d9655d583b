package io.microdrama.catalog.config;

import io.microdrama.catalog.application.StorefrontCache;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The storefront's answer cache, sized by configuration (env STOREFRONT_CACHE_MAX_BYTES, STOREFRONT_CACHE_MAX_AGE). */
public class StorefrontCacheProducer {

    @Produces
    @Singleton
    StorefrontCache storefrontCache(@ConfigProperty(name = "catalog.storefront.cache.max-bytes") long maxBytes,
            @ConfigProperty(name = "catalog.storefront.cache.max-age") Duration maxAge) {
        return new StorefrontCache(maxBytes, maxAge);
    }
}
