package io.microdrama.support.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's records carry the CloudEvents binary-mode headers SmallRye's Kafka connector wrote before. */
class OutboxRecordsTest {

    @Test
    void aRowBecomesABinaryModeCloudEventKeyedByItsAggregate() {
        UUID id = UUID.randomUUID();
        PendingEvent event = new PendingEvent(id, "catalog.drama.v1", "drama-1", "io.microdrama.catalog.drama.published.v1",
                OffsetDateTime.of(2026, 12, 3, 9, 30, 15, 123_456_000, ZoneOffset.ofHours(2)), "{\"a\":1}", null);

        ProducerRecord<String, String> record = OutboxRecords.record(event, "/catalog");

        assertThat(record.topic()).isEqualTo("catalog.drama.v1");
        assertThat(record.key()).isEqualTo("drama-1");
        assertThat(record.value()).isEqualTo("{\"a\":1}");
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", id.toString()),
                Map.entry("ce_type", "io.microdrama.catalog.drama.published.v1"),
                Map.entry("ce_source", "/catalog"),
                Map.entry("content-type", "application/json"),
                Map.entry("ce_subject", "drama-1"),
                Map.entry("ce_time", "2026-12-03T07:30:15.123456Z"));
    }
}
