package io.microdrama.gateway;

import io.microdrama.gateway.support.Fakes;
import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A push that does not get its turn in time is a 503 and never reaches the service, and the slot is not lost: the
 * next push goes through.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "gateway.studio-push.concurrency", value = "1"),
        @ResourceArg(name = "gateway.studio-push.max-wait", value = "300ms"),
        @ResourceArg(name = "gateway.resilience.timeout", value = "10s") })
class StudioPushWaitTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aPushThatWaitedTooLongIs503AndNeverForwarded() {
        String aurora = TestTokens.studio("aurora");
        String held = Fakes.key();
        CompletableFuture<HttpResponse<Void>> holding = push(aurora, "w1", "fake=delay:3000&count=" + held);
        await().atMost(Duration.ofSeconds(10)).until(() -> Fakes.calls(held) == 1);

        String lateKey = Fakes.key();
        Response late = given().auth().oauth2(TestTokens.studio("lotus")).contentType(ContentType.JSON).body("{}")
                .queryParam("count", lateKey).put("/api/v1/studio/dramas/w2");
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.header("Retry-After")).isEqualTo("1");
        assertThat(late.jsonPath().getString("detail")).contains("catalog-service is busy");

        assertThat(holding.join().statusCode()).isEqualTo(200);
        assertThat(Fakes.calls(lateKey)).as("the late push was never forwarded").isZero();
        assertThat(StudioPushTurnsTest.waitingAtCatalog()).isZero();
        assertThat(given().auth().oauth2(aurora).contentType(ContentType.JSON).body("{}").put("/api/v1/studio/dramas/w3")
                .statusCode()).as("the one slot is free again").isEqualTo(200);
    }

    private CompletableFuture<HttpResponse<Void>> push(String token, String name, String query) {
        return HTTP.sendAsync(HttpRequest.newBuilder(gateway.resolve("/api/v1/studio/dramas/" + name + "?" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
    }
}
