package io.microdrama.billing;

import io.microdrama.billing.persistence.ReferenceVersionStore;
import io.microdrama.billing.persistence.RepricingRepository;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.support.query.QueryPlans;
import io.microdrama.testing.Events;
import io.microdrama.testing.KafkaProbe;
import io.microdrama.testing.Stack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.microdrama.billing.BillingFixtures.auditEntries;
import static io.microdrama.billing.BillingFixtures.pricingEvents;
import static io.microdrama.billing.BillingFixtures.pricingRecords;
import static io.microdrama.billing.BillingFixtures.publish;
import static io.microdrama.testing.PlanCacheProbe.plansStoredByMoreRounds;
import static io.microdrama.testing.Stack.awaitConsumed;
import static io.microdrama.testing.Stack.awaitRecords;
import static io.microdrama.testing.Stack.count;
import static io.microdrama.testing.Stack.header;
import static io.microdrama.testing.Stack.send;
import static io.microdrama.testing.Stack.sendRaw;
import static io.microdrama.testing.Stack.studioToken;
import static io.microdrama.testing.Stack.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Drama prices on real Kafka, PostgreSQL and Keycloak: catalog events in, billing.pricing.set out through the
 * outbox, ops overrides and their audit trail.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "billing"), @ResourceArg(name = "keycloak", value = "true") })
class DramaPricingIT {

    @Inject
    ReferenceVersionStore referenceVersions;

    @Inject
    RepricingRepository repricing;

    @Inject
    Mutiny.SessionFactory sessions;

    /**
     * Pricing reads the reference revision for every drama it prices: its plan is stored once, not once per read, as a
     * native query of the same SQL did (catalog's QueryPlanCacheIT has the why). The change lock likewise.
     */
    @Test
    void theReferenceRevisionAndChangeLockReuseTheirPlans() throws Throwable {
        assertThat(plansStoredByMoreRounds(() -> QueryPlans.cached(sessions), this::readRevisionUnderTheLock))
                .as("plans stored by 30 more reads").isLessThan(5);
    }

    private void readRevisionUnderTheLock() throws Throwable {
        Long revision = VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(session ->
                referenceVersions.lockForChange(session).chain(() -> referenceVersions.revision(session))));
        assertThat(revision).isNotNull();
    }

    /**
     * The re-pricing sweep locks its state and then a batch of dramas at a time: both are HQL now, whose plans are
     * stored once. As native selects each stored one plan per batch, so one sweep of 100 000 dramas would have filled
     * the cache with a thousand copies.
     */
    @Test
    void theRepricingSweepsLocksReuseTheirPlans() throws Throwable {
        awaitConsumed(publish(UUID.randomUUID().toString(), 1, "standard", 20, List.of("DE")));
        awaitConsumed(publish(UUID.randomUUID().toString(), 1, "standard", 20, List.of("DE")));
        assertThat(plansStoredByMoreRounds(() -> QueryPlans.cached(sessions), this::lockStateAndTheFirstBatch))
                .as("plans stored by 30 more batches").isLessThan(5);
    }

    private void lockStateAndTheFirstBatch() throws Throwable {
        // As text, in PostgreSQL's uuid order (unsigned bytes); Java's UUID order compares signed halves.
        List<String> batch = VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(session ->
                // The state is null while the service's own scheduled sweep holds it (skip locked); RepricingIT
                // proves the sweep itself.
                repricing.lockState(session).chain(() -> repricing.lockDramasAfter(session, null, 2))))
                .stream().map(drama -> drama.dramaId.toString()).toList();
        assertThat(batch).hasSize(2).isSorted();
    }

    private static final String PRICING = "/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing";
    private static final String OVERRIDE = """
            {"coinsPerEpisode":45,"freeEpisodes":8,"reason":"Launch promotion agreed with the studio"}""";

    @Test
    void theSameDramaPublishedTwiceIsPricedOnceWithOneEventPerRegion() {
        String dramaId = UUID.randomUUID().toString();
        DramaPublished published = Events.drama(dramaId).episodes(20, 90).licensedIn("DE", "GB", "JP").at(1);
        String eventId = UUID.randomUUID().toString();
        send(published, eventId, Map.of());
        send(published, eventId, Map.of());
        // Same key, same partition: once this later event is consumed, both copies before it have been handled.
        awaitConsumed(send(published));

        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid and active", dramaId)).isEqualTo(3);
        assertThat(pricingEvents(dramaId)).isEqualTo(3);
        assertThat(count("select count(*) from pricing_audit where drama_id = ?::uuid and action = 'TIER_PRICED'", dramaId))
                .isEqualTo(3);

        // Standard tier: 5 free of 20, 60 coins each, 10 % off the series: 15 × 60 = 900 → 810. The episode's local
        // value is 60 coins at the 0.99-USD pack's local price: €0.99 → €0.59, £0.89 → £0.53, ¥170 → ¥102.
        given().auth().oauth2(studioToken("aurora")).get("/api/v1/billing/dramas/{id}/prices", dramaId).then()
                .statusCode(200)
                .body("region", equalTo(List.of("DE", "GB", "JP")))
                .body("currency", equalTo(List.of("EUR", "GBP", "JPY")))
                .body("amountMinor", equalTo(List.of(59, 53, 102)))
                .body("minorUnits", equalTo(List.of(2, 2, 0)))
                .body("seriesCoins", equalTo(List.of(810, 810, 810)))
                .body("source", equalTo(List.of("TIER", "TIER", "TIER")))
                // Side by side in US cents at the shipped exchange rates: the same 60 coins are worth about the same
                // everywhere (≈ $0.6–0.7; purchasing-power factors make the rest of the difference).
                .body("usdEquivalentMinor", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThan(50), org.hamcrest.Matchers.lessThan(90))));

        List<ConsumerRecord<String, String>> records = pricingRecords(dramaId, 3);
        assertThat(records).hasSize(3);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).isEqualTo(dramaId);
            assertThat(header(record, "ce_type")).isEqualTo(CloudEventTypes.PRICING_SET);
            assertThat(header(record, "ce_source")).isEqualTo(CloudEventTypes.SOURCE_BILLING);
            assertThat(header(record, "ce_subject")).isEqualTo(dramaId);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(count("select count(*) from outbox_event where id = ?::uuid", header(record, "ce_id"))).isEqualTo(1);
            assertThat(record.value()).contains("\"dramaVersion\":1").contains("\"source\":\"TIER\"");
        }
    }

    /**
     * Events sent back to back arrive in one poll and are priced in one transaction: two versions of one drama in the
     * same poll leave the later one's prices; poison among them goes alone to the DLQ; the whole poll delivered again
     * (the same event ids, as after a rebalance before the commit) changes nothing and announces nothing more.
     */
    @Test
    void aPollIsPricedOnceEvenWhenDeliveredAgainWholeAndItsPoisonAloneIsDeadLettered() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        DramaPublished firstV1 = Events.drama(first).episodes(20, 90).licensedIn("DE", "FR").at(1);
        DramaPublished firstV2 = Events.drama(first).episodes(20, 90).licensedIn("DE", "JP", "GB").at(2);
        DramaPublished secondV1 = Events.drama(second).episodes(10, 90).licensedIn("FR").at(1);
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        send(firstV1, ids.get(0), Map.of());
        String poisonId = sendRaw(Topics.CATALOG_DRAMA, first, CloudEventTypes.DRAMA_PUBLISHED,
                CloudEventTypes.SOURCE_CATALOG, "{\"dramaId\":");
        send(secondV1, ids.get(1), Map.of());
        send(firstV2, ids.get(2), Map.of());
        ids.forEach(Stack::awaitConsumed);

        send(firstV1, ids.get(0), Map.of());
        send(secondV1, ids.get(1), Map.of());
        send(firstV2, ids.get(2), Map.of());
        awaitConsumed(send(Events.drama(first).episodes(20, 90).licensedIn("DE", "JP", "GB").at(2)));
        awaitConsumed(send(Events.drama(second).episodes(10, 90).licensedIn("FR").at(1)));

        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid and active", first)).isEqualTo(3);
        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid and active and region = 'FR'", first))
                .isZero();
        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid and active", second)).isEqualTo(1);
        // v1's two regions, then v2's three: nothing for the redelivered poll or the stale copies behind it.
        assertThat(pricingEvents(first)).isEqualTo(5);
        assertThat(pricingEvents(second)).isEqualTo(1);
        awaitRecords(Topics.CATALOG_DRAMA + ".dlq.billing",
                record -> poisonId.equals(header(record, "ce_id")), 1);
    }

    @Test
    void thePricingEventsContinueTheTraceOfTheCatalogEventThatCausedThem() {
        String dramaId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String catalogSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String eventId = send(Events.drama(dramaId).episodes(10, 90).licensedIn("DE", "JP").at(1),
                UUID.randomUUID().toString(), Map.of("traceparent", "00-" + traceId + "-" + catalogSpan + "-01"));
        awaitConsumed(eventId);

        // Each outbox row keeps the trace of the message that caused it, in a span of billing's own.
        assertThat(count("select count(*) from outbox_event where aggregateid = ? and tracingspancontext like ?",
                dramaId, "traceparent=00-" + traceId + "-%")).isEqualTo(2);
        assertThat(count("select count(*) from outbox_event where aggregateid = ? and tracingspancontext like ?",
                dramaId, "%-" + catalogSpan + "-%")).isZero();

        // The relay sends them later from its scheduler; the records still belong to the catalog event's trace.
        List<ConsumerRecord<String, String>> records = pricingRecords(dramaId, 2);
        assertThat(records).hasSize(2).allSatisfy(record -> assertThat(header(record, "traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotEndWith(catalogSpan + "-01"));
    }

    @Test
    void anOverrideIsAnnouncedAuditedAndSurvivesARepublication() {
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "standard", 20, List.of("DE", "FR")));
        assertThat(pricingEvents(dramaId)).isEqualTo(2);

        // 45 coins at €0.99 per 100 coins = €0.4455 → €0.45; 8 free of 20, 12 × 45 = 540, tier discount 10 % → 486.
        override("ops-eu", "DE", dramaId, OVERRIDE).statusCode(200)
                .body("source", equalTo("OVERRIDE"))
                .body("coinsPerEpisode", equalTo(45))
                .body("freeEpisodes", equalTo(8))
                .body("seriesCoins", equalTo(486))
                .body("episodePrice.amountMinor", equalTo(45))
                .body("episodePrice.currency", equalTo("EUR"))
                .body("override.reason", equalTo("Launch promotion agreed with the studio"))
                .body("override.setBy", equalTo("ops-eu"))
                .body("tierPrice.coinsPerEpisode", equalTo(60))
                .body("tierPrice.episodePrice.amountMinor", equalTo(59));
        assertThat(pricingEvents(dramaId)).isEqualTo(3);
        List<ConsumerRecord<String, String>> records = pricingRecords(dramaId, 3);
        ConsumerRecord<String, String> overridden = records.stream()
                .filter(record -> record.value().contains("\"source\":\"OVERRIDE\"")).findFirst().orElseThrow();
        assertThat(overridden.key()).isEqualTo(dramaId);
        assertThat(header(overridden, "ce_type")).isEqualTo(CloudEventTypes.PRICING_SET);
        assertThat(header(overridden, "ce_source")).isEqualTo("/billing");
        assertThat(header(overridden, "ce_subject")).isEqualTo(dramaId);
        assertThat(overridden.value()).contains("\"region\":\"DE\"").contains("\"coinsPerEpisode\":45")
                .contains("\"amountMinor\":45").contains("\"dramaVersion\":1");

        // The platform's audit trail got who, where, why and the override's values (nothing before it).
        ConsumerRecord<String, String> audited = Stack.awaitRecords(Topics.PLATFORM_AUDIT, dramaId, 1).get(0);
        assertThat(header(audited, "ce_type")).isEqualTo(CloudEventTypes.AUDIT_RECORDED);
        AuditRecorded overrideSet = Stack.payload(audited, AuditRecorded.class);
        assertThat(overrideSet.action()).isEqualTo("PRICE_OVERRIDE_SET");
        assertThat(overrideSet.actor()).isEqualTo("ops-eu");
        assertThat(overrideSet.actorRole()).isEqualTo("ops");
        assertThat(overrideSet.service()).isEqualTo("billing");
        assertThat(overrideSet.regions()).containsExactly("DE");
        assertThat(overrideSet.reason()).isEqualTo("Launch promotion agreed with the studio");
        assertThat(overrideSet.before()).isNull();
        assertThat(overrideSet.after()).containsEntry("coinsPerEpisode", 45).containsEntry("freeEpisodes", 8);

        // The same override again: nothing changes, nothing is announced or audited.
        long auditBefore = auditEntries(dramaId);
        override("ops-eu", "DE", dramaId, OVERRIDE).statusCode(200).body("source", equalTo("OVERRIDE"));
        assertThat(pricingEvents(dramaId)).isEqualTo(3);
        assertThat(auditEntries(dramaId)).isEqualTo(auditBefore);
        assertThat(count("select count(*) from outbox_event where aggregateid = ? and type = ?", dramaId,
                CloudEventTypes.AUDIT_RECORDED)).isEqualTo(1);

        // Version 2 has 25 episodes and adds Austria: DE keeps the override on the new version, the others get the tier.
        awaitConsumed(publish(dramaId, 2, "standard", 25, List.of("DE", "FR", "AT")));
        assertThat(pricingEvents(dramaId)).isEqualTo(6);
        Map<String, Map<String, Object>> prices = pricesByRegion(dramaId);
        assertThat(prices.get("DE")).containsEntry("dramaVersion", 2).containsEntry("source", "OVERRIDE")
                .containsEntry("coinsPerEpisode", 45).containsEntry("seriesCoins", 688); // 17 × 45 = 765 → 688
        assertThat(prices.get("FR")).containsEntry("dramaVersion", 2).containsEntry("source", "TIER")
                .containsEntry("coinsPerEpisode", 60);
        assertThat(prices.get("AT")).containsEntry("source", "TIER");

        // The history, newest first, says who decided what and why.
        given().auth().oauth2(userToken("ops-eu")).get(PRICING + "/audit", "DE", dramaId).then().statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.action", equalTo(List.of("OVERRIDE_REAPPLIED", "TIER_PRICED", "OVERRIDE_SET", "TIER_PRICED")))
                .body("items.dramaVersion", equalTo(List.of(2, 2, 1, 1)))
                .body("items[2].actor", equalTo("ops-eu"))
                .body("items[2].subject", matchesPattern("[0-9a-f-]{36}"))
                .body("items[2].reason", equalTo("Launch promotion agreed with the studio"))
                .body("items[2].at", notNullValue())
                .body("items[2].episodePrice.amountMinor", equalTo(45))
                .body("items[3].actor", equalTo("billing-service"));
        given().auth().oauth2(userToken("ops-eu")).queryParam("page", 1).queryParam("size", 3)
                .get(PRICING + "/audit", "DE", dramaId).then().statusCode(200)
                .body("items.action", equalTo(List.of("TIER_PRICED"))).body("page", equalTo(1)).body("size", equalTo(3));

        // Deleting the override returns DE to the tier price and announces it.
        given().auth().oauth2(userToken("admin")).queryParam("reason", "Promotion over")
                .delete(PRICING, "DE", dramaId).then().statusCode(200)
                .body("source", equalTo("TIER")).body("coinsPerEpisode", equalTo(60)).body("override", nullValue());
        assertThat(pricingEvents(dramaId)).isEqualTo(7);
        given().auth().oauth2(userToken("ops-eu")).get(PRICING + "/audit", "DE", dramaId).then().statusCode(200)
                .body("items[0].action", equalTo("OVERRIDE_REMOVED")).body("items[0].actor", equalTo("admin"))
                .body("items[0].reason", equalTo("Promotion over")).body("items[0].source", equalTo("TIER"));
        AuditRecorded removed = Stack.payload(Stack.awaitRecords(Topics.PLATFORM_AUDIT, dramaId, 2).get(1),
                AuditRecorded.class);
        assertThat(removed.action()).isEqualTo("PRICE_OVERRIDE_REMOVED");
        assertThat(removed.actor()).isEqualTo("admin");
        assertThat(removed.actorRole()).isEqualTo("admin");
        assertThat(removed.reason()).isEqualTo("Promotion over");
        assertThat(removed.before()).containsEntry("coinsPerEpisode", 45);
        assertThat(removed.after()).isNull();
        // Nothing left to delete: no change, no event.
        given().auth().oauth2(userToken("ops-eu")).delete(PRICING, "DE", dramaId).then().statusCode(200);
        assertThat(pricingEvents(dramaId)).isEqualTo(7);

        // Version 3 no longer has an override to keep.
        awaitConsumed(publish(dramaId, 3, "standard", 25, List.of("DE")));
        assertThat(pricesByRegion(dramaId).get("DE")).containsEntry("source", "TIER").containsEntry("dramaVersion", 3);
        assertThat(pricesByRegion(dramaId).get("FR")).containsEntry("active", false);
        given().auth().oauth2(userToken("ops-eu")).get(PRICING + "/audit", "FR", dramaId).then().statusCode(200)
                .body("items[0].action", equalTo("PRICES_STOPPED")).body("items[0].dramaVersion", equalTo(3));
    }

    /**
     * Catalog's bulk lane carries the same events, read by a consumer of its own: a publication there is priced, a
     * copy of it on the other lane changes nothing (one inbox for both), its withdrawal stops the prices, and poison
     * goes to the bulk lane's own dead-letter topic.
     */
    @Test
    void theBulkLaneIsPricedAndAnnouncedOnItsOwnLaneWithOneInboxAndItsOwnDeadLetters() {
        String dramaId = UUID.randomUUID().toString();
        DramaPublished published = Events.drama(dramaId).episodes(20, 90).licensedIn("DE", "JP").at(1);
        String eventId = Stack.sendOn(Topics.CATALOG_DRAMA_BULK, published, UUID.randomUUID().toString());
        awaitConsumed(eventId);
        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid and active", dramaId)).isEqualTo(2);
        assertThat(Stack.awaitRecords(Topics.BILLING_PRICING_BULK, KafkaProbe.keyed(dramaId), 2))
                .extracting(record -> record.value()).allMatch(value -> value.contains("\"cause\":\"PUBLICATION\""));

        // The copy, then a later event on the other lane: same key, same partition, so the copy was handled first.
        send(published, eventId, Map.of());
        awaitConsumed(send(Events.drama(dramaId).episodes(20, 90).licensedIn("DE", "JP").at(1)));
        assertThat(count("select count(*) from inbox_message where event_id = ?", eventId)).isEqualTo(1);
        assertThat(pricingEvents(dramaId)).isEqualTo(2);

        // Every later announcement about the drama takes its lane too: an ops override here.
        override("ops-eu", "DE", dramaId, OVERRIDE).statusCode(200).body("source", equalTo("OVERRIDE"));
        assertThat(Stack.awaitRecords(Topics.BILLING_PRICING_BULK, KafkaProbe.keyed(dramaId), 3))
                .extracting(record -> record.value()).anyMatch(value -> value.contains("\"cause\":\"OVERRIDE\""));
        assertThat(count("select count(*) from outbox_event where aggregateid = ? and type = ? and topic <> ?", dramaId,
                CloudEventTypes.PRICING_SET, Topics.BILLING_PRICING_BULK)).as("announced on the interactive lane").isZero();

        awaitConsumed(Stack.sendOn(Topics.CATALOG_DRAMA_BULK, Events.withdrawn(dramaId, 2, "aurora"),
                UUID.randomUUID().toString()));
        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid and active", dramaId)).isZero();

        String poisonId = sendRaw(Topics.CATALOG_DRAMA_BULK, dramaId, CloudEventTypes.DRAMA_PUBLISHED,
                CloudEventTypes.SOURCE_CATALOG, "{\"dramaId\":");
        awaitRecords(Topics.deadLetter(Topics.CATALOG_DRAMA_BULK, "billing"),
                record -> poisonId.equals(header(record, "ce_id")), 1);
    }

    @Test
    void aWithdrawnDramaStopsPricesAndRefusesOverrides() {
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "premium", 10, List.of("GB")));
        awaitConsumed(send(Events.withdrawn(dramaId, 2, "aurora")));
        assertThat(pricingEvents(dramaId)).isEqualTo(1);

        given().auth().oauth2(userToken("ops-eu")).get(PRICING, "GB", dramaId).then().statusCode(200)
                .body("active", equalTo(false)).body("withdrawn", equalTo(true));
        override("ops-eu", "GB", dramaId, OVERRIDE).statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
        given().auth().oauth2(userToken("ops-eu")).delete(PRICING, "GB", dramaId).then().statusCode(409);
        given().auth().oauth2(userToken("ops-eu")).get(PRICING + "/audit", "GB", dramaId).then().statusCode(200)
                .body("items[0].action", equalTo("PRICES_STOPPED")).body("items[0].dramaVersion", equalTo(2));

        // The publication arriving late (an older version) changes nothing and announces nothing.
        awaitConsumed(publish(dramaId, 1, "premium", 10, List.of("GB")));
        assertThat(pricingEvents(dramaId)).isEqualTo(1);
        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid and active", dramaId)).isZero();
        assertThat(count("select count(*) from price_override where drama_id = ?::uuid", dramaId)).isZero();

        // Published again (a newer version): priced again.
        awaitConsumed(publish(dramaId, 3, "premium", 10, List.of("GB")));
        assertThat(pricingEvents(dramaId)).isEqualTo(2);
        given().auth().oauth2(userToken("ops-eu")).get(PRICING, "GB", dramaId).then().statusCode(200)
                .body("active", equalTo(true)).body("withdrawn", equalTo(false)).body("dramaVersion", equalTo(3));
    }

    @Test
    void aWithdrawalThatOvertakesItsPublicationKeepsThePublicationOut() {
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(send(Events.withdrawn(dramaId, 2, "aurora")));
        awaitConsumed(publish(dramaId, 1, "standard", 10, List.of("DE")));

        assertThat(pricingEvents(dramaId)).isZero();
        assertThat(count("select count(*) from drama_price where drama_id = ?::uuid", dramaId)).isZero();
    }

    /**
     * The shared poison rule: a drama id that is not a UUID can never be applied, so it goes to the dead-letter
     * topic at once (as PoisonMessageException, the only failure that is not retried), and the next event is applied.
     */
    @Test
    void aMalformedDramaIdIsDeadLetteredAtOnceAndConsumptionGoesOn() {
        String poisonId = send(Events.drama("not-a-uuid").episodes(10, 90).licensedIn("DE").at(1));

        List<ConsumerRecord<String, String>> dead = Stack.awaitRecords("catalog.drama.v1.dlq.billing",
                record -> poisonId.equals(header(record, "ce_id")), 1, Duration.ofSeconds(60));
        assertThat(header(dead.get(0), "dead-letter-exception-class-name"))
                .isEqualTo("io.microdrama.support.inbox.PoisonMessageException");
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("dramaId is not a UUID");
        assertThat(count("select count(*) from inbox_message where event_id = ?", poisonId)).isZero();

        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "standard", 10, List.of("DE")));
        assertThat(pricingEvents(dramaId)).isEqualTo(1);
    }

    @Test
    void aDramaInAnUnknownTierOrCountryGetsNoPriceThere() {
        String gold = UUID.randomUUID().toString();
        awaitConsumed(publish(gold, 1, "gold", 10, List.of("DE")));
        assertThat(pricingEvents(gold)).isZero();

        // CN has no storefront: DE is priced, CN is not (catalog keeps it waiting for a price).
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "standard", 10, List.of("DE", "CN")));
        assertThat(pricingEvents(dramaId)).isEqualTo(1);
        assertThat(pricesByRegion(dramaId)).containsOnlyKeys("DE");
    }

    @Test
    void anInvalidOverrideIsRefusedFieldByFieldAndChangesNothing() {
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "standard", 12, List.of("DE")));
        long events = pricingEvents(dramaId);
        long audit = auditEntries(dramaId);

        override("ops-eu", "DE", dramaId, """
                {"coinsPerEpisode":0,"freeEpisodes":-1,"seriesCoins":1.5,"reason":"  "}""")
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("coinsPerEpisode", "freeEpisodes", "seriesCoins", "reason")));
        override("ops-eu", "DE", dramaId, """
                {"freeEpisodes":2,"reason":"missing coins"}""")
                .statusCode(422).body("errors.field", equalTo(List.of("coinsPerEpisode")));
        // 12 episodes, 2 free: one by one the 10 paid ones cost 10 × 50 = 500 coins; a series price above that is refused.
        override("ops-eu", "DE", dramaId, """
                {"coinsPerEpisode":50,"freeEpisodes":2,"seriesCoins":501,"reason":"too much"}""")
                .statusCode(422).body("errors.field", equalTo(List.of("seriesCoins")))
                .body("errors[0].message", matchesPattern(".*500.*"));
        given().auth().oauth2(userToken("ops-eu")).contentType(ContentType.JSON).body("{not json")
                .put(PRICING, "DE", dramaId).then().statusCode(400).contentType("application/problem+json");

        assertThat(pricingEvents(dramaId)).isEqualTo(events);
        assertThat(auditEntries(dramaId)).isEqualTo(audit);
        given().auth().oauth2(userToken("ops-eu")).get(PRICING, "DE", dramaId).then().statusCode(200)
                .body("source", equalTo("TIER")).body("override", nullValue());

        // A drama billing never priced, a country the drama is not licensed in, an id that is no id: 404.
        override("ops-eu", "DE", UUID.randomUUID().toString(), OVERRIDE).statusCode(404).contentType("application/problem+json");
        override("ops-eu", "FR", dramaId, OVERRIDE).statusCode(404);
        override("ops-eu", "DE", "not-a-uuid", OVERRIDE).statusCode(404);
        given().auth().oauth2(userToken("ops-eu")).get(PRICING + "/audit", "FR", dramaId).then().statusCode(404);
        given().auth().oauth2(userToken("ops-eu")).queryParam("size", 0).queryParam("page", "x")
                .get(PRICING + "/audit", "DE", dramaId).then().statusCode(422)
                .body("errors.field", equalTo(List.of("page", "size")));
    }

    private static ValidatableResponse override(String user, String region, String dramaId, String body) {
        return given().auth().oauth2(userToken(user)).contentType(ContentType.JSON).body(body)
                .put(PRICING, region, dramaId).then();
    }

    private static Map<String, Map<String, Object>> pricesByRegion(String dramaId) {
        List<Map<String, Object>> rows = given().auth().oauth2(userToken("admin"))
                .get("/api/v1/billing/dramas/{id}/prices", dramaId).then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().collect(Collectors.toMap(row -> (String) row.get("region"), row -> row));
    }
}
