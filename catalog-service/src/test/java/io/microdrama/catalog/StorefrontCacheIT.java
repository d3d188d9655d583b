package io.microdrama.catalog;

import io.microdrama.catalog.application.StorefrontCache;
import io.microdrama.catalog.application.StorefrontService;
import io.microdrama.catalog.domain.StorefrontListing;
import io.microdrama.catalog.persistence.StorefrontChangeFeed;
import io.microdrama.catalog.persistence.StorefrontQueries;
import io.microdrama.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.catalog.OpsRolloutIT.livePublished;
import static io.microdrama.testing.Stack.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The cached storefront stays the database's: on real PostgreSQL and Kafka, a hold, a release, a price and a subtitle
 * change reach the cached page of the region, in this application and in a second replica. The second replica keeps
 * its entries for 10 minutes and writes nothing itself, so only the notifications can explain a change it sees (this
 * application keeps the production age of 1 s, which licence windows opening by the clock rely on).
 * <p>
 * The second replica is the part of another catalog process that this path consists of: its own {@link StorefrontCache}
 * and its own {@link StorefrontChangeFeed} LISTENing on a connection of its own, answering through the same queries
 * (stateless SQL on the shared pool). A second JVM would add nothing the notifications do not already cross.
 */
@QuarkusTest
class StorefrontCacheIT {

    private static final String REGION = "ZA"; // no other test licenses ZA, and it requires no age rating

    @Inject
    StorefrontQueries queries;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private StorefrontChangeFeed secondFeed;

    @AfterEach
    void closeSecondReplica() {
        if (secondFeed != null) {
            secondFeed.close();
        }
    }

    /** Another replica's storefront: its own cache and its own LISTEN connection, listening before it returns. */
    private StorefrontService secondReplica() throws Exception {
        secondFeed = new StorefrontChangeFeed(vertx, reactiveUrl, user, password);
        StorefrontService replica = new StorefrontService(queries, Clock.systemUTC(),
                new StorefrontCache(1_000_000, Duration.ofMinutes(10)), secondFeed);
        replica.listen().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return replica;
    }

    /** What the second replica serves on page 0, one line per drama: id, price, subtitle languages. */
    private static String firstPage(StorefrontService replica) {
        StorefrontCache.Rendered rendered = replica.page(new StorefrontService.PageKey(REGION, null, null, null, 0, 20),
                listings -> listings.stream().map(StorefrontCacheIT::line).collect(Collectors.joining("\n"))
                        .getBytes(StandardCharsets.UTF_8)).await().atMost(Duration.ofSeconds(30));
        return new String(rendered.body(), StandardCharsets.UTF_8);
    }

    private static String line(StorefrontListing listing) {
        return listing.id() + " " + listing.priceMinor() + " " + listing.subtitleLanguages();
    }

    @Test
    void changesReachTheCachedPageOnEveryReplica() throws Exception {
        String dramaId = livePublished(uniqueId("sf-cache"), licence(REGION, "2025-01-01T00:00:00Z", null), "", REGION);
        await().atMost(DEADLINE).untilAsserted(() -> given().get("/api/v1/storefront/{region}/dramas", REGION)
                .then().statusCode(200).body("items.id", hasItem(dramaId)));
        StorefrontService second = secondReplica();
        // A cold cache answers from the database.
        assertThat(firstPage(second)).contains(dramaId + " 59 [en]");
        String etag = given().get("/api/v1/storefront/{region}/dramas", REGION).then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/storefront/{region}/dramas", REGION).then().statusCode(304);

        String ops = userToken("admin");
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"reason\":\"rights dispute\"}")
                .post("/api/v1/ops/regions/{region}/dramas/{id}/hold", REGION, dramaId).then().statusCode(200);
        await().atMost(DEADLINE).untilAsserted(() -> given().get("/api/v1/storefront/{region}/dramas", REGION)
                .then().body("items.id", not(hasItem(dramaId))));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(firstPage(second)).doesNotContain(dramaId));
        given().header("If-None-Match", etag).get("/api/v1/storefront/{region}/dramas", REGION).then().statusCode(200);

        given().auth().oauth2(ops).post("/api/v1/ops/regions/{region}/dramas/{id}/release", REGION, dramaId)
                .then().statusCode(200);
        await().atMost(DEADLINE).untilAsserted(() -> given().get("/api/v1/storefront/{region}/dramas", REGION)
                .then().body("items.id", hasItem(dramaId)));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(firstPage(second)).contains(dramaId));

        // A new price and a new subtitle language, as billing and localization announce them.
        awaitConsumed(send(Events.price(dramaId, 1, REGION, "EUR", 99)));
        awaitConsumed(send(Events.readiness(dramaId, 1, REGION, List.of(), List.of("en", "ja"))));
        given().get("/api/v1/storefront/{region}/dramas/{id}", REGION, dramaId).then().statusCode(200)
                .body("drama.episodePrice.amountMinor", equalTo(99));
        await().atMost(DEADLINE).untilAsserted(() -> given().get("/api/v1/storefront/{region}/dramas", REGION).then()
                .body("items.find { it.id == '" + dramaId + "' }.subtitleLanguages", equalTo(List.of("en", "ja")))
                .body("items.find { it.id == '" + dramaId + "' }.episodePrice.amountMinor", equalTo(99)));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(firstPage(second)).contains(dramaId + " 99 [en, ja]"));
    }

    @Test
    void gzipIsNegotiated() {
        byte[] plain = given().header("Accept-Encoding", "identity").get("/api/v1/storefront/GB/dramas")
                .then().statusCode(200).header("Vary", "Accept-Language, Accept-Encoding").extract().asByteArray();
        // Rest Assured decodes the gzip once: the JSON underneath proves it was compressed exactly once.
        given().header("Accept-Encoding", "gzip").get("/api/v1/storefront/GB/dramas")
                .then().statusCode(200).header("Content-Encoding", "gzip").body("region", equalTo("GB"));
        assertThat(new String(plain, StandardCharsets.UTF_8)).startsWith("{\"region\":\"GB\"");
    }
}
