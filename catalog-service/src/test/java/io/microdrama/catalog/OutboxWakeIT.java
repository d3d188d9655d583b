package io.microdrama.catalog;

import io.microdrama.devstack.KafkaOutage;
import io.microdrama.support.outbox.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.testing.Stack.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay is woken by commits, not by its poll: catalog's tests poll once an hour ({@link RelayWakeOnlyConfigSource},
 * checked below), so only the NOTIFY of a
 * committing transaction can get an event to Kafka within the tests' deadlines. Also: a broker stopped while the relay
 * is draining a large backlog in pipelined batches loses nothing and keeps every key's order.
 */
@QuarkusTest
class OutboxWakeIT {

    private static final Duration WAKE_DEADLINE = Duration.ofSeconds(10);

    @Inject
    OutboxRelay relay;

    /** Rows pending at start-up are sent by the relay's first round; the tests start once that round is over. */
    @BeforeEach
    void relayIsRunningAndIdle() {
        assertThat(ConfigProvider.getConfig().getValue("eventing.relay.poll-interval", Duration.class))
                .isEqualTo(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).until(relay::isRelaying);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRows("%") == 0);
    }

    @Test
    void aPublicationReachesKafkaWithoutWaitingForThePoll() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("wake");
        given().auth().oauth2(aurora).contentType(ContentType.JSON)
                .body(drama("Wake " + externalId, 1, licence("GB", "2025-01-01T00:00:00Z", null), ""))
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");

        awaitRecords("catalog.drama.v1", record -> dramaId.equals(record.key()), 1, WAKE_DEADLINE);
    }

    @Test
    void anyCommitThatNotifiesWakesTheRelay() throws Exception {
        String topic = "catalog.relay-wake.test";
        String committed = UUID.randomUUID().toString();
        try (Connection db = connection()) {
            db.setAutoCommit(false);
            insertRows(db, topic, List.of(committed), 1);
            notifyRelay(db);
            db.commit();
        }
        awaitRecords(topic, record -> committed.equals(record.key()), 1, WAKE_DEADLINE);
        assertThat(pendingRows(committed)).isZero();
    }

    /**
     * 40 000 rows of 20 keys (drama ids), each key's rows numbered in commit order. Once the relay has sent some of
     * them, Kafka is stopped (rows handed to the producer fail, the relay backs off) and started again. Every row
     * reaches the topic, and per key the rows first appear in their order (a row the broker wrote without
     * acknowledging it may appear twice; consumers drop the copy by its id).
     */
    @Test
    void aBrokerStoppedWhileDrainingPipelinedBatchesLosesNothingAndKeepsEveryKeysOrder() throws Exception {
        String topic = "catalog.relay-order.test";
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "order-" + UUID.randomUUID()).toList();
        int perKey = 2000;
        try (Connection db = connection()) {
            db.setAutoCommit(false);
            insertRows(db, topic, keys, perKey);
            notifyRelay(db);
            db.commit();
        }
        String like = "order-%";
        int total = keys.size() * perKey;
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingRows(like) < total);
        KafkaOutage outage = KafkaOutage.of(key -> ConfigProvider.getConfig().getValue(key, String.class));
        outage.stopBroker();
        try {
            assertThat(pendingRows(like)).as("rows still pending when the broker went away").isPositive();
            await().atMost(Duration.ofSeconds(60)).until(() -> rowsThatFailed(like) > 0);
        } finally {
            outage.startBroker();
        }
        await().atMost(Duration.ofSeconds(180)).until(() -> pendingRows(like) == 0);

        Set<String> expected = Set.copyOf(keys);
        List<ConsumerRecord<String, String>> records = awaitRecords(topic, record -> expected.contains(record.key()),
                total, Duration.ofSeconds(120));
        Map<String, List<Integer>> firstSeen = new LinkedHashMap<>();
        Map<String, Set<Integer>> seen = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            int sequence = Integer.parseInt(record.value().replaceAll("\\D", ""));
            if (seen.computeIfAbsent(record.key(), key -> new LinkedHashSet<>()).add(sequence)) {
                firstSeen.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(sequence);
            }
        }
        List<Integer> inOrder = IntStream.range(0, perKey).boxed().toList();
        assertThat(firstSeen.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        firstSeen.forEach((key, sequences) -> assertThat(sequences).as("order of " + key).isEqualTo(inOrder));
    }

    /** {@code perKey} rows for each key; within a key, in commit order (timestamps increase), payload {"seq":n}. */
    private static void insertRows(Connection db, String topic, List<String> keys, int perKey) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (id, aggregatetype, aggregateid, "
                + "type, \"timestamp\", payload, topic) values (?, 'drama', ?, 'test.event', clock_timestamp(), ?, ?)")) {
            for (int sequence = 0; sequence < perKey; sequence++) {
                for (String key : keys) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, key);
                    insert.setString(3, "{\"seq\":" + sequence + "}");
                    insert.setString(4, topic);
                    insert.addBatch();
                }
                if (sequence % 100 == 99) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** What {@code Outbox.append} does in the appending transaction. */
    private static void notifyRelay(Connection db) throws Exception {
        try (Statement sql = db.createStatement()) {
            sql.execute("select pg_notify('outbox_event', '')");
        }
    }

    private static long pendingRows(String aggregateIdLike) throws Exception {
        return count("select count(*) from outbox_event where sent_at is null and aggregateid like ?", aggregateIdLike);
    }

    private static long rowsThatFailed(String aggregateIdLike) throws Exception {
        return count("select count(*) from outbox_event where attempts > 0 and aggregateid like ?", aggregateIdLike);
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection db = connection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

}
