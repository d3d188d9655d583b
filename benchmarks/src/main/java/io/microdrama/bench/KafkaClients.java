package io.microdrama.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.Properties;
import java.util.UUID;

/** Client settings the benchmarks share, so that what they read is what the services read. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * A consumer of its own group from the earliest offset that reads only committed records (the relay writes in Kafka
     * transactions; the services read {@code read_committed}), and waits at most 10 ms for a fetch to fill.
     */
    public static Properties readCommittedConsumer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}
