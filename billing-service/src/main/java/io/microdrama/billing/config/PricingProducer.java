package io.microdrama.billing.config;

import io.microdrama.billing.domain.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The pricing reference data shipped with the service (src/main/resources/reference). */
public class PricingProducer {

    @Produces
    @ApplicationScoped
    Pricing pricing() {
        return Pricing.loadDefault();
    }
}
