package io.microdrama.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.testing.Stack;
import io.microdrama.contracts.Topics;
import io.microdrama.devstack.KafkaOutage;
import io.microdrama.support.outbox.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.testing.Stack.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The outbox relay on real PostgreSQL and Kafka: Kafka outages lose nothing, competing relays send once, metrics, and a
 * batch costs one batch of work whatever the backlog.
 */
@QuarkusTest
class OutboxRelayIT {

    @Inject
    OutboxRelay relay;

    /**
     * Kafka is stopped; studios keep publishing and every request succeeds. The events wait in the outbox (the
     * pending and oldest-age gauges say so) and all of them reach the topic, exactly once each, after Kafka is back.
     */
    @Test
    void publishingWhileKafkaIsDownLosesNothing() throws Exception {
        String aurora = registeredStudio("aurora");
        KafkaOutage outage = KafkaOutage.of(key -> ConfigProvider.getConfig().getValue(key, String.class));
        List<String> dramaIds = new ArrayList<>();
        outage.stopBroker();
        try {
            for (int i = 0; i < 5; i++) {
                String externalId = uniqueId("outage");
                given().auth().oauth2(aurora).contentType(ContentType.JSON)
                        .body(drama("Outage " + i, 1, licence("GB", "2025-01-01T00:00:00Z", null), ""))
                        .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);
                dramaIds.add(given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                        .then().statusCode(200).body("dramaVersion", equalTo(1)).extract().path("id"));
            }
            // Per drama: drama.published and the audit records of its creation and publication (ADR 0005).
            assertThat(pendingRowsOf(dramaIds)).isEqualTo(3 * 5);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metric("outbox_events_pending"))
                    .isGreaterThanOrEqualTo(5));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metric("outbox_events_failed_total"))
                    .isGreaterThan(0));
            // What an alert on a stuck relay would watch: the oldest waiting row keeps getting older.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metric("outbox_oldest_pending_age_seconds"))
                    .isGreaterThanOrEqualTo(3));
        } finally {
            outage.startBroker();
        }
        for (String dramaId : dramaIds) {
            awaitRecords(Topics.CATALOG_DRAMA, r -> dramaId.equals(r.key()), 1, Duration.ofSeconds(120));
        }
        for (String dramaId : dramaIds) {
            assertThat(allRecords(Topics.CATALOG_DRAMA, dramaId)).as("events of " + dramaId).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pendingRowsOf(dramaIds)).isZero());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(metric("outbox_events_pending")).isZero();
            assertThat(metric("outbox_oldest_pending_age_seconds")).isZero();
        });
    }

    /**
     * Several relays (as several replicas would) race over the same pending rows: the advisory lock lets one at a
     * time publish, so each of 60 rows reaches the topic exactly once. The rounds run concurrently on separate
     * connections, as replicas' rounds would; the scheduled relay of the application competes too.
     */
    @Test
    void competingRelaysPublishEachEventOnce() throws Exception {
        String topic = "catalog.relay-race.test";
        List<String> keys = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (Connection db = connection()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (id, aggregatetype, aggregateid, "
                    + "type, \"timestamp\", payload, topic) values (?, 'drama', ?, 'test.event', clock_timestamp(), '{}', ?)")) {
                for (String key : keys) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, key);
                    insert.setString(3, topic);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
        List<CompletableFuture<Integer>> rounds = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            int sent = 0;
            for (int round = 0; round < 20; round++) {
                try {
                    sent += VertxContextSupport.subscribeAndAwait(relay::relayPending);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
            return sent;
        })).toList();
        int sentByTestRelays = rounds.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(sentByTestRelays).isLessThanOrEqualTo(keys.size());

        Set<String> expected = Set.copyOf(keys);
        List<ConsumerRecord<String, String>> records = awaitRecords(topic, r -> expected.contains(r.key()), keys.size(),
                Duration.ofSeconds(60));
        Map<String, Long> perKey = allRecordsOn(topic).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(perKey.values()).allMatch(count -> count == 1);
        assertThat(records).hasSize(keys.size());
    }

    /**
     * A backlog drains in work linear in its size: each batch's claim reads one batch from the pending index, even
     * when the planner's statistics (never taken with these rows pending) promise only a few pending rows. Without the
     * relay's planner setting, PostgreSQL fetches all 20 000 pending rows and sorts them for every batch.
     */
    @Test
    void aBatchClaimReadsOneBatchWhateverTheBacklog() throws Exception {
        int backlog = 20_000;
        int batch = 500;
        try (Connection db = connection()) {
            db.setAutoCommit(false);
            try {
                // Uncommitted, so no relay sees them; rolled back below.
                try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (id, aggregatetype, "
                        + "aggregateid, type, \"timestamp\", payload, topic) select gen_random_uuid(), 'drama', "
                        + "'backlog-' || (n % 200), 'test.event', clock_timestamp(), repeat('x', 1000), "
                        + "'catalog.claim-cost.test' from generate_series(1, ?) n")) {
                    insert.setInt(1, backlog);
                    assertThat(insert.executeUpdate()).isEqualTo(backlog);
                }
                try (Statement roundStart = db.createStatement()) {
                    // The relay's own start of a round (its "begin" only warns here: the transaction is open).
                    roundStart.execute(OutboxRelay.ROUND_START);
                }
                String plan;
                try (PreparedStatement explain = db.prepareStatement("explain (analyze, format json) "
                        + OutboxRelay.CLAIM.replace("$1", Integer.toString(batch)));
                        ResultSet rows = explain.executeQuery()) {
                    rows.next();
                    plan = rows.getString(1);
                }
                assertThat(largestNodeRowCount(new ObjectMapper().readTree(plan).get(0).get("Plan")))
                        .as("rows read by any step of the claim: %s", plan)
                        .isBetween((double) batch, 2.0 * batch);
            } finally {
                db.rollback();
            }
        }
    }

    /**
     * The bulk lane leaves last (issue 17, fairness): one event committed after 2 000 bulk-lane rows, in the same
     * transaction, is sent in the first batch instead of behind the backlog; the bulk rows still leave in their order.
     */
    @Test
    void anEventBehindABulkBacklogLeavesInTheFirstBatch() throws Exception {
        int backlog = 2_000;
        String run = UUID.randomUUID().toString();
        String bulkKey = "lane-bulk-" + run;
        String smallKey = "lane-small-" + run;
        try (Connection db = connection()) {
            db.setAutoCommit(false);
            try (PreparedStatement bulk = db.prepareStatement("insert into outbox_event (id, aggregatetype, aggregateid, "
                    + "type, \"timestamp\", payload, topic, bulk) select gen_random_uuid(), 'drama', ?, 'test.event', "
                    + "clock_timestamp(), '{\"n\":' || n || '}', 'catalog.lane-order.bulk.test', true "
                    + "from generate_series(1, ?) n");
                    PreparedStatement small = db.prepareStatement("insert into outbox_event (id, aggregatetype, "
                            + "aggregateid, type, \"timestamp\", payload, topic) values (gen_random_uuid(), 'drama', ?, "
                            + "'test.event', clock_timestamp(), '{}', 'catalog.lane-order.test')")) {
                bulk.setString(1, bulkKey);
                bulk.setInt(2, backlog);
                assertThat(bulk.executeUpdate()).isEqualTo(backlog);
                small.setString(1, smallKey);
                assertThat(small.executeUpdate()).isEqualTo(1);
            }
            db.commit();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingRowsOf(List.of(bulkKey, smallKey)) == 0);

        try (Connection db = connection(); PreparedStatement sent = db.prepareStatement("select "
                + "(select sent_at from outbox_event where aggregateid = ?), "
                + "(select min(sent_at) from outbox_event where aggregateid = ?), "
                + "(select max(sent_at) from outbox_event where aggregateid = ?)")) {
            sent.setString(1, smallKey);
            sent.setString(2, bulkKey);
            sent.setString(3, bulkKey);
            try (ResultSet row = sent.executeQuery()) {
                row.next();
                assertThat(row.getTimestamp(1)).as("the small event's batch against the bulk rows' first batch")
                        .isEqualTo(row.getTimestamp(2));
                assertThat(row.getTimestamp(3)).as("the backlog took more than one batch").isAfter(row.getTimestamp(2));
            }
        }
        List<Integer> order = Stack.awaitRecords("catalog.lane-order.bulk.test", bulkKey, backlog).stream().map(record -> Integer.parseInt(record.value().replaceAll("\\D", ""))).toList();
        assertThat(order).as("the bulk rows in commit order").isSorted().hasSize(backlog);
    }

    private static double largestNodeRowCount(JsonNode node) {
        double largest = node.path("Actual Rows").asDouble();
        for (JsonNode child : node.path("Plans")) {
            largest = Math.max(largest, largestNodeRowCount(child));
        }
        return largest;
    }

    private static List<ConsumerRecord<String, String>> allRecordsOn(String topic) {
        return Stack.allRecords(topic, record -> true);
    }

    private static long pendingRowsOf(List<String> dramaIds) throws Exception {
        try (Connection db = connection(); PreparedStatement query = db.prepareStatement(
                "select count(*) from outbox_event where sent_at is null and aggregateid = any (?)")) {
            query.setArray(1, db.createArrayOf("varchar", dramaIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** One value from the Prometheus endpoint (first series of that name). */
    private static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name + " in /q/metrics"));
    }
}
