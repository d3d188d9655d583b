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
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Studio pushes take turns at a service: one slot here, so the order in which the fake catalog is reached is the
 * order of the turns. Pushes are held at the fake with {@code fake=delay:MS}; the queue is watched through the
 * gateway's own gauge, never by sleeping.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "gateway.studio-push.concurrency", value = "1"),
        @ResourceArg(name = "gateway.studio-push.max-waiting-per-studio", value = "2"),
        @ResourceArg(name = "gateway.studio-push.max-wait", value = "30s"),
        @ResourceArg(name = "gateway.resilience.timeout", value = "10s") })
class StudioPushTurnsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void anotherStudiosPushGoesBeforeTheRestOfABulkImport() {
        String aurora = TestTokens.studio("aurora");
        Queue<String> answered = new ConcurrentLinkedQueue<>();
        String held = Fakes.key();
        CompletableFuture<Integer> a1 = push(aurora, "a1", "fake=delay:4000&count=" + held, answered);
        await().atMost(Duration.ofSeconds(10)).until(() -> Fakes.calls(held) == 1);
        // One at a time, so their order of arrival (and so aurora's own order) is known.
        CompletableFuture<Integer> a2 = push(aurora, "a2", "fake=delay:200", answered);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingAtCatalog() == 1);
        CompletableFuture<Integer> a3 = push(aurora, "a3", "fake=delay:200", answered);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingAtCatalog() == 2);

        String refusedKey = Fakes.key();
        Response refused = given().auth().oauth2(aurora).contentType(ContentType.JSON).body("{}")
                .queryParam("count", refusedKey).put("/api/v1/studio/dramas/a4");
        assertThat(refused.statusCode()).as("aurora has two pushes waiting already").isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.jsonPath().getString("detail")).contains("studio aurora", "catalog-service");

        CompletableFuture<Integer> l1 = push(TestTokens.studio("lotus"), "l1", "fake=delay:0", answered);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingAtCatalog() == 3);
        CompletableFuture.allOf(a1, a2, a3, l1).join();

        assertThat(List.of(a1.join(), a2.join(), a3.join(), l1.join())).containsOnly(200);
        assertThat(List.copyOf(answered)).as("lotus's one push is answered before aurora's third")
                .containsExactly("a1", "a2", "l1", "a3");
        assertThat(Fakes.calls(refusedKey)).as("a refused push never reaches the service").isZero();
        assertThat(waitingAtCatalog()).isZero();
    }

    @Test
    void readsAndOtherServicesDoNotWaitForCatalogsTurns() {
        String aurora = TestTokens.studio("aurora");
        String held = Fakes.key();
        Queue<String> answered = new ConcurrentLinkedQueue<>();
        CompletableFuture<Integer> holding = push(aurora, "r1", "fake=delay:3000&count=" + held, answered);
        await().atMost(Duration.ofSeconds(10)).until(() -> Fakes.calls(held) == 1);
        assertThat(given().auth().oauth2(aurora).get("/api/v1/studio/dramas/r1").statusCode()).isEqualTo(200);
        assertThat(given().auth().oauth2(aurora).contentType("text/vtt").body("WEBVTT\n")
                .put("/api/v1/studio/dramas/r1/episodes/1/subtitles/en").statusCode())
                .as("a subtitle upload goes to localization, which has turns of its own").isEqualTo(200);
        assertThat(answered).as("both answered while catalog's one slot was taken").isEmpty();
        assertThat(holding.join()).isEqualTo(200);
    }

    @Test
    void aPushWhoseCallerGaveUpLeavesTheQueue() {
        String aurora = TestTokens.studio("aurora");
        String held = Fakes.key();
        CompletableFuture<Integer> holding = push(aurora, "g1", "fake=delay:1500&count=" + held, new ConcurrentLinkedQueue<>());
        await().atMost(Duration.ofSeconds(10)).until(() -> Fakes.calls(held) == 1);
        String abandonedKey = Fakes.key();
        HttpRequest abandoned = HttpRequest.newBuilder(gateway.resolve("/api/v1/studio/dramas/g2?count=" + abandonedKey))
                .header("Authorization", "Bearer " + aurora).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> HTTP.send(abandoned, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(holding.join()).isEqualTo(200);
        assertThat(given().auth().oauth2(aurora).contentType(ContentType.JSON).body("{}").put("/api/v1/studio/dramas/g3")
                .statusCode()).as("the slot is free again").isEqualTo(200);
        assertThat(Fakes.calls(abandonedKey)).as("g2 (queued before g3) was dropped, not forwarded to nobody").isZero();
        assertThat(waitingAtCatalog()).isZero();
    }

    private CompletableFuture<Integer> push(String token, String name, String query, Queue<String> answered) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/studio/dramas/" + name + "?" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            answered.add(name);
            return response.statusCode();
        });
    }

    static int waitingAtCatalog() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith("gateway_studio_push_waiting{")
                        && line.contains("upstream=\"catalog-service\""))
                .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }
}
