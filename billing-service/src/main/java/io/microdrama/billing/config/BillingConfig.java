package io.microdrama.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** billing-service settings; each is set by an env var in application.properties. */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    Reference reference();

    Offers offers();

    interface Reference {
        /** How often a replica checks whether another replica stored new reference-data versions. */
        @WithDefault("30s")
        Duration refreshInterval();
    }

    interface Offers {
        /** {@code Cache-Control: max-age} of the public offers; offers change at most daily or on an admin change. */
        @WithDefault("300")
        int cacheMaxAgeSeconds();
    }
}
