package io.microdrama.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** billing-service settings; each is set by an env var in application.properties. */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    Reference reference();

    Offers offers();

    Repricing repricing();

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

    interface Repricing {
        /** How often a round checks whether a sweep is due and goes on with it. */
        @WithDefault("1s")
        Duration interval();

        /** Dramas checked (and locked) per transaction. */
        @WithDefault("100")
        int batchSize();

        /**
         * Stored prices checked per second at most (so at most this many {@code billing.pricing.set} per second):
         * a change touching every storefront is spread out instead of flooding the outbox and its consumers.
         */
        @WithDefault("2000")
        int pricesPerSecond();

        /** Off only for tests that need prices to stay as stored. */
        @WithDefault("true")
        boolean enabled();
    }
}
