package io.microdrama.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.catalog.OpsRolloutIT.livePublished;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The public storefront on real PostgreSQL: filters, localized titles, detail, caching, paging. */
@QuarkusTest
class StorefrontIT {

    @Test
    void filtersLocalizesAndCaches() {
        // A Brazilian storefront of our own: no other test licenses BR, so every LIVE drama there is ours.
        String romanceExternalId = uniqueId("sf-romance");
        String romance = livePublished(romanceExternalId, licence("BR", "2025-01-01T00:00:00Z", null),
                "\"ageRatings\":{\"BR\":\"djctq:14\"},\"localizations\":{\"pt-BR\":{\"title\":\"A Noiva do Contrato\",\"synopsis\":\"Um casamento.\"}}",
                "BR");
        String thriller = livePublished(uniqueId("sf-thriller"), licence("BR", "2025-01-01T00:00:00Z", null),
                "\"ageRatings\":{\"BR\":\"djctq:16\"},\"genres\":[\"Thriller\"]", "BR");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/storefront/BR/dramas")
                .then().statusCode(200).body("items.id", hasItem(romance)).body("items.id", hasItem(thriller)));

        given().queryParam("genre", "thriller").get("/api/v1/storefront/BR/dramas").then()
                .body("items.id", hasItem(thriller)).body("items.id", not(hasItem(romance)))
                .body("items.genres", everyItem(hasItem("thriller")));
        // Audio is English and the readiness said subtitles are English: ask for English, find both; Japanese, none.
        given().queryParam("language", "en").get("/api/v1/storefront/BR/dramas").then()
                .body("items.id", hasItem(romance)).body("items.id", hasItem(thriller));
        given().queryParam("language", "ja").get("/api/v1/storefront/BR/dramas").then()
                .body("items.id", not(hasItem(romance)));

        given().header("Accept-Language", "pt-BR,pt;q=0.9").get("/api/v1/storefront/BR/dramas/{id}", romance).then()
                .statusCode(200).body("drama.title", equalTo("A Noiva do Contrato")).body("synopsis", equalTo("Um casamento."))
                .body("drama.episodePrice.currency", equalTo("EUR")).body("drama.ageRating", equalTo("djctq:14"))
                .body("episodes.free", equalTo(List.of(true, true))).body("episodes.number", equalTo(List.of(1, 2)));
        // No French text from the studio: the original title.
        given().header("Accept-Language", "fr").get("/api/v1/storefront/BR/dramas/{id}", romance).then()
                .body("drama.title", equalTo("Ops " + romanceExternalId));

        String etag = given().get("/api/v1/storefront/BR/dramas/{id}", thriller).then().statusCode(200)
                .header("Cache-Control", "public, max-age=1, stale-while-revalidate=5").header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/storefront/BR/dramas/{id}", thriller).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/api/v1/storefront/BR/dramas/{id}", thriller).then().statusCode(200);

        given().queryParam("size", 1).get("/api/v1/storefront/BR/dramas").then()
                .body("items.size()", equalTo(1)).body("hasMore", equalTo(true));
        given().queryParam("size", 1000).get("/api/v1/storefront/BR/dramas").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/storefront/XX/dramas").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/storefront/BR/dramas/not-a-uuid").then().statusCode(404);
    }
}
