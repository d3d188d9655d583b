package io.microdrama.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A test's hands on a real Kafka broker: produce CloudEvents the way the services' outbox relays do (binary mode,
 * key = subject), and read a topic from its start with a fresh consumer group, waiting with a deadline.
 */
public final class KafkaProbe {

    private final String bootstrapServers;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends one CloudEvent: {@code ce_*} headers, JSON content, {@code key} as key and subject. */
    public void sendCloudEvent(String topic, String key, String type, String source, String id, String payload) {
        sendCloudEvent(topic, key, type, source, id, payload, Map.of());
    }

    /** The same with further headers, such as a W3C {@code traceparent}. */
    public void sendCloudEvent(String topic, String key, String type, String source, String id, String payload,
            Map<String, String> extraHeaders) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("ce_specversion", utf8("1.0"))
                .add("ce_id", utf8(id))
                .add("ce_type", utf8(type))
                .add("ce_source", utf8(source))
                .add("ce_subject", utf8(key))
                .add("content-type", utf8("application/json"));
        extraHeaders.forEach((name, value) -> record.headers().add(name, utf8(value)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + type + " to " + topic, e);
        }
    }

    /** Reads {@code topic} from the start until {@code atLeast} records match; fails after the deadline. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> matching,
            int atLeast, Duration deadline) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            await(atLeast + " matching records on " + topic).atMost(deadline).until(() -> {
                collect(consumer.poll(Duration.ofMillis(200)), matching, found);
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    /**
     * Every matching record on {@code topic}, read until the consumer has caught up (three empty polls after its
     * partitions were assigned): for "exactly N" checks once {@link #awaitRecords} has seen N.
     */
    public List<ConsumerRecord<String, String>> allRecords(String topic, Predicate<ConsumerRecord<String, String>> matching,
            Duration deadline) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            int[] emptyPolls = { 0 };
            await("the end of " + topic).atMost(deadline).until(() -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                collect(records, matching, found);
                emptyPolls[0] = records.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls[0] + 1 : 0;
                return emptyPolls[0] >= 3;
            });
        }
        return found;
    }

    /** A header's value as text, or null when the record has none of that name. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, String>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                // As the services read: records of an aborted relay transaction are not there.
                "isolation.level", "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void collect(ConsumerRecords<String, String> records, Predicate<ConsumerRecord<String, String>> matching,
            List<ConsumerRecord<String, String>> found) {
        records.forEach(record -> {
            if (matching.test(record)) {
                found.add(record);
            }
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
