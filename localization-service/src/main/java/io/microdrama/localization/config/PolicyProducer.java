package io.microdrama.localization.config;

import io.microdrama.localization.domain.LanguagePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The region → language policy shipped with the service (reference/region-languages.csv). */
public class PolicyProducer {

    @Produces
    @ApplicationScoped
    LanguagePolicy languagePolicy() {
        return LanguagePolicy.shipped();
    }
}
