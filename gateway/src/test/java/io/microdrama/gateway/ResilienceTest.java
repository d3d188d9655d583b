package io.microdrama.gateway;

import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.Fakes;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failing services behind the gateway (test config: 1 s timeout, 2 retries for a GET whose connection failed, breaker
 * opens at 75 % failures of 8 calls and stays open 30 s). Each test starts with closed breakers.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true)
class ResilienceTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        breakers.resetAll();
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains(detail);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aServiceTooSlowIs504AndIsNotAskedAgain() {
        String key = Fakes.key();
        assertProblem(given().get("/api/v1/storefront/DE/dramas?fake=delay:3000&count=" + key), 504,
                "catalog-service did not answer within 1000 ms");
        assertThat(Fakes.calls(key)).as("a struggling service gets no extra load").isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIs502() {
        assertProblem(given().auth().oauth2(TestTokens.studio("aurora")).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/studio/dramas/x?fake=close"), 502, "catalog-service closed the connection without a valid answer");
    }

    @Test
    void anHtmlErrorPageIs502AndNeverReachesTheCaller() {
        Response response = given().get("/api/v1/storefront/DE/offers?fake=html500");
        assertProblem(response, 502, "billing-service failed with status 500");
        assertThat(response.asString()).doesNotContain("Secret.java");
    }

    @Test
    void aServicesOwnProblemAnswerIsPassedOnWithItsRetryAfter() {
        String key = Fakes.key();
        Response response = given().get("/api/v1/storefront/DE/offers?fake=status:503&count=" + key);
        assertProblem(response, 503, "billing-service says no");
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(Fakes.calls(key)).as("its Retry-After is for the caller; the gateway does not repeat at once").isEqualTo(1);
    }

    @Test
    void aReadIsRetriedAChangeIsSentOnce() {
        String read = Fakes.key();
        Response retried = given().auth().oauth2(TestTokens.ops("US")).get("/api/v1/ops/regions/US/offers?fake=fail-first:2:" + read);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(Fakes.calls(read)).as("two failed attempts and the good one").isEqualTo(3);

        for (String method : new String[] { "PUT", "POST", "DELETE" }) {
            String change = Fakes.key();
            String path = switch (method) {
                case "PUT" -> "/api/v1/ops/regions/US/dramas/d1/pricing";
                case "POST" -> "/api/v1/ops/regions/US/dramas/d1/hold";
                default -> "/api/v1/ops/regions/US/dramas/d1/pricing";
            };
            Response once = given().auth().oauth2(TestTokens.ops("US")).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                    .request(method, path + "?fake=fail-first:1:" + change);
            assertThat(once.statusCode()).as(method).isEqualTo(502);
            assertThat(Fakes.calls(change)).as(method + " is not retried").isEqualTo(1);
        }
    }

    @Test
    void aServiceThatIsDownIs502AndTheOthersKeepServing() {
        Fakes.stop("billing-service");
        try {
            assertProblem(given().get("/api/v1/storefront/GB/offers"), 502, "billing-service is unreachable");
            assertThat(given().get("/api/v1/storefront/GB/dramas").statusCode()).isEqualTo(200);
        } finally {
            Fakes.start("billing-service");
        }
        assertThat(given().get("/api/v1/storefront/GB/offers").statusCode()).isEqualTo(200);
    }

    @Test
    void aFailingServiceOpensItsBreaker503WhileTheGatewayStaysReady() {
        String subtitle = "/api/v1/storefront/DE/dramas/d1/episodes/1/subtitles/de.vtt";
        int status = 0;
        for (int i = 0; i < 10 && status != 503; i++) {
            status = given().get(subtitle + "?fake=close").statusCode();
        }
        assertThat(status).as("the breaker opened").isEqualTo(503);
        // Open: refused at once, without calling the service, even for a request the service would answer.
        String key = Fakes.key();
        Response open = given().get(subtitle + "?fake=fail-first:0:" + key);
        assertProblem(open, 503, "localization-service has been failing");
        assertThat(open.header("Retry-After")).isEqualTo("30");
        assertThat(Fakes.calls(key)).isZero();
        // Only that service's breaker: catalog routes still work.
        assertThat(given().get("/api/v1/storefront/DE/dramas").statusCode()).isEqualTo(200);
        // The gateway stays ready; the upstream group reports the open breaker.
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
        Response upstreams = given().get("/q/health/group/upstreams");
        assertThat(upstreams.statusCode()).isEqualTo(503);
        assertThat(upstreams.asString()).contains("localization-service").contains("open");
    }

    @Test
    void theOpsViewJoinsThreeServicesWithinTheCallersRegions() {
        Response view = given().auth().oauth2(TestTokens.ops("US", "CA")).get("/api/v1/ops/dramas/agg-ok");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.jsonPath().getString("drama.id")).isEqualTo("agg-ok");
        assertThat(view.jsonPath().getList("drama.rollout.region")).containsExactly("US");
        assertThat(view.jsonPath().getString("localization.status")).isEqualTo("AVAILABLE");
        assertThat(view.jsonPath().getList("localization.regions.region")).containsExactly("US");
        assertThat(view.jsonPath().getList("pricing.regions.region")).containsExactly("US");
        assertThat(view.jsonPath().getList("unavailable")).isEmpty();

        Response admin = given().auth().oauth2(TestTokens.admin()).get("/api/v1/ops/dramas/agg-ok");
        assertThat(admin.jsonPath().getList("pricing.regions.region")).containsExactly("US", "DE", "JP");
    }

    @Test
    void aFailingPartIsReportedAsUnavailableAndTheRestStillComes() {
        Response billingDown = given().auth().oauth2(TestTokens.ops("US")).get("/api/v1/ops/dramas/agg-billing-down");
        assertThat(billingDown.statusCode()).isEqualTo(200);
        assertThat(billingDown.jsonPath().getString("pricing.status")).isEqualTo("UNAVAILABLE");
        assertThat(billingDown.jsonPath().getString("pricing.detail")).contains("billing-service");
        assertThat(billingDown.jsonPath().getString("localization.status")).isEqualTo("AVAILABLE");
        assertThat(billingDown.jsonPath().getList("unavailable")).containsExactly("pricing");

        Response slow = given().auth().oauth2(TestTokens.ops("US")).get("/api/v1/ops/dramas/agg-localization-slow");
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.jsonPath().getString("localization.detail")).contains("localization-service did not answer within");
        assertThat(slow.jsonPath().getList("unavailable")).containsExactly("localization");
    }

    @Test
    void withoutCatalogThereIsNoViewAndAnUnknownDramaIsCatalogs404() {
        assertProblem(given().auth().oauth2(TestTokens.ops("US")).get("/api/v1/ops/dramas/agg-catalog-down"), 502, "catalog-service");
        Response missing = given().auth().oauth2(TestTokens.ops("US")).get("/api/v1/ops/dramas/agg-missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }
}
