package io.microdrama.billing;

import io.microdrama.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/**
 * The impact preview of a reference-data change, on real Kafka, PostgreSQL and Keycloak: it predicts exactly the
 * prices that saving the change and the re-pricing sweep then produce, stores nothing (no version, no revision, no
 * event, no audit), is checked exactly like the save (same 422 and 409), and is for admins only. South Korea (KRW,
 * a 0-decimal currency) is used by no other test of this module, so the region holds only this test's dramas.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "billing"), @ResourceArg(name = "keycloak", value = "true") })
class ReferenceImpactIT {

    private static final String FX = "/api/v1/billing/reference/fx-rates/{asOf}";
    private static final String WON_TWICE_AS_DEAR = """
            {"rates":{"KRW":2900},"source":"impact preview test"}""";

    @Test
    void anFxChangesPreviewPredictsWhatTheSaveAndTheSweepProduceAndStoresNothing() {
        List<String> dramas = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        awaitConsumed(publish(dramas.get(0), 1, "standard", 20, List.of("KR", "DE")));
        awaitConsumed(publish(dramas.get(1), 1, "standard", 60, List.of("KR")));
        awaitConsumed(publish(dramas.get(2), 1, "standard", 30, List.of("KR")));
        admin().contentType(ContentType.JSON).body("""
                {"coinsPerEpisode":45,"freeEpisodes":8,"reason":"launch promotion"}""")
                .put("/api/v1/ops/regions/KR/dramas/{id}/pricing", dramas.get(2)).then().statusCode(200);
        String today = today().toString();
        long revision = referenceRevision();
        long events = dramas.stream().mapToLong(BillingFixtures::pricingEvents).sum();
        long audit = dramas.stream().mapToLong(BillingFixtures::auditEntries).sum();
        Map<String, Object> germanBefore = price(dramas.get(0), "DE");

        JsonPath impact = admin().contentType(ContentType.JSON).body(WON_TWICE_AS_DEAR).post(FX + "/impact", today)
                .then().statusCode(200).contentType("application/json")
                .body("effectiveFrom", equalTo(today))
                .body("alreadyStored", equalTo(false))
                .body("regions.region", equalTo(List.of("KR")))
                .body("regions[0].currency", equalTo("KRW"))
                .body("regions[0].activePrices", equalTo(3))
                .body("regions[0].changing", equalTo(3))
                .extract().jsonPath();

        // Nothing stored: no version, the same revision, no event and no audit entry for any of the dramas.
        assertThat(count("select count(*) from fx_rate_version where currency = 'KRW'")).isZero();
        assertThat(referenceRevision()).isEqualTo(revision);
        assertThat(dramas.stream().mapToLong(BillingFixtures::pricingEvents).sum()).isEqualTo(events);
        assertThat(dramas.stream().mapToLong(BillingFixtures::auditEntries).sum()).isEqualTo(audit);
        List<Map<String, Object>> examples = impact.getList("regions[0].examples");
        assertThat(examples).extracting(example -> example.get("dramaId")).containsExactlyInAnyOrderElementsOf(dramas);
        for (Map<String, Object> example : examples) {
            assertThat(money(example, "current")).isEqualTo(price(example.get("dramaId").toString(), "KR").get("amountMinor"));
        }

        admin().contentType(ContentType.JSON).body(WON_TWICE_AS_DEAR).put(FX, today).then().statusCode(201);
        awaitSweepOf(revision + 1, today);

        for (Map<String, Object> example : examples) {
            String dramaId = example.get("dramaId").toString();
            Map<String, Object> stored = price(dramaId, "KR");
            Map<?, ?> next = (Map<?, ?>) example.get("next");
            assertThat(stored.get("amountMinor")).as("KR price of %s", dramaId).isEqualTo(money(example, "next"));
            assertThat(money(example, "next")).isNotEqualTo(money(example, "current"));
            assertThat(stored.get("coinsPerEpisode")).isEqualTo(next.get("coinsPerEpisode"));
            assertThat(stored.get("freeEpisodes")).isEqualTo(next.get("freeEpisodes"));
            assertThat(stored.get("seriesCoins")).isEqualTo(((Number) next.get("seriesCoins")).intValue());
            assertThat(stored.get("source")).isEqualTo(next.get("source"));
        }
        assertThat(count("select count(*) from pricing_audit where region = 'KR' and action = 'REPRICED' and drama_id in "
                + "(?::uuid, ?::uuid, ?::uuid)", dramas.toArray())).isEqualTo(3);
        assertThat(price(dramas.get(0), "DE")).isEqualTo(germanBefore);

        // The same change again: already stored, nothing would move.
        admin().contentType(ContentType.JSON).body(WON_TWICE_AS_DEAR).post(FX + "/impact", today).then().statusCode(200)
                .body("alreadyStored", equalTo(true)).body("regions", equalTo(List.of()));
    }

    @Test
    void aBadBodyIsRefusedWithTheProblemsOfTheSaveAndChangesNothing() {
        String today = today().toString();
        long revision = referenceRevision();
        String bad = """
                {"rates":{"XYZ":1,"USD":2,"EUR":-1},"source":""}""";
        Object saveErrors = admin().contentType(ContentType.JSON).body(bad).put(FX, today).then().statusCode(422)
                .extract().jsonPath().get("errors");
        admin().contentType(ContentType.JSON).body(bad).post(FX + "/impact", today).then().statusCode(422)
                .contentType("application/problem+json").body("errors", equalTo(saveErrors));
        admin().contentType(ContentType.JSON).body(WON_TWICE_AS_DEAR).post(FX + "/impact", today().minusDays(1).toString())
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("asOf")));
        admin().contentType(ContentType.JSON).body("""
                {"freeEpisodes":-1,"coinsPerEpisode":0}""")
                .post("/api/v1/billing/reference/tiers/{tier}/versions/{date}/impact", "impact-tier", today).then()
                .statusCode(422).body("errors.field", equalTo(List.of("freeEpisodes", "coinsPerEpisode")));
        admin().contentType(ContentType.JSON).post(FX + "/impact", today).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(referenceRevision()).isEqualTo(revision);
    }

    @Test
    void aFactorOrATierIsPreviewedForTheRegionsItReaches() {
        String tomorrow = today().plusDays(1).toString();
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "standard", 40, List.of("CO")));
        admin().contentType(ContentType.JSON).body("""
                {"factor":0.5,"note":"impact preview test"}""")
                .post("/api/v1/billing/reference/ppp-factors/{region}/versions/{date}/impact", "CO", tomorrow).then()
                .statusCode(200).body("effectiveFrom", equalTo(tomorrow)).body("regions.region", equalTo(List.of("CO")))
                .body("regions[0].currency", equalTo("COP")).body("regions[0].examples.dramaId", equalTo(List.of(dramaId)));
        // A tier no drama uses reaches no price.
        admin().contentType(ContentType.JSON).body("""
                {"freeEpisodes":3,"coinsPerEpisode":12,"notes":"impact preview test"}""")
                .post("/api/v1/billing/reference/tiers/{tier}/versions/{date}/impact", "impact-tier", tomorrow).then()
                .statusCode(200).body("regions", equalTo(List.of()));
        assertThat(count("select count(*) from tier_version where tier = 'impact-tier'")).isZero();
        assertThat(count("select count(*) from ppp_factor_version where region = 'CO'")).isZero();
    }

    @Test
    void onlyAdminsPreview() {
        String today = today().toString();
        for (String user : List.of("ops-apac", "ops-eu", "localizer-cjk")) {
            given().auth().oauth2(userToken(user)).contentType(ContentType.JSON).body(WON_TWICE_AS_DEAR)
                    .post(FX + "/impact", today).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(WON_TWICE_AS_DEAR).post(FX + "/impact", today).then().statusCode(401);
    }

    private static Object money(Map<String, Object> example, String which) {
        return ((Map<?, ?>) ((Map<?, ?>) example.get(which)).get("episodePrice")).get("amountMinor");
    }

    private static Map<String, Object> price(String dramaId, String region) {
        List<Map<String, Object>> rows = given().auth().oauth2(userToken("admin")).get("/api/v1/billing/dramas/{id}/prices",
                dramaId).then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().filter(row -> region.equals(row.get("region"))).findFirst().orElseThrow();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(userToken("admin"));
    }
}
