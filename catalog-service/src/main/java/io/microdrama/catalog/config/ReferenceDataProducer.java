package io.microdrama.catalog.config;

import io.microdrama.catalog.domain.AgeRatingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Reference data shipped with the service, loaded once at startup (a broken file fails the start, not a request). */
public class ReferenceDataProducer {

    @Produces
    @ApplicationScoped
    AgeRatingPolicy ageRatingPolicy() {
        return AgeRatingPolicy.loadDefault();
    }
}
