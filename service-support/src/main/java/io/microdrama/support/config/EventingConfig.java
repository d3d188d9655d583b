package io.microdrama.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Outbox relay and consumer settings; every value can be set by env var (EVENTING_RELAY_BATCH_SIZE, ...). */
@ConfigMapping(prefix = "eventing")
public interface EventingConfig {

    /** CloudEvents {@code source} of this service's events, e.g. {@code /catalog}. */
    String source();

    Relay relay();

    Consumer consumer();

    interface Relay {
        /** Rows published per relay round. */
        @WithDefault("100")
        int batchSize();

        /** Longest pause between rounds after repeated broker failures (the pause doubles from the poll interval). */
        @WithDefault("PT30S")
        Duration maxBackoff();

        /** How long sent rows are kept before pruning. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Consumer {
        /** Attempts for a transient failure (e.g. database unavailable) before the message goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT5S")
        Duration maxBackoff();
    }
}
