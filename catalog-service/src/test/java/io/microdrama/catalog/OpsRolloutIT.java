package io.microdrama.catalog;

import io.microdrama.testing.Stack;
import io.microdrama.testing.Events;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.testing.Stack.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Regional ops on real PostgreSQL, Kafka and Keycloak: rollout board, windows, age ratings, hold/release, scope. */
@QuarkusTest
class OpsRolloutIT {

    /** Publishes a drama of aurora and answers for every given region as localized and priced (version 1). */
    static String livePublished(String externalId, String licences, String extra, String... answeredRegions) {
        String aurora = registeredStudio("aurora");
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body(drama("Ops " + externalId, 2, licences, extra))
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");
        for (String region : answeredRegions) {
            send(Events.readiness(dramaId, 1, region, List.of(), List.of("en")));
            send(Events.price(dramaId, 1, region, "EUR", 59));
        }
        return dramaId;
    }

    @Test
    void boardShowsStatesAndBlockersOfTheRegion() {
        String dramaId = livePublished(uniqueId("board"), String.join(",",
                licence("GB", "2025-01-01T00:00:00Z", null), licence("DE", "2025-01-01T00:00:00Z", null),
                licence("FR", "2099-01-01T00:00:00Z", null), licence("IT", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"),
                licence("ES", "2025-01-01T00:00:00Z", null), licence("US", "2025-01-01T00:00:00Z", null)),
                "", "GB", "DE", "US");
        String ops = userToken("ops-eu");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ops)
                .queryParam("state", "LIVE").get("/api/v1/ops/regions/GB/rollout").then().statusCode(200)
                .body("items.dramaId", hasItem(dramaId)));
        // DE requires an FSK rating and the drama has none: localized and priced, still waiting.
        given().auth().oauth2(ops).queryParam("blocker", "AGE_RATING_MISSING").get("/api/v1/ops/regions/DE/rollout").then()
                .body("items.find { it.dramaId == '" + dramaId + "' }.rollout.blockers", equalTo(List.of("AGE_RATING_MISSING")));
        given().auth().oauth2(ops).queryParam("state", "LIVE").get("/api/v1/ops/regions/DE/rollout").then()
                .body("items.dramaId", not(hasItem(dramaId)));
        given().auth().oauth2(ops).queryParam("state", "SCHEDULED").get("/api/v1/ops/regions/FR/rollout").then()
                .body("items.dramaId", hasItem(dramaId));
        given().auth().oauth2(ops).queryParam("state", "EXPIRED").get("/api/v1/ops/regions/IT/rollout").then()
                .body("items.dramaId", hasItem(dramaId));
        // ES got no answer at all: both blockers, and filtering by either finds it.
        given().auth().oauth2(ops).queryParam("blocker", "NO_PRICE").get("/api/v1/ops/regions/ES/rollout").then()
                .body("items.find { it.dramaId == '" + dramaId + "' }.rollout.blockers",
                        equalTo(List.of("LOCALIZATION_PENDING", "NO_PRICE")));
        given().auth().oauth2(ops).queryParam("blocker", "LOCALIZATION_PENDING").get("/api/v1/ops/regions/ES/rollout").then()
                .body("items.dramaId", hasItem(dramaId));
        given().auth().oauth2(ops).queryParam("state", "sideways").get("/api/v1/ops/regions/ES/rollout").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(ops).queryParam("blocker", "DROP TABLE").get("/api/v1/ops/regions/ES/rollout").then().statusCode(400);

        // One drama across the caller's regions: ops-eu sees the European rows only, ops-na the US row only.
        given().auth().oauth2(ops).get("/api/v1/ops/dramas/{id}", dramaId).then().statusCode(200)
                .body("rollout.region", equalTo(List.of("DE", "ES", "FR", "GB", "IT")));
        given().auth().oauth2(userToken("ops-na")).get("/api/v1/ops/dramas/{id}", dramaId).then().statusCode(200)
                .body("rollout.region", equalTo(List.of("US")));
        given().auth().oauth2(userToken("ops-apac")).get("/api/v1/ops/dramas/{id}", dramaId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(userToken("admin")).get("/api/v1/ops/dramas/{id}", dramaId).then().statusCode(200)
                .body("rollout.size()", equalTo(6));
    }

    @Test
    void aRatedDramaIsNotBlockedByTheRatingRule() {
        String dramaId = livePublished(uniqueId("rated"), licence("DE", "2025-01-01T00:00:00Z", null),
                "\"ageRatings\":{\"DE\":\"fsk:12\"}", "DE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/storefront/DE/dramas/{id}", dramaId)
                .then().statusCode(200).body("drama.ageRating", equalTo("fsk:12")));
    }

    @Test
    void holdTakesADramaOffTheStorefrontUntilReleased() {
        String dramaId = livePublished(uniqueId("hold"), licence("GB", "2025-01-01T00:00:00Z", null), "", "GB");
        String ops = userToken("ops-eu");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/storefront/GB/dramas/{id}", dramaId)
                .then().statusCode(200));

        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"reason\":\"rights dispute\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(200)
                .body("state", equalTo("ON_HOLD")).body("hold.reason", equalTo("rights dispute"))
                .body("hold.by", equalTo("ops-eu"));
        given().get("/api/v1/storefront/GB/dramas/{id}", dramaId).then().statusCode(404);
        given().get("/api/v1/storefront/GB/dramas").then().body("items.id", not(hasItem(dramaId)));
        given().auth().oauth2(ops).queryParam("state", "ON_HOLD").get("/api/v1/ops/regions/GB/rollout").then()
                .body("items.dramaId", hasItem(dramaId));
        // Holding again with the same reason is a no-op; another region's ops may not touch GB.
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"reason\":\"rights dispute\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(200);
        given().auth().oauth2(userToken("ops-na")).post("/api/v1/ops/regions/GB/dramas/{id}/release", dramaId).then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("GB"));

        given().auth().oauth2(ops).post("/api/v1/ops/regions/GB/dramas/{id}/release", dramaId).then().statusCode(200)
                .body("state", equalTo("LIVE")).body("hold", nullValue());
        given().get("/api/v1/storefront/GB/dramas/{id}", dramaId).then().statusCode(200);
    }

    @Test
    void holdRequestsAreValidatedAndScoped() {
        String dramaId = livePublished(uniqueId("scope"), licence("GB", "2025-01-01T00:00:00Z", null), "");
        String ops = userToken("ops-eu");
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(422)
                .body("errors.field", equalTo(List.of("reason")));
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/v1/ops/regions/FR/dramas/{id}/hold", dramaId).then().statusCode(404);
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(registeredStudio("aurora")).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/v1/ops/regions/GB/dramas/{id}/hold", dramaId).then().statusCode(403);
        given().auth().oauth2(userToken("localizer-cjk")).get("/api/v1/ops/regions/GB/rollout").then().statusCode(403);
        given().get("/api/v1/ops/regions/GB/rollout").then().statusCode(401);
        given().auth().oauth2(ops).get("/api/v1/ops/regions/US/rollout").then().statusCode(403)
                .body("detail", containsString("US"));
        given().auth().oauth2(ops).get("/api/v1/ops/regions/EU/rollout").then().statusCode(404);
    }

    /** A window opening and a window closing change the state at that moment, with no event at all. */
    @Test
    void licenceWindowsOpenAndCloseWithoutAnyEvent() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String opens = now.plusSeconds(12).toString();
        String closes = now.plusSeconds(12).toString();
        String dramaId = livePublished(uniqueId("window"), licence("GB", opens, null) + ","
                + licence("IE", "2025-01-01T00:00:00Z", closes), "", "GB", "IE");
        String aurora = registeredStudio("aurora");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/storefront/IE/dramas/{id}", dramaId)
                .then().statusCode(200));
        given().get("/api/v1/storefront/GB/dramas/{id}", dramaId).then().statusCode(404);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/api/v1/storefront/GB/dramas/{id}", dramaId).then().statusCode(200);
            given().get("/api/v1/storefront/IE/dramas/{id}", dramaId).then().statusCode(404);
        });
        given().auth().oauth2(userToken("ops-eu")).get("/api/v1/ops/dramas/{id}", dramaId).then()
                .body("rollout.find { it.region == 'GB' }.state", equalTo("LIVE"))
                .body("rollout.find { it.region == 'IE' }.state", equalTo("EXPIRED"));
    }
}
