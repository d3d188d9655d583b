package io.microdrama.catalog.config;

import io.microdrama.catalog.domain.PublicationLanes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** When a studio's publications take the bulk lane (env CATALOG_BULK_LANE_THRESHOLD, CATALOG_BULK_LANE_WINDOW). */
public class PublicationLanesProducer {

    @Produces
    @Singleton
    PublicationLanes publicationLanes(@ConfigProperty(name = "catalog.bulk-lane.threshold") int threshold,
            @ConfigProperty(name = "catalog.bulk-lane.window") Duration window) {
        return new PublicationLanes(threshold, window);
    }
}
