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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.microdrama.billing.BillingFixtures.publish;
import static io.microdrama.billing.BillingFixtures.today;
import static io.microdrama.testing.Stack.awaitConsumed;
import static io.microdrama.testing.Stack.studioToken;
import static io.microdrama.testing.Stack.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * billing's HTTP surface on real PostgreSQL, Kafka and Keycloak tokens: public and ops offers, the admin
 * reference-data API with dated versions, and who may call what.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "billing"), @ResourceArg(name = "keycloak", value = "true") })
class BillingApiIT {

    private static final String REFERENCE = "/api/v1/billing/reference";

    // --- offers

    @Test
    void storefrontOffersArePublicCacheableAndInTheLocalCurrency() {
        // 0.99 USD in Germany: 0.99 × 0.86 × 1.19 = 1.013 → €0.99, net 0.99 / 1.19 → €0.83; the weekly VIP 19.99 USD → €20.49.
        String etag = given().get("/api/v1/storefront/DE/offers").then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("max-age=300"))
                .body("currency", equalTo("EUR")).body("minorUnits", equalTo(2))
                .body("taxInclusive", equalTo(true)).body("taxRate", equalTo(0.19f))
                .body("coinPacks", hasSize(6))
                .body("coinPacks[0].id", equalTo("coins_100")).body("coinPacks[0].totalCoins", equalTo(100))
                .body("coinPacks[0].price.display.amountMinor", equalTo(99))
                .body("coinPacks[0].price.display.formatted", equalTo("€0.99"))
                .body("coinPacks[0].price.net.amountMinor", equalTo(83))
                .body("coinPacks[5].totalCoins", equalTo(15000))
                .body("vipPasses[0].id", equalTo("vip_weekly")).body("vipPasses[0].durationDays", equalTo(7))
                .body("vipPasses[0].price.display.amountMinor", equalTo(2049))
                .body("vipPasses[0].price.net.amountMinor", equalTo(1722))
                .body("basis", nullValue()).body("coinPacks[0].usdAnchor", nullValue())
                .extract().header("ETag");

        given().header("If-None-Match", etag).get("/api/v1/storefront/DE/offers").then().statusCode(304)
                .header("ETag", equalTo(etag)).body(emptyOrNullString());
        given().header("If-None-Match", "W/" + etag).get("/api/v1/storefront/DE/offers").then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/storefront/DE/offers").then().statusCode(200);

        // Sales tax is added at checkout in the US: the display is the net, no separate net.
        given().get("/api/v1/storefront/US/offers").then().statusCode(200)
                .body("taxInclusive", equalTo(false)).body("coinPacks[0].price.display.amountMinor", equalTo(99))
                .body("coinPacks[0].price.net", nullValue());
        // Zero- and three-digit currencies.
        given().get("/api/v1/storefront/JP/offers").then().statusCode(200)
                .body("currency", equalTo("JPY")).body("minorUnits", equalTo(0))
                .body("coinPacks[0].price.display.amountMinor", equalTo(170))
                .body("coinPacks[0].price.display.minorUnits", equalTo(0));
        given().get("/api/v1/storefront/KW/offers").then().statusCode(200)
                .body("currency", equalTo("KWD")).body("minorUnits", equalTo(3))
                .body("coinPacks[0].price.display.amountMinor", equalTo(300))
                .body("coinPacks[0].price.display.formatted", equalTo("KWD 0.300"));
        // Greece has no storefront of its own: the EU default prices it.
        given().get("/api/v1/storefront/GR/offers").then().statusCode(200)
                .body("region", equalTo("GR")).body("storefront", equalTo("EU")).body("currency", equalTo("EUR"));
        given().get("/api/v1/storefront/XX/offers").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void opsSeeWhyAPriceWasChosenOnAnyDayIncludingBulgariasSwitchToTheEuro() {
        given().auth().oauth2(userToken("ops-eu")).queryParam("date", "2025-12-31").get("/api/v1/ops/regions/BG/offers")
                .then().statusCode(200)
                .body("currency", equalTo("BGN")).body("pricedOn", equalTo("2025-12-31"))
                .body("basis.storefrontEffectiveFrom", equalTo("2025-01-01"))
                .body("coinPacks[0].price.display.formatted", equalTo("BGN 1.99"));
        given().auth().oauth2(userToken("ops-eu")).queryParam("date", "2026-01-01").get("/api/v1/ops/regions/BG/offers")
                .then().statusCode(200)
                .body("currency", equalTo("EUR")).body("basis.storefrontEffectiveFrom", equalTo("2026-01-01"))
                .body("coinPacks[0].price.display.formatted", equalTo("€0.99"));
        // Today (after 2026-01-01) the public answer is in euros too.
        if (!today().isBefore(LocalDate.of(2026, 1, 1))) {
            given().get("/api/v1/storefront/BG/offers").then().statusCode(200).body("currency", equalTo("EUR"));
        }
        given().auth().oauth2(userToken("ops-eu")).queryParam("date", "2026-03-01").get("/api/v1/ops/regions/DE/offers")
                .then().statusCode(200)
                .body("basis.fxUnitsPerUsd", equalTo(0.86f)).body("basis.fxAsOf", equalTo("2025-10-01"))
                .body("basis.purchasingPowerFactor", equalTo(1))
                .body("basis.priceLadder", equalTo("DECIMAL_99"))
                .body("coinPacks[0].usdAnchor.amountMinor", equalTo(99))
                .body("coinPacks[0].target", equalTo(1.013166f));
        given().auth().oauth2(userToken("ops-eu")).queryParam("date", "yesterday").get("/api/v1/ops/regions/DE/offers")
                .then().statusCode(422).body("errors.field", equalTo(List.of("date")));
    }

    // --- reference data

    @Test
    void adminsReadTheShippedDataAndItsHistory() {
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/storefronts").then().statusCode(200)
                .body("date", equalTo(today().toString())).body("items.region", hasItem("DE"))
                .body("items.find { it.region == 'DE' }.origin", equalTo("reference/storefronts.csv"))
                .body("items.find { it.region == 'DE' }.taxRate", equalTo(0.19f));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/storefronts/BG").then().statusCode(200)
                .body("versions.currency", equalTo(List.of("BGN", "EUR")))
                .body("versions.effectiveFrom", equalTo(List.of("2025-01-01", "2026-01-01")));
        given().auth().oauth2(userToken("admin")).queryParam("date", "2025-06-01").get(REFERENCE + "/storefronts").then()
                .statusCode(200).body("items.find { it.region == 'BG' }.currency", equalTo("BGN"));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/fx-rates").then().statusCode(200)
                .body("items.find { it.currency == 'USD' }.unitsPerUsd", equalTo(1))
                .body("items.find { it.currency == 'KWD' }.unitsPerUsd", equalTo(0.307f));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/ppp-factors").then().statusCode(200)
                .body("items.find { it.region == 'IN' }.factor", equalTo(0.6f));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/tiers").then().statusCode(200)
                .body("items.tier", hasItem("standard"))
                .body("items.find { it.tier == 'standard' }.coinsPerEpisode", equalTo(60));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/storefronts/XX").then().statusCode(404);
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/tiers/gold").then().statusCode(404);
    }

    @Test
    void aStorefrontChangeIsANewDatedVersionThatPricesFromItsDate() {
        String today = today().toString();
        String tomorrow = today().plusDays(1).toString();
        String gst16 = storefront("NZD", "DECIMAL_99", "0.16", "GST raised (test)");

        admin().body(gst16).put(REFERENCE + "/storefronts/NZ/versions/{date}", today).then().statusCode(201)
                .body("effectiveFrom", equalTo(today)).body("taxRate", equalTo(0.16f))
                .body("origin", equalTo("admin-api")).body("recordedBy", equalTo("admin")).body("recordedAt", notNullValue());
        // The same version again is a no-op; a different one for the same date is refused: versions are never edited.
        admin().body(gst16).put(REFERENCE + "/storefronts/NZ/versions/{date}", today).then().statusCode(200);
        admin().body(storefront("NZD", "DECIMAL_99", "0.17", "GST raised (test)"))
                .put(REFERENCE + "/storefronts/NZ/versions/{date}", today).then().statusCode(409)
                .contentType("application/problem+json");
        admin().body(storefront("NZD", "DECIMAL_99", "0.18", "GST raised again (test)"))
                .put(REFERENCE + "/storefronts/NZ/versions/{date}", tomorrow).then().statusCode(201);

        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/storefronts/NZ").then().statusCode(200)
                .body("versions.taxRate", equalTo(List.of(0.15f, 0.16f, 0.18f)))
                .body("versions.origin", equalTo(List.of("reference/storefronts.csv", "admin-api", "admin-api")))
                .body("inForceToday", equalTo(today));
        given().get("/api/v1/storefront/NZ/offers").then().statusCode(200).body("taxRate", equalTo(0.16f));
        given().auth().oauth2(userToken("admin")).queryParam("date", tomorrow).get("/api/v1/ops/regions/NZ/offers")
                .then().statusCode(200).body("taxRate", equalTo(0.18f));
    }

    @Test
    void newFxRatesPriceDramasPublishedAfterThem() {
        String today = today().toString();
        admin().body("""
                {"rates":{"ZAR":20.0},"source":"test snapshot"}""").put(REFERENCE + "/fx-rates/{asOf}", today).then()
                .statusCode(201).body("items[0].currency", equalTo("ZAR")).body("items[0].recordedBy", equalTo("admin"));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/fx-rates/ZAR").then().statusCode(200)
                .body("versions.unitsPerUsd", equalTo(List.of(17.4f, 20.0f))).body("inForceToday", equalTo(today));
        given().auth().oauth2(userToken("admin")).get("/api/v1/ops/regions/ZA/offers").then().statusCode(200)
                .body("basis.fxUnitsPerUsd", equalTo(20.0f)).body("basis.fxAsOf", equalTo(today));

        // 0.99 USD × 20 × 1.15 = 22.77 → R23.00 for 100 coins, so 60 coins are worth R13.80 (with 17.40 it was R12.00).
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "standard", 10, List.of("ZA")));
        given().auth().oauth2(userToken("admin")).get("/api/v1/billing/dramas/{id}/prices", dramaId).then().statusCode(200)
                .body("[0].currency", equalTo("ZAR")).body("[0].amountMinor", equalTo(1380));
    }

    @Test
    void tiersAndPurchasingPowerFactorsGetVersionsToo() {
        String today = today().toString();
        admin().body("""
                {"freeEpisodes":2,"coinsPerEpisode":30,"seriesDiscountPercent":5,"notes":"weekend special (test)"}""")
                .put(REFERENCE + "/tiers/weekend/versions/{date}", today).then().statusCode(201)
                .body("tier", equalTo("weekend")).body("coinsPerEpisode", equalTo(30));
        String dramaId = UUID.randomUUID().toString();
        awaitConsumed(publish(dramaId, 1, "weekend", 12, List.of("US")));
        // 12 episodes, 2 free: 10 × 30 = 300 coins, 5 % off → 285; 30 coins at $0.99 per 100 → $0.297 → $0.30.
        given().auth().oauth2(userToken("admin")).get("/api/v1/billing/dramas/{id}/prices", dramaId).then().statusCode(200)
                .body("[0].pricingTier", equalTo("weekend")).body("[0].coinsPerEpisode", equalTo(30))
                .body("[0].seriesCoins", equalTo(285)).body("[0].amountMinor", equalTo(30));

        // A later version of the tier: the platform's audit trail names the version it supersedes and the new one.
        String later = today().plusDays(30).toString();
        admin().body("""
                {"freeEpisodes":2,"coinsPerEpisode":35,"seriesDiscountPercent":5,"notes":"weekend special, dearer (test)"}""")
                .put(REFERENCE + "/tiers/weekend/versions/{date}", later).then().statusCode(201);
        String change = "tier weekend from " + later;
        AuditRecorded recorded = Stack.payload(Stack.awaitRecords(Topics.PLATFORM_AUDIT, change, 1).get(0),
                AuditRecorded.class);
        assertThat(recorded.action()).isEqualTo("REFERENCE_DATA_CHANGED");
        assertThat(recorded.actor()).isEqualTo("admin");
        assertThat(recorded.entityType()).isEqualTo("tier");
        assertThat(String.valueOf(recorded.before().get(change))).contains("name=weekend").contains("coinsPerEpisode=30");
        assertThat(String.valueOf(recorded.after().get(change))).contains("coinsPerEpisode=35");

        admin().body("""
                {"factor":0.9,"note":"test"}""").put(REFERENCE + "/ppp-factors/MX/versions/{date}", today).then()
                .statusCode(201).body("factor", equalTo(0.9f));
        given().auth().oauth2(userToken("ops-na")).get("/api/v1/ops/regions/MX/offers").then().statusCode(200)
                .body("basis.purchasingPowerFactor", equalTo(0.9f));
        admin().body("""
                {"factor":0.9}""").put(REFERENCE + "/ppp-factors/XX/versions/{date}", today).then().statusCode(404);
    }

    @Test
    void aStorefrontInANewCurrencyBringsItsFirstFxRate() {
        String today = today().toString();
        String kenya = """
                {"name":"Kenya","currency":"KES","minorUnits":2,"priceLadder":"WHOLE_9","taxInclusiveDisplay":true,
                 "taxRate":0.16,"notes":"test","source":"test data"%s}""";
        admin().body(kenya.formatted("")).put(REFERENCE + "/storefronts/KE/versions/{date}", today).then().statusCode(422)
                .body("errors.field", equalTo(List.of("usdRate")));
        given().get("/api/v1/storefront/KE/offers").then().statusCode(404);

        admin().body(kenya.formatted(",\"usdRate\":129.5")).put(REFERENCE + "/storefronts/KE/versions/{date}", today)
                .then().statusCode(201).body("currency", equalTo("KES"));
        // 0.99 × 129.5 × 1.16 = 148.72 → KES 149 (ladder WHOLE_9: 109, 119 … 149 …).
        given().get("/api/v1/storefront/KE/offers").then().statusCode(200)
                .body("currency", equalTo("KES")).body("coinPacks[0].price.display.amountMinor", equalTo(14900));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/fx-rates/KES").then().statusCode(200)
                .body("versions.unitsPerUsd", equalTo(List.of(129.5f)));
    }

    @Test
    void invalidReferenceDataIsRefusedFieldByFieldAndNothingIsStored() {
        String today = today().toString();
        String yesterday = today().minusDays(1).toString();
        admin().body(storefront("EUR", "DECIMAL_99", "0.25", "test")).put(REFERENCE + "/storefronts/FI/versions/{date}", yesterday)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("effectiveFrom")));
        admin().body("""
                {"name":"","currency":"eur","minorUnits":5,"priceLadder":"NOPE","taxInclusiveDisplay":null,"taxRate":1.5}""")
                .put(REFERENCE + "/storefronts/FI/versions/{date}", today).then().statusCode(422)
                .body("errors.field", equalTo(List.of("name", "currency", "minorUnits", "taxInclusiveDisplay", "taxRate",
                        "source", "priceLadder")));
        // Digits and ladder must agree with how EUR is sold everywhere else.
        admin().body(storefront("EUR", "DECIMAL_ROUND", "0.25", "test").replace("\"minorUnits\":2", "\"minorUnits\":3"))
                .put(REFERENCE + "/storefronts/FI/versions/{date}", today).then().statusCode(422)
                .body("errors.field", equalTo(List.of("minorUnits", "priceLadder")));
        // A consistency rule only the whole data set can check: a 2-decimal ladder for a 0-digit currency.
        admin().body("""
                {"name":"Tanzania","currency":"TZS","minorUnits":0,"priceLadder":"DECIMAL_99","taxInclusiveDisplay":true,
                 "taxRate":0.18,"source":"test","usdRate":2500}""")
                .put(REFERENCE + "/storefronts/TZ/versions/{date}", today).then().statusCode(422)
                .body("errors.field", equalTo(List.of("version")));
        admin().body("""
                {"rates":{"XYZ":1,"USD":2,"EUR":-1,"GBP":0.123456789},"source":"bad"}""")
                .put(REFERENCE + "/fx-rates/{asOf}", today).then().statusCode(422)
                .body("errors.field", equalTo(List.of("rates.XYZ", "rates.USD", "rates.EUR", "rates.GBP")));
        admin().body("""
                {"rates":{}}""").put(REFERENCE + "/fx-rates/{asOf}", "2026-13-01").then().statusCode(422)
                .body("errors.field", equalTo(List.of("asOf")));
        admin().body("""
                {"freeEpisodes":-1,"coinsPerEpisode":0.5,"seriesDiscountPercent":100}""")
                .put(REFERENCE + "/tiers/Bad_Name/versions/{date}", today).then().statusCode(422)
                .body("errors.field", equalTo(List.of("tier")));
        admin().body("""
                {"freeEpisodes":-1,"coinsPerEpisode":0.5,"seriesDiscountPercent":100}""")
                .put(REFERENCE + "/tiers/standard/versions/{date}", today).then().statusCode(422)
                .body("errors.field", equalTo(List.of("freeEpisodes", "coinsPerEpisode", "seriesDiscountPercent")));

        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/storefronts/FI").then().body("versions", hasSize(1));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/fx-rates/EUR").then().body("versions", hasSize(1));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/fx-rates/GBP").then().body("versions", hasSize(1));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/tiers/standard").then().body("versions", hasSize(1));
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/storefronts/TZ").then().statusCode(404);
        given().auth().oauth2(userToken("admin")).get(REFERENCE + "/fx-rates/TZS").then().statusCode(404);
    }

    @Test
    void aVersionStoredThroughAnotherReplicaIsPickedUp() throws Exception {
        String date = today().plusDays(100).toString();
        // What another replica's admin request leaves behind: a committed row in the version table.
        try (var connection = Stack.database().open(); var insert = connection.prepareStatement("insert into ppp_factor_version "
                + "(region, effective_from, factor, note, recorded_by, recorded_at) values ('PE', ?::date, 0.95, 'replica test', "
                + "'admin-on-replica-2', now())")) {
            insert.setString(1, date);
            insert.executeUpdate();
        }
        await("refresh from the database").atMost(Stack.DEADLINE).untilAsserted(() ->
                given().auth().oauth2(userToken("admin")).get(REFERENCE + "/ppp-factors/PE").then().statusCode(200)
                        .body("versions.recordedBy", hasItem("admin-on-replica-2")));
        given().auth().oauth2(userToken("admin")).queryParam("date", date).get("/api/v1/ops/regions/PE/offers").then()
                .statusCode(200).body("basis.purchasingPowerFactor", equalTo(0.95f));
    }

    // --- who may call what

    private static final String DRAMA = UUID.randomUUID().toString();
    private static final String FAR_FUTURE = LocalDate.of(2099, 1, 1).toString();
    private static volatile boolean dramaPublished;

    /** Drama licensed in DE and GB, published by studio "aurora"; ops-eu covers both, ops-na neither. */
    private static synchronized void ensureDrama() {
        if (!dramaPublished) {
            awaitConsumed(publish(DRAMA, 1, "standard", 20, List.of("DE", "GB")));
            dramaPublished = true;
        }
    }

    static Stream<Arguments> matrix() {
        String pricing = "/api/v1/ops/regions/DE/dramas/" + DRAMA + "/pricing";
        String override = """
                {"coinsPerEpisode":50,"freeEpisodes":5,"reason":"matrix"}""";
        String factor = """
                {"factor":1.05,"note":"matrix"}""";
        //                                          anonymous aurora lotus localizer ops-eu ops-na admin
        List<Arguments> cells = new ArrayList<>();
        row(cells, "GET", "/api/v1/storefront/DE/offers", null, 200, 200, 200, 200, 200, 200, 200);
        row(cells, "GET", "/api/v1/ops/regions/DE/offers", null, 401, 403, 403, 403, 200, 403, 200);
        row(cells, "GET", "/api/v1/ops/regions/GR/offers", null, 401, 403, 403, 403, 200, 403, 200);
        row(cells, "GET", "/api/v1/ops/regions/US/offers", null, 401, 403, 403, 403, 403, 200, 200);
        row(cells, "GET", pricing, null, 401, 403, 403, 403, 200, 403, 200);
        row(cells, "PUT", pricing, override, 401, 403, 403, 403, 200, 403, 200);
        row(cells, "GET", pricing + "/audit", null, 401, 403, 403, 403, 200, 403, 200);
        row(cells, "DELETE", pricing, null, 401, 403, 403, 403, 200, 403, 200);
        row(cells, "GET", "/api/v1/billing/dramas/" + DRAMA + "/prices", null, 401, 200, 404, 403, 200, 404, 200);
        row(cells, "GET", REFERENCE + "/storefronts", null, 401, 403, 403, 403, 403, 403, 200);
        row(cells, "GET", REFERENCE + "/fx-rates/EUR", null, 401, 403, 403, 403, 403, 403, 200);
        row(cells, "PUT", REFERENCE + "/ppp-factors/DE/versions/" + FAR_FUTURE, factor, 401, 403, 403, 403, 403, 403, 201);
        return cells.stream();
    }

    private static final List<String> CALLERS = List.of("anonymous", "studio-aurora", "studio-lotus", "localizer-cjk",
            "ops-eu", "ops-na", "admin");

    /** A caller of the matrix: studios by client credentials, people by password. */
    private static String token(String caller) {
        return caller.startsWith("studio-") ? studioToken(caller.substring("studio-".length())) : userToken(caller);
    }

    private static void row(List<Arguments> cells, String method, String path, String body, int... statuses) {
        for (int i = 0; i < CALLERS.size(); i++) {
            cells.add(Arguments.of(CALLERS.get(i), method, path, body, statuses[i]));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} → {4}")
    @MethodSource("matrix")
    void authorizationMatrix(String caller, String method, String path, String body, int expected) {
        ensureDrama();
        RequestSpecification request = given();
        if (!caller.equals("anonymous")) {
            request = request.auth().oauth2(token(caller));
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        var response = request.request(method, path).then().statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(expected));
            if (!method.equals("GET")) {
                assertRefusedCallersLeftNoTrace();
            }
        }
    }

    /** Only the allowed callers of the matrix (ops-eu, admin) ever appear in the drama's audit or in stored versions. */
    private static void assertRefusedCallersLeftNoTrace() {
        List<String> actors = given().auth().oauth2(userToken("admin")).queryParam("size", 100)
                .get("/api/v1/ops/regions/DE/dramas/{id}/pricing/audit", DRAMA).then().statusCode(200)
                .extract().jsonPath().getList("items.actor", String.class);
        assertThat(actors).isSubsetOf("billing-service", "ops-eu", "admin");
        List<String> recorders = given().auth().oauth2(userToken("admin")).get(REFERENCE + "/ppp-factors/DE").then()
                .statusCode(200).extract().jsonPath().getList("versions.recordedBy", String.class);
        assertThat(recorders).isSubsetOf("admin");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(userToken("admin")).contentType(ContentType.JSON);
    }

    private static String storefront(String currency, String ladder, String taxRate, String notes) {
        return """
                {"name":"Test","currency":"%s","minorUnits":2,"priceLadder":"%s","taxInclusiveDisplay":true,
                 "taxRate":%s,"taxRateChecked":false,"notes":"%s","source":"test"}""".formatted(currency, ladder, taxRate, notes);
    }
}
