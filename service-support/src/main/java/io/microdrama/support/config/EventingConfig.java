package io.microdrama.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Outbox relay and consumer settings; every value can be set by env var (EVENTING_RELAY_BATCH_SIZE, ...). */
@ConfigMapping(prefix = "eventing")
public interface EventingConfig {

    /** CloudEvents {@code source} of this service's events, e.g. {@code /catalog}. */
    String source();

    Relay relay();

    Consumer consumer();

    /**
     * The relay's own Kafka producer ({@code kafka.bootstrap.servers}, {@code acks=all}, idempotent, transactional).
     * The fallback poll is {@code eventing.relay.poll-interval} (EVENTING_RELAY_POLL_INTERVAL, default 10s), read
     * by the scheduler.
     */
    interface Relay {
        /** Rows sent in one Kafka transaction and marked sent by one statement. */
        @WithDefault("500")
        int batchSize();

        /** Longest pause between rounds after repeated broker failures (the pause doubles from 1 s). */
        @WithDefault("PT30S")
        Duration maxBackoff();

        /** How long sent rows are kept before pruning. */
        @WithDefault("P7D")
        Duration retention();

        /**
         * Kafka {@code transactional.id} of the relay; one per service (all replicas share it, so a replica that
         * takes over fences a stalled one). Default: {@code <quarkus.application.name>-outbox-relay}.
         */
        Optional<String> transactionalId();

        /** Producer {@code linger.ms}: how long a send waits to fill a batch towards a partition. */
        @WithDefault("5")
        int lingerMs();

        /** Producer {@code batch.size} in bytes, per partition. */
        @WithDefault("262144")
        int producerBatchBytes();

        /** Producer {@code delivery.timeout.ms}: a batch not acknowledged by then fails the round (retried later). */
        @WithDefault("PT15S")
        Duration deliveryTimeout();
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
