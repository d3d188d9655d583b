package io.microdrama.support.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An outbox row as a Kafka record in CloudEvents binary mode, header for header what SmallRye's Kafka connector
 * wrote for the relay before it had a producer of its own ({@code ce_specversion}, {@code ce_id}, {@code ce_type},
 * {@code ce_source}, {@code content-type}, {@code ce_subject}, {@code ce_time}), so consumers and their
 * {@code IncomingCloudEventMetadata} see no difference. Key = aggregate id: one drama's events share a partition.
 */
final class OutboxRecords {

    static final String CONTENT_TYPE = "application/json";

    private OutboxRecords() {
    }

    static ProducerRecord<String, String> record(PendingEvent event, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.aggregateId(), event.payload());
        Headers headers = record.headers();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", event.id().toString());
        add(headers, "ce_type", event.type());
        add(headers, "ce_source", source);
        add(headers, "content-type", CONTENT_TYPE);
        add(headers, "ce_subject", event.aggregateId());
        add(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(event.timestamp().toInstant().atZone(ZoneOffset.UTC)));
        return record;
    }

    static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
