package io.microdrama.billing;

import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.testing.Stack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.microdrama.billing.BillingFixtures.awaitSweepOf;
import static io.microdrama.billing.BillingFixtures.publish;
import static io.microdrama.billing.BillingFixtures.referenceRevision;
import static io.microdrama.billing.BillingFixtures.today;
import static io.microdrama.testing.Stack.awaitConsumed;
import static io.microdrama.testing.Stack.count;
import static io.microdrama.testing.Stack.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Prices that follow the market, on real Kafka, PostgreSQL and Keycloak: a reference-data change in force today
 * re-prices every affected active price (overrides stay in force) with {@code billing.pricing.set} cause REPRICE and
 * a REPRICED audit entry; a future-dated change is previewed per region, changes nothing before its day and is
 * applied on it (billing's clock moved a day by {@link TestClock}).
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "billing"), @ResourceArg(name = "keycloak", value = "true") })
class RepricingIT {

    private static final String REFERENCE = "/api/v1/billing/reference";
    private static final String PRICES = "/api/v1/billing/dramas/{id}/prices";

    @Test
    void anFxRateInForceTodayRepricesEveryAffectedPriceAndKeepsOverrides() {
        String tiered = UUID.randomUUID().toString();
        String overridden = UUID.randomUUID().toString();
        awaitConsumed(publish(tiered, 1, "standard", 20, List.of("TH", "DE")));
        awaitConsumed(publish(overridden, 1, "standard", 20, List.of("TH")));
        admin().contentType(ContentType.JSON).body("""
                {"coinsPerEpisode":45,"freeEpisodes":8,"reason":"Songkran promotion"}""")
                .put("/api/v1/ops/regions/TH/dramas/{id}/pricing", overridden).then().statusCode(200);
        Map<String, Object> thaiBefore = price(tiered, "TH");
        Map<String, Object> germanBefore = price(tiered, "DE");
        long overriddenCoins = ((Number) price(overridden, "TH").get("coinsPerEpisode")).longValue();

        // The baht at half its value: every price in THB must follow, nothing else.
        admin().contentType(ContentType.JSON).body("""
                {"rates":{"THB":65.2},"source":"repricing test"}""")
                .put(REFERENCE + "/fx-rates/{asOf}", today().toString()).then().statusCode(201);

        List<ConsumerRecord<String, String>> tieredRecords = repriced(tiered);
        List<ConsumerRecord<String, String>> overriddenRecords = repriced(overridden);
        assertThat(tieredRecords).hasSize(1).first().satisfies(record -> assertThat(record.value())
                .contains("\"region\":\"TH\"").contains("\"source\":\"TIER\"").contains("\"currency\":\"THB\""));
        assertThat(overriddenRecords).hasSize(1).first().satisfies(record -> assertThat(record.value())
                .contains("\"region\":\"TH\"").contains("\"source\":\"OVERRIDE\"").contains("\"coinsPerEpisode\":45"));

        Map<String, Object> thaiAfter = price(tiered, "TH");
        assertThat(((Number) thaiAfter.get("amountMinor")).longValue())
                .isGreaterThan(((Number) thaiBefore.get("amountMinor")).longValue());
        assertThat(thaiAfter.get("coinsPerEpisode")).isEqualTo(thaiBefore.get("coinsPerEpisode"));
        assertThat(price(tiered, "DE")).isEqualTo(germanBefore);
        assertThat(price(overridden, "TH").get("source")).isEqualTo("OVERRIDE");
        assertThat(((Number) price(overridden, "TH").get("coinsPerEpisode")).longValue()).isEqualTo(overriddenCoins);

        assertThat(count("select count(*) from pricing_audit where drama_id = ?::uuid and action = 'REPRICED' "
                + "and region = 'TH'", tiered)).isEqualTo(1);
        assertThat(count("select count(*) from pricing_audit where drama_id = ?::uuid and action = 'REPRICED'", overridden))
                .isEqualTo(1);
        admin().get("/api/v1/ops/regions/TH/dramas/{id}/pricing/audit", tiered).then().statusCode(200)
                .body("items[0].action", equalTo("REPRICED"));
        admin().get("/api/v1/billing/repricing").then().statusCode(200)
                .body("completed", equalTo(true)).body("pricingDate", equalTo(today().toString()));

        // The change itself is one record of the platform's audit trail: who, and the rate before and after.
        String change = "fx THB as of " + today();
        AuditRecorded recorded = Stack.payload(Stack.awaitRecords(Topics.PLATFORM_AUDIT, change, 1).get(0),
                AuditRecorded.class);
        assertThat(recorded.action()).isEqualTo("REFERENCE_DATA_CHANGED");
        assertThat(recorded.actor()).isEqualTo("admin");
        assertThat(recorded.actorRole()).isEqualTo("admin");
        assertThat(recorded.entityType()).isEqualTo("fx-rate");
        assertThat(String.valueOf(recorded.before().get(change))).contains("currency=THB").doesNotContain("65.2");
        assertThat(String.valueOf(recorded.after().get(change))).contains("unitsPerUsd=65.2");
    }

    @Test
    void aFutureRateIsPreviewedBeforeItsDayAndAppliedOnIt() {
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "standard", 20, List.of("MX")));
        Map<String, Object> before = price(dramaId, "MX");
        String tomorrow = today().plusDays(1).toString();

        admin().contentType(ContentType.JSON).body("""
                {"rates":{"MXN":36.8},"source":"repricing preview test"}""")
                .put(REFERENCE + "/fx-rates/{asOf}", tomorrow).then().statusCode(201);

        // The sweep for the new revision runs now, prices with today's data and so changes nothing.
        awaitSweepOf(referenceRevision(), today().toString());
        assertThat(count("select count(*) from pricing_audit where drama_id = ?::uuid and action = 'REPRICED'", dramaId))
                .isZero();
        assertThat(price(dramaId, "MX")).isEqualTo(before);

        // Ops of the region see, before the day, what it will do: the date and old and new price of each drama.
        List<Map<String, Object>> changes = admin().get("/api/v1/ops/regions/MX/repricing?size=100").then()
                .statusCode(200)
                .body("date", equalTo(tomorrow))
                .body("upcomingDates", hasItem(tomorrow))
                .extract().jsonPath().getList("changes");
        Map<String, Object> change = changes.stream().filter(c -> dramaId.equals(c.get("dramaId"))).findFirst().orElseThrow();
        assertThat(change.get("overridden")).isEqualTo(false);
        assertThat(((Map<?, ?>) ((Map<?, ?>) change.get("current")).get("episodePrice")).get("amountMinor"))
                .isEqualTo(before.get("amountMinor"));
        Object previewed = ((Map<?, ?>) ((Map<?, ?>) change.get("next")).get("episodePrice")).get("amountMinor");
        assertThat(((Number) previewed).longValue()).isGreaterThan(((Number) before.get("amountMinor")).longValue());

        // The day comes: the price becomes what the preview said, announced as a re-pricing.
        TestClock.advance(Duration.ofDays(1));
        assertThat(repriced(dramaId)).hasSize(1);
        assertThat(price(dramaId, "MX").get("amountMinor")).isEqualTo(previewed);
        admin().get("/api/v1/billing/repricing").then().body("pricingDate", equalTo(tomorrow));
    }

    @Test
    void opsSeeThePreviewOfTheirRegionsOnly() {
        given().auth().oauth2(userToken("ops-na")).get("/api/v1/ops/regions/MX/repricing").then().statusCode(200);
        given().auth().oauth2(userToken("ops-na")).get("/api/v1/ops/regions/DE/repricing").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(userToken("ops-eu")).get("/api/v1/billing/repricing").then().statusCode(403);
        given().get("/api/v1/ops/regions/DE/repricing").then().statusCode(401);
        given().auth().oauth2(userToken("ops-na")).get("/api/v1/ops/regions/MX/repricing?date=2026-02-30").then()
                .statusCode(422);
    }

    /** Every REPRICE record of the drama, once at least one arrived. */
    private static List<ConsumerRecord<String, String>> repriced(String dramaId) {
        Predicate<ConsumerRecord<String, String>> repriced = record -> dramaId.equals(record.key())
                && record.value().contains("\"cause\":\"REPRICE\"");
        Stack.awaitRecords(Topics.BILLING_PRICING, repriced, 1);
        return Stack.allRecords(Topics.BILLING_PRICING, repriced);
    }

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    private static Map<String, Object> price(String dramaId, String region) {
        List<Map<String, Object>> rows = admin().get(PRICES, dramaId).then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().filter(row -> region.equals(row.get("region"))).findFirst().orElseThrow();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(userToken("admin"));
    }
}
