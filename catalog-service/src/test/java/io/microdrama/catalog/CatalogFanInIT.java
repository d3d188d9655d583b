package io.microdrama.catalog;

import io.microdrama.contracts.events.ReadinessChanged;
import java.util.Map;
import java.time.Instant;
import io.microdrama.testing.Stack;
import io.microdrama.testing.Events;
import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.testing.Stack.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Fan-in on real PostgreSQL, Kafka and Keycloak: publish, the answers of localization and billing, LIVE. */
@QuarkusTest
class CatalogFanInIT {

    static final String DRAMA = drama("The Contract Bride", 2,
            licence("GB", "2025-01-01T00:00:00Z", null) + "," + licence("DE", "2025-01-01T00:00:00Z", null),
            "\"ageRatings\":{\"DE\":\"fsk:12\"}");

    @Test
    void publishedDramaGoesLiveOnlyWhereLocalizedAndPriced() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("bride");

        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA)
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201).header("ETag", "\"0\"");
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).body("dramaVersion", equalTo(1)).body("rollout.region", equalTo(List.of("DE", "GB")))
                .extract().path("id");

        ConsumerRecord<String, String> event = awaitRecords(Topics.CATALOG_DRAMA, dramaId, 1).get(0);
        assertThat(event.key()).isEqualTo(dramaId);
        assertThat(header(event, "ce_type")).isEqualTo(CloudEventTypes.DRAMA_PUBLISHED);
        assertThat(header(event, "ce_source")).isEqualTo("/catalog");
        assertThat(header(event, "ce_subject")).isEqualTo(dramaId);
        assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(event, "ce_id")).matches("[0-9a-f-]{36}");
        assertThat(event.value()).contains("\"dramaVersion\":1").contains("\"region\":\"GB\"");

        // Localization: GB ready, DE missing German. Billing: both priced. The readiness event is sent twice.
        send(Events.readiness(dramaId, 1, "GB", List.of(), List.of("en")));
        String duplicateId = UUID.randomUUID().toString();
        ReadinessChanged missingDe = Events.readiness(dramaId, 1, "DE", List.of("de"), List.of());
        send(missingDe, duplicateId, Map.of());
        send(missingDe, duplicateId, Map.of());
        send(Events.price(dramaId, 1, "GB", "GBP", 49));
        send(Events.price(dramaId, 1, "DE", "EUR", 59));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/storefront/GB/dramas")
                .then().statusCode(200).body("items.id", hasItem(dramaId)));
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(200)
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE"))
                .body("rollout.find { it.region == 'GB' }.episodePrice.amountMinor", equalTo(49))
                .body("rollout.find { it.region == 'DE' }.state", equalTo("WAITING"))
                .body("rollout.find { it.region == 'DE' }.blockers", equalTo(List.of("MISSING_LANGUAGE:de")));
        // Each step's time: GB localized and priced after it was published (the two topics in either order) and LIVE
        // when the later of them arrived; DE priced but neither localized nor LIVE.
        Map<String, String> gb = given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then()
                .extract().path("rollout.find { it.region == 'GB' }.steps");
        Instant published = Instant.parse(gb.get("publishedAt"));
        Instant localized = Instant.parse(gb.get("localizedAt"));
        Instant priced = Instant.parse(gb.get("pricedAt"));
        Instant live = Instant.parse(gb.get("liveAt"));
        assertThat(localized).isAfterOrEqualTo(published);
        assertThat(priced).isAfterOrEqualTo(published);
        assertThat(live).isEqualTo(localized.isAfter(priced) ? localized : priced);
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("rollout.find { it.region == 'DE' }.steps.pricedAt", notNullValue())
                .body("rollout.find { it.region == 'DE' }.steps.localizedAt", nullValue())
                .body("rollout.find { it.region == 'DE' }.steps.liveAt", nullValue());
        given().get("/api/v1/storefront/DE/dramas").then().statusCode(200).body("items.id", not(hasItem(dramaId)));
        given().get("/api/v1/storefront/US/dramas").then().statusCode(200).body("items.id", not(hasItem(dramaId)));
    }

    /**
     * Answers for an older drama version, arriving after the new version was published (out of order), must not
     * make the new version LIVE: the re-published drama waits for answers about itself.
     */
    @Test
    void answersForAnOlderVersionDoNotCountForTheNewOne() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("stale");
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA).put("/api/v1/studio/dramas/{id}", externalId)
                .then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");
        // Version 2: one more episode.
        given().auth().oauth2(aurora).contentType(ContentType.JSON)
                .body(drama("The Contract Bride", 3, licence("GB", "2025-01-01T00:00:00Z", null), ""))
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(200);
        given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId).then().statusCode(200)
                .body("dramaVersion", equalTo(2));

        // v2 price first, then the v1 answers arrive late; then v2's readiness after a stale v1 "not ready".
        String latePrice = UUID.randomUUID().toString();
        String lateReady = UUID.randomUUID().toString();
        send(Events.price(dramaId, 2, "GB", "GBP", 79));
        send(Events.price(dramaId, 1, "GB", "GBP", 49), latePrice, Map.of());
        send(Events.readiness(dramaId, 1, "GB", List.of(), List.of()), lateReady, Map.of());
        // The late v1 answers must have been applied (or refused) before "they did not win" means anything.
        awaitConsumed(RolloutAnswers.PRICING_CONSUMER, latePrice);
        awaitConsumed(RolloutAnswers.READINESS_CONSUMER, lateReady);
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("rollout.find { it.region == 'GB' }.episodePrice.amountMinor", equalTo(79))
                .body("rollout.find { it.region == 'GB' }.blockers", equalTo(List.of("LOCALIZATION_PENDING")));

        String lateNotReady = UUID.randomUUID().toString();
        send(Events.readiness(dramaId, 2, "GB", List.of(), List.of("en")));
        send(Events.readiness(dramaId, 1, "GB", List.of("fr"), List.of()), lateNotReady, Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(aurora)
                .get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE"))
                .body("rollout.find { it.region == 'GB' }.episodePrice.amountMinor", equalTo(79)));
        // The late v1 "not ready" was consumed (its inbox row exists) and still did not win over the applied v2 answer.
        awaitConsumed(RolloutAnswers.READINESS_CONSUMER, lateNotReady);
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE"))
                .body("rollout.find { it.region == 'GB' }.subtitleLanguages", equalTo(List.of("en")));
    }

    /** Waits until catalog's inbox holds the event for the consumer: it was handled and its transaction committed. */
    private static void awaitConsumed(String consumer, String eventId) {
        await(consumer + " consumed " + eventId).atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection db = connection(); PreparedStatement query = db.prepareStatement(
                    "select count(*) from inbox_message where consumer = ? and event_id = ?")) {
                query.setString(1, consumer);
                query.setString(2, eventId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getInt(1) == 1;
                }
            }
        });
    }

    /**
     * Readiness and pricing arrive on two channels and are applied concurrently; both change the same rollout
     * row. Neither answer may be lost (one was: the later commit wrote back the other's stale columns). The test
     * holds the row's lock while both handlers reach it, so the two writes always meet.
     */
    @Test
    void concurrentReadinessAndPricingForTheSameRegionAreBothApplied() throws Exception {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("race");
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA)
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");

        try (Connection holder = connection(); Connection observer = connection()) {
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("select * from regional_rollout where drama_id = '" + dramaId
                    + "' and region = 'GB' for update");
            send(Events.price(dramaId, 1, "GB", "GBP", 49));
            send(Events.readiness(dramaId, 1, "GB", List.of(), List.of()));
            await("both handlers wait for the row").atMost(Duration.ofSeconds(30)).until(() -> {
                ResultSet waiting = observer.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
                waiting.next();
                return waiting.getInt(1) >= 2;
            });
            holder.commit();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(aurora)
                .get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(200)
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE")));
    }

    /** A message that can never be applied goes to the dead-letter topic; the next good one is still applied. */
    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("poison");
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA).put("/api/v1/studio/dramas/{id}", externalId)
                .then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");

        String poisonId = UUID.randomUUID().toString();
        sendRaw(Topics.BILLING_PRICING, dramaId, CloudEventTypes.PRICING_SET, CloudEventTypes.SOURCE_BILLING, poisonId, "{\"dramaId\":\"not-a-uuid\",");
        send(Events.price(dramaId, 1, "GB", "GBP", 49));

        List<ConsumerRecord<String, String>> dead = awaitRecords("billing.pricing.v1.dlq.catalog",
                r -> poisonId.equals(header(r, "ce_id")), 1, Duration.ofSeconds(60));
        assertThat(dead.get(0).value()).isEqualTo("{\"dramaId\":\"not-a-uuid\",");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(aurora)
                .get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("rollout.find { it.region == 'GB' }.episodePrice.amountMinor", equalTo(49)));
    }

    /**
     * Catalog reads answers in batches (one transaction per poll). A batch with poison in the middle applies the rest
     * and dead-letters only the poison; the same records delivered again (same CloudEvent ids, other prices) change
     * nothing, and a new answer behind them is applied.
     */
    @Test
    void aBatchIsAppliedOnceEvenWhenDeliveredAgainAndItsPoisonAloneIsDeadLettered() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("batch");
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA).put("/api/v1/studio/dramas/{id}", externalId)
                .then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");

        String gb = UUID.randomUUID().toString();
        String de = UUID.randomUUID().toString();
        send(Events.price(dramaId, 1, "GB", "GBP", 49), gb, Map.of());
        String poisonId = sendRaw(Topics.BILLING_PRICING, dramaId, CloudEventTypes.PRICING_SET,
                CloudEventTypes.SOURCE_BILLING, "{\"dramaId\":");
        send(Events.price(dramaId, 1, "DE", "EUR", 59), de, Map.of());
        awaitConsumed(RolloutAnswers.PRICING_CONSUMER, gb);
        awaitConsumed(RolloutAnswers.PRICING_CONSUMER, de);

        send(Events.price(dramaId, 1, "GB", "GBP", 99), gb, Map.of());
        send(Events.price(dramaId, 1, "DE", "EUR", 99), de, Map.of());
        String after = send(Events.price(dramaId, 1, "GB", "GBP", 77));
        awaitConsumed(RolloutAnswers.PRICING_CONSUMER, after);

        awaitRecords("billing.pricing.v1.dlq.catalog", r -> poisonId.equals(header(r, "ce_id")), 1, Duration.ofSeconds(60));
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("rollout.find { it.region == 'GB' }.episodePrice.amountMinor", equalTo(77))
                .body("rollout.find { it.region == 'DE' }.episodePrice.amountMinor", equalTo(59));
    }

    /**
     * The answer lane (issue 17): readiness and prices of a back catalogue's dramas come on topics of their own, read
     * beside the interactive ones into the same inboxes. Answers there make a drama LIVE; a copy of one on the other
     * lane changes nothing; poison on them goes to their own dead-letter topics and consumption goes on.
     */
    @Test
    void answersOnTheBulkLaneAreAppliedOnceIntoTheSameInboxesWithTheirOwnDeadLetters() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("bulk-answers");
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(DRAMA).put("/api/v1/studio/dramas/{id}", externalId)
                .then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");

        String readinessPoison = sendRaw(Topics.LOCALIZATION_READINESS_BULK, dramaId, CloudEventTypes.READINESS_CHANGED,
                CloudEventTypes.SOURCE_LOCALIZATION, "{\"dramaId\":");
        Stack.sendOn(Topics.LOCALIZATION_READINESS_BULK, Events.readiness(dramaId, 1, "GB", List.of(), List.of("en")),
                UUID.randomUUID().toString());
        String pricingPoison = sendRaw(Topics.BILLING_PRICING_BULK, dramaId, CloudEventTypes.PRICING_SET,
                CloudEventTypes.SOURCE_BILLING, "{\"dramaId\":");
        String gbPrice = Stack.sendOn(Topics.BILLING_PRICING_BULK, Events.price(dramaId, 1, "GB", "GBP", 49),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/storefront/GB/dramas")
                .then().statusCode(200).body("items.id", hasItem(dramaId)));

        // A copy of the GB price on the interactive lane (other amount, same CloudEvent id), then DE's price there:
        // same key, same partition, so once DE's is consumed the copy was handled, and ignored.
        send(Events.price(dramaId, 1, "GB", "GBP", 99), gbPrice, Map.of());
        String dePrice = send(Events.price(dramaId, 1, "DE", "EUR", 59));
        awaitConsumed(RolloutAnswers.PRICING_CONSUMER, dePrice);
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE"))
                .body("rollout.find { it.region == 'GB' }.episodePrice.amountMinor", equalTo(49))
                .body("rollout.find { it.region == 'DE' }.episodePrice.amountMinor", equalTo(59));

        awaitRecords(Topics.deadLetter(Topics.LOCALIZATION_READINESS_BULK, "catalog"),
                r -> readinessPoison.equals(header(r, "ce_id")), 1, Duration.ofSeconds(60));
        awaitRecords(Topics.deadLetter(Topics.BILLING_PRICING_BULK, "catalog"),
                r -> pricingPoison.equals(header(r, "ce_id")), 1, Duration.ofSeconds(60));
    }
}
