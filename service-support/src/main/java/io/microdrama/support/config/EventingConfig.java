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
        /**
         * Rows claimed and sent per relay round, all in flight at once. At most the Kafka sink's
         * {@code max-inflight-messages} (1024 by default), above which the emitter would have to buffer.
         */
        @WithDefault("500")
        int batchSize();

        /**
         * Fallback poll: a commit wakes the relay at once (PostgreSQL NOTIFY), so this only covers a notification
         * lost while the listening connection was down, and another replica's crash in the middle of a round.
         */
        @WithDefault("10s")
        Duration pollInterval();

        /** Wait after start before the first round: the messaging channels are wired after the application starts. */
        @WithDefault("3s")
        Duration initialDelay();

        /** Pause after the first broker failure; it doubles after each further failed round up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest pause between rounds after repeated broker failures. */
        @WithDefault("30s")
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
