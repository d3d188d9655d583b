package io.microdrama.catalog;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.testing.Stack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.microdrama.catalog.CatalogTestSupport.licence;
import static io.microdrama.catalog.CatalogTestSupport.uniqueId;
import static io.microdrama.testing.Stack.DEADLINE;
import static io.microdrama.testing.Stack.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The platform's audit trail on real PostgreSQL, Kafka and Keycloak: catalog's own actions go out as
 * {@code audit.recorded} through its outbox, come back through {@code platform.audit.v1} into {@code audit_record},
 * once per event id, and are read back newest first within the caller's scope. Rows cannot be changed or deleted.
 */
@QuarkusTest
class AuditTrailIT {

    @Test
    void holdAndReleaseLeaveOneRecordEachWithWhoWhyAndBeforeAfter() {
        String dramaId = OpsRolloutIT.livePublished(uniqueId("audit-hold"), String.join(",",
                licence("GB", "2025-01-01T00:00:00Z", null), licence("DE", "2025-01-01T00:00:00Z", null)), "");
        String ops = userToken("ops-eu");
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"reason\":\"rights dispute\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(200);
        // The same hold again changes nothing and so records nothing.
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"reason\":\"rights dispute\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(200);
        given().auth().oauth2(ops).queryParam("reason", "dispute settled")
                .post("/api/v1/ops/regions/GB/dramas/{id}/release", dramaId).then().statusCode(200);

        JsonPath trail = awaitTrail(userToken("admin"), dramaId, 4);
        // Newest first: release, hold, publication, creation.
        assertThat(trail.getList("items.action", String.class))
                .containsExactly("HOLD_RELEASED", "HOLD_PLACED", "DRAMA_PUBLISHED", "DRAMA_UPSERTED");
        assertThat(trail.getLong("total")).isEqualTo(4);

        Map<String, Object> hold = trail.getMap("items[1]");
        assertThat(hold).containsEntry("actor", "ops-eu").containsEntry("actorRole", "ops")
                .containsEntry("service", "catalog").containsEntry("reason", "rights dispute")
                .containsEntry("dramaId", dramaId).containsEntry("studioId", "aurora")
                .containsEntry("regions", List.of("GB"));
        assertThat(trail.getBoolean("items[1].before.onHold")).isFalse();
        assertThat(trail.getBoolean("items[1].after.onHold")).isTrue();
        assertThat(trail.getString("items[1].after.holdReason")).isEqualTo("rights dispute");

        assertThat(trail.getString("items[0].reason")).isEqualTo("dispute settled");
        assertThat(trail.getBoolean("items[0].before.onHold")).isTrue();
        assertThat(trail.getString("items[0].before.holdReason")).isEqualTo("rights dispute");
        assertThat(trail.getBoolean("items[0].after.onHold")).isFalse();

        // The studio's own actions: created from nothing, then published as version 1, in both licensed countries.
        assertThat(trail.getString("items[3].actorRole")).isEqualTo("studio");
        assertThat(trail.getString("items[3].before")).isNull();
        assertThat(trail.getString("items[3].after.title")).startsWith("Ops audit-hold");
        assertThat(trail.getList("items[3].regions", String.class)).containsExactly("DE", "GB");
        assertThat(trail.getString("items[2].before.status")).isEqualTo("DRAFT");
        assertThat(trail.getString("items[2].after.status")).isEqualTo("PUBLISHED");
        assertThat(trail.getInt("items[2].after.dramaVersion")).isEqualTo(1);
    }

    @Test
    void aRedeliveredRecordIsStoredOnceAndPoisonGoesToTheDeadLetterTopic() {
        String dramaId = OpsRolloutIT.livePublished(uniqueId("audit-redeliver"),
                licence("GB", "2025-01-01T00:00:00Z", null), "");
        given().auth().oauth2(userToken("ops-eu")).contentType(ContentType.JSON).body("{\"reason\":\"check\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(200);
        awaitTrail(userToken("admin"), dramaId, 3);

        ConsumerRecord<String, String> hold = Stack.awaitRecords(Topics.PLATFORM_AUDIT,
                record -> dramaId.equals(record.key()) && record.value().contains("HOLD_PLACED"), 1).get(0);
        String holdEventId = Stack.header(hold, "ce_id");
        assertThat(Stack.header(hold, "ce_type")).isEqualTo(CloudEventTypes.AUDIT_RECORDED);
        assertThat(Stack.header(hold, "ce_subject")).isEqualTo(dramaId);
        assertThat(Stack.payload(hold, AuditRecorded.class).reason()).isEqualTo("check");

        // The same event once more, then a new one on the same key (same partition, so consumed after it).
        Stack.sendRaw(Topics.PLATFORM_AUDIT, dramaId, CloudEventTypes.AUDIT_RECORDED, CloudEventTypes.SOURCE_CATALOG,
                holdEventId, hold.value());
        AuditRecorded later = new AuditRecorded("ops-eu", "ops", "HOLD_RELEASED", Instant.now(), "catalog", "rollout",
                dramaId + "/GB", dramaId, "aurora", List.of("GB"), null, Map.of("onHold", true), Map.of("onHold", false));
        String laterId = Stack.sendRaw(Topics.PLATFORM_AUDIT, dramaId, CloudEventTypes.AUDIT_RECORDED,
                CloudEventTypes.SOURCE_CATALOG, Stack.json(later));
        Stack.awaitConsumed(laterId);
        assertThat(Stack.count("select count(*) from audit_record where event_id = ?::uuid", holdEventId)).isEqualTo(1);
        assertThat(Stack.count("select count(*) from audit_record where drama_id = ?::uuid", dramaId)).isEqualTo(4);

        // A record that says nobody did it cannot be stored: parked, and the consumer keeps going.
        String poisonKey = UUID.randomUUID().toString();
        Stack.sendRaw(Topics.PLATFORM_AUDIT, poisonKey, CloudEventTypes.AUDIT_RECORDED, CloudEventTypes.SOURCE_BILLING,
                Stack.json(new AuditRecorded(null, "ops", "PRICE_OVERRIDE_SET", Instant.now(), "billing", "price-override",
                        poisonKey, poisonKey, null, List.of("GB"), null, null, null)));
        ConsumerRecord<String, String> parked = Stack.awaitRecords(Topics.deadLetter(Topics.PLATFORM_AUDIT, "catalog"),
                poisonKey, 1).get(0);
        assertThat(Stack.header(parked, "dead-letter-reason")).contains("actor");
        assertThat(Stack.count("select count(*) from audit_record where drama_id = ?::uuid", poisonKey)).isZero();
    }

    /**
     * The audit channel reads a poll's records together (one transaction): 30 records sent back to back, then the same
     * 30 again as a redelivered batch would bring them, then one more. Each is stored once, and the last one proves
     * the redelivery was consumed.
     */
    @Test
    void aBatchOfRecordsRedeliveredWholeIsStoredOnce() {
        String dramaId = UUID.randomUUID().toString();
        Map<String, String> sent = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String payload = Stack.json(new AuditRecorded("ops-eu", "ops", "HOLD_PLACED", Instant.now(), "catalog",
                    "rollout", dramaId + "/GB", dramaId, "aurora", List.of("GB"), "batch " + i, null, null));
            sent.put(Stack.sendRaw(Topics.PLATFORM_AUDIT, dramaId, CloudEventTypes.AUDIT_RECORDED,
                    CloudEventTypes.SOURCE_CATALOG, payload), payload);
        }
        sent.keySet().forEach(Stack::awaitConsumed);
        sent.forEach((eventId, payload) -> Stack.sendRaw(Topics.PLATFORM_AUDIT, dramaId, CloudEventTypes.AUDIT_RECORDED,
                CloudEventTypes.SOURCE_CATALOG, eventId, payload));
        String lastId = Stack.sendRaw(Topics.PLATFORM_AUDIT, dramaId, CloudEventTypes.AUDIT_RECORDED,
                CloudEventTypes.SOURCE_CATALOG, Stack.json(new AuditRecorded("ops-eu", "ops", "HOLD_RELEASED",
                        Instant.now(), "catalog", "rollout", dramaId + "/GB", dramaId, "aurora", List.of("GB"), null, null,
                        null)));
        Stack.awaitConsumed(lastId);
        assertThat(Stack.count("select count(*) from audit_record where drama_id = ?::uuid", dramaId)).isEqualTo(31);
        assertThat(Stack.count("select count(distinct reason) from audit_record where drama_id = ?::uuid", dramaId))
                .isEqualTo(30);
    }

    @Test
    void everyoneSeesOnlyTheirScope() {
        String dramaId = OpsRolloutIT.livePublished(uniqueId("audit-scope"), licence("GB", "2025-01-01T00:00:00Z", null), "");
        given().auth().oauth2(userToken("ops-eu")).contentType(ContentType.JSON).body("{\"reason\":\"scope\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(200);
        awaitTrail(userToken("admin"), dramaId, 3);

        // ops of GB see it, per drama and per region; ops of another region see nothing of it.
        given().auth().oauth2(userToken("ops-eu")).queryParam("dramaId", dramaId).get("/api/v1/audit").then()
                .statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(userToken("ops-eu")).queryParam("region", "GB").queryParam("actor", "ops-eu")
                .queryParam("size", 200).get("/api/v1/audit").then().statusCode(200)
                .body("items.findAll { it.dramaId == '" + dramaId + "' }.action", equalTo(List.of("HOLD_PLACED")));
        given().auth().oauth2(userToken("ops-na")).queryParam("dramaId", dramaId).get("/api/v1/audit").then()
                .statusCode(200).body("total", equalTo(0)).body("items", equalTo(List.of()));
        given().auth().oauth2(userToken("ops-na")).queryParam("region", "GB").get("/api/v1/audit").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("GB"));

        // The studio sees its own drama's records, another studio none of them.
        given().auth().oauth2(CatalogTestSupport.registeredStudio("aurora")).queryParam("dramaId", dramaId)
                .get("/api/v1/audit").then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(CatalogTestSupport.registeredStudio("lotus")).queryParam("dramaId", dramaId)
                .get("/api/v1/audit").then().statusCode(200).body("total", equalTo(0));

        // Bad parameters are 400 problems; a localizer has no audit trail; nobody can write one.
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("size", 201), Map.of("page", -1),
                Map.of("dramaId", "nope"), Map.of("region", "gb"), Map.of("region", "EU"))) {
            given().auth().oauth2(userToken("admin")).queryParams(bad).get("/api/v1/audit").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(userToken("localizer-cjk")).get("/api/v1/audit").then().statusCode(403);
        given().get("/api/v1/audit").then().statusCode(401);
        given().auth().oauth2(userToken("admin")).contentType(ContentType.JSON).body("{}").post("/api/v1/audit").then()
                .statusCode(405).contentType("application/problem+json");
    }

    @Test
    void recordsCannotBeChangedOrDeleted() throws Exception {
        String dramaId = OpsRolloutIT.livePublished(uniqueId("audit-append"), licence("GB", "2025-01-01T00:00:00Z", null), "");
        awaitTrail(userToken("admin"), dramaId, 2);
        try (Connection db = CatalogTestSupport.connection()) {
            for (String change : List.of("update audit_record set reason = 'rewritten' where drama_id = ?::uuid",
                    "delete from audit_record where drama_id = ?::uuid")) {
                try (PreparedStatement statement = db.prepareStatement(change)) {
                    statement.setString(1, dramaId);
                    assertThatThrownBy(statement::executeUpdate).isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                }
            }
        }
        assertThat(Stack.count("select count(*) from audit_record where drama_id = ?::uuid and reason is null", dramaId))
                .isEqualTo(2);
    }

    /** The drama's trail as {@code token} reads it, once it holds {@code count} records. */
    @Test
    void registeringAndChangingAStudioLeaveOneRecordEachWithBeforeAndAfter() {
        String studioId = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = userToken("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"Audit Pictures\"}")
                .put("/api/v1/admin/studios/{id}", studioId).then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"Audit Pictures Ltd\"}")
                .put("/api/v1/admin/studios/{id}", studioId).then().statusCode(200);
        // The same request again changes nothing, so it records nothing.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"Audit Pictures Ltd\"}")
                .put("/api/v1/admin/studios/{id}", studioId).then().statusCode(200);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(studioRecords(admin, studioId)).hasSize(2));
        List<Map<String, Object>> records = studioRecords(admin, studioId);
        assertThat(records.get(0)).containsEntry("action", "STUDIO_CHANGED").containsEntry("actor", "admin")
                .containsEntry("entityType", "studio")
                // Only what changed: the studio stayed active (other classes of this stack count inactive studios).
                .containsEntry("before", Map.of("name", "Audit Pictures")).containsEntry("after", Map.of("name", "Audit Pictures Ltd"));
        assertThat(records.get(1)).containsEntry("action", "STUDIO_REGISTERED")
                .containsEntry("after", Map.of("name", "Audit Pictures", "active", true));
        assertThat(records.get(1).get("before")).as("nothing before a registration").isNull();
        assertThat(Stack.count("select count(*) from outbox_event where aggregateid = ? and type = ?", studioId,
                CloudEventTypes.AUDIT_RECORDED)).as("no record for the request that changed nothing").isEqualTo(2);
    }

    /** The admin's records about one studio, newest first. */
    private static List<Map<String, Object>> studioRecords(String token, String studioId) {
        return given().auth().oauth2(token).queryParam("actor", "admin").queryParam("size", 200).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.entityId == '" + studioId + "' }");
    }

    private static JsonPath awaitTrail(String token, String dramaId, int count) {
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(token).queryParam("dramaId", dramaId)
                .get("/api/v1/audit").then().statusCode(200).body("total", equalTo(count)));
        return given().auth().oauth2(token).queryParam("dramaId", dramaId).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
    }
}
