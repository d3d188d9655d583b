package io.microdrama.catalog;

import io.microdrama.contracts.Topics;
import io.microdrama.devstack.KafkaOutage;
import io.microdrama.testing.Stack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.testing.Stack.awaitRecords;
import static io.microdrama.testing.Stack.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay is woken by commits and sends pipelined batches (issue 17). The catalog tests run with the fallback poll at
 * one hour ({@code %test.eventing.relay.poll-interval}), so whatever reaches Kafka here was sent because a commit
 * woke the relay (or a round drained on behind a full batch, or retried after a failure), never by the poll.
 */
@QuarkusTest
class OutboxWakeIT {

    @Test
    void theFallbackPollIsAnHourInTheseTests() {
        assertThat(ConfigProvider.getConfig().getValue("eventing.relay.poll-interval", String.class)).isEqualTo("1h");
    }

    /** A studio publishes; the commit wakes the relay and the event is on the topic well before any poll. */
    @Test
    void aPublicationReachesTheTopicThroughTheWakeUpAlone() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("wake");
        given().auth().oauth2(aurora).contentType(ContentType.JSON)
                .body(drama("Woken", 1, licence("GB", "2025-01-01T00:00:00Z", null), ""))
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");

        List<ConsumerRecord<String, String>> records = awaitRecords(Topics.CATALOG_DRAMA, r -> dramaId.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(header(records.get(0), "ce_subject")).isEqualTo(dramaId);
        assertThat(header(records.get(0), "ce_source")).isEqualTo("/catalog");
        assertThat(header(records.get(0), "content-type")).isEqualTo("application/json");
    }

    /**
     * 300 rows for 6 keys committed at once (more than one batch at a smaller size, one at the default 500): each
     * arrives exactly once, and each key's records arrive in the order they were committed.
     */
    @Test
    void aCommittedBatchArrivesOnceEachInPerKeyOrder() throws Exception {
        String topic = "catalog.relay-batch.test";
        Map<UUID, String> rows = insertRows(topic, 300, 6);

        List<ConsumerRecord<String, String>> records = awaitRecords(topic, r -> rows.containsValue(r.key()),
                rows.size(), Duration.ofSeconds(60));
        assertThat(allOf(topic, rows)).hasSize(rows.size());
        assertThat(records).extracting(r -> header(r, "ce_id")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(rows.keySet().stream().map(UUID::toString).toList());
        assertPerKeyOrder(records);
    }

    /**
     * The broker is killed while the relay drains 5 000 rows (some batches sent, others pending or in flight) and stays
     * down until a batch failed (its Kafka transaction aborted), then comes back: nothing is lost, and for every key the
     * records (first copies, duplicates being for the inbox to drop) are in commit order: an aborted batch is sent again
     * from its first row, never after a later one. Killed, not stopped: a broker in a controlled shutdown keeps
     * answering for seconds, long enough on a fast machine for the relay to drain everything before it is gone.
     */
    @Test
    void aBrokerKilledWhileBatchesAreInFlightLosesNothingAndKeepsPerKeyOrder() throws Exception {
        String topic = "catalog.relay-outage.test";
        KafkaOutage outage = KafkaOutage.of(key -> ConfigProvider.getConfig().getValue(key, String.class));
        Map<UUID, String> rows;
        try {
            rows = insertRows(topic, 5000, 8);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> sentRows(topic) > 0);
            outage.killBroker();
            assertThat(sentRows(topic)).as("rows still pending when the broker was killed").isLessThan(rows.size());
            // Down for longer than the producer's delivery timeout: the batch in flight fails and its Kafka
            // transaction is aborted (its rows record the attempt), instead of being retried to success.
            await().atMost(Duration.ofSeconds(90)).until(() -> failedAttempts(topic) > 0);
        } finally {
            outage.startBroker();
        }
        awaitRecords(topic, r -> true, rows.size(), Duration.ofSeconds(180));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(sentRows(topic)).isEqualTo(rows.size()));

        List<ConsumerRecord<String, String>> records = allOf(topic, rows);
        Set<String> ids = new HashSet<>();
        List<ConsumerRecord<String, String>> firstCopies = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (ids.add(header(record, "ce_id"))) {
                firstCopies.add(record);
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(rows.keySet().stream().map(UUID::toString).toList());
        assertPerKeyOrder(firstCopies);
    }

    /** Rows as {@code Outbox.append} writes them, committed in one transaction; payload = the row's rank in its key. */
    private static Map<UUID, String> insertRows(String topic, int count, int keys) throws Exception {
        List<String> keyNames = IntStream.range(0, keys).mapToObj(i -> UUID.randomUUID().toString()).toList();
        Map<UUID, String> rows = new LinkedHashMap<>();
        try (Connection db = connection()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (id, aggregatetype, aggregateid, "
                    + "type, \"timestamp\", payload, topic) values (?, 'drama', ?, 'test.event', clock_timestamp(), ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    String key = keyNames.get(i % keys);
                    insert.setObject(1, id);
                    insert.setString(2, key);
                    insert.setString(3, "{\"rank\":" + (i / keys) + "}");
                    insert.setString(4, topic);
                    insert.addBatch();
                    rows.put(id, key);
                }
                insert.executeBatch();
            }
            db.commit();
        }
        return rows;
    }

    private static List<ConsumerRecord<String, String>> allOf(String topic, Map<UUID, String> rows) {
        return Stack.allRecords(topic, r -> rows.containsValue(r.key()));
    }

    /** Per key, the ranks in the payloads strictly increase in topic order. */
    private static void assertPerKeyOrder(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Integer>> ranks = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            ranks.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(record.value().replaceAll("\\D", "")));
        }
        ranks.forEach((key, list) -> assertThat(list).as("ranks of " + key).isSorted().doesNotHaveDuplicates());
    }

    private static long failedAttempts(String topic) throws Exception {
        return rowsOf(topic, "attempts > 0");
    }

    private static long sentRows(String topic) throws Exception {
        return rowsOf(topic, "sent_at is not null");
    }

    private static long rowsOf(String topic, String condition) throws Exception {
        try (Connection db = connection(); PreparedStatement query = db.prepareStatement(
                "select count(*) from outbox_event where " + condition + " and topic = ?")) {
            query.setString(1, topic);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
