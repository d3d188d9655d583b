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

    /** The topic this service's events go to (each outbox row names its topic; deploy's checks create this one). */
    String topic();

    /**
     * A second outbox topic of the same events, the bulk lane: catalog's {@code catalog.drama.bulk.v1}, and the answer
     * lanes {@code localization.readiness.bulk.v1} and {@code billing.pricing.bulk.v1}; absent in services with one lane.
     * Like {@link #topic()}, it is what deploy's checks create and grant.
     */
    Optional<String> bulkTopic();

    /**
     * The topic of the platform's audit trail, which every service writes ({@code AuditTrail}); the contract's
     * {@code platform.audit.v1}, set in the shared configuration.
     */
    String auditTopic();

    Relay relay();

    Consumer consumer();

    /** The outbox relay and its own Kafka producer ({@code kafka.bootstrap.servers}, {@code acks=all}, idempotent, transactional). */
    interface Relay {
        /**
         * Fallback poll: a round at least this often, for commits whose notification was missed (the relay is woken
         * by commits). Scheduler syntax ({@code 10s}, {@code 1h}); read by {@code @Scheduled}.
         */
        @WithDefault("10s")
        String pollInterval();

        /** Delay of the first scheduled poll and prune after start. */
        @WithDefault("3s")
        String initialDelay();

        /** How often sent rows older than the retention are deleted. */
        @WithDefault("1h")
        String pruneInterval();

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
