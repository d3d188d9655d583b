package io.microdrama.gateway;

import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Small buckets that refill slowly (one storefront token per 5 s, one studio push per 10 s), so no refill interferes. */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "gateway.rate-limit.storefront.burst", value = "3"),
        @ResourceArg(name = "gateway.rate-limit.storefront.per-second", value = "0.2"),
        @ResourceArg(name = "gateway.rate-limit.studio-push.burst", value = "2"),
        @ResourceArg(name = "gateway.rate-limit.studio-push.per-second", value = "0.1") })
class RateLimitTest {

    @Test
    void storefrontReadsBeyondTheBurstAre429WithRetryAfter() {
        int passed = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response response = given().get("/api/v1/storefront/DE/dramas");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                passed++;
            }
        }
        assertThat(passed).isEqualTo(3);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 5);
        assertThat(refused.jsonPath().getString("detail")).contains("Too many storefront requests");
    }

    @Test
    void studioPushesAreLimitedPerStudioAndReadsAreNot() {
        String aurora = TestTokens.studio("aurora");
        for (int i = 0; i < 2; i++) {
            assertThat(given().auth().oauth2(aurora).contentType(ContentType.JSON).body("{}").put("/api/v1/studio/dramas/x" + i)
                    .statusCode()).isEqualTo(200);
        }
        Response refused = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/x0/publish");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getString("detail")).contains("studio aurora");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 10);
        assertThat(given().auth().oauth2(aurora).get("/api/v1/studio/dramas/x0").statusCode()).as("reads are not pushes")
                .isEqualTo(200);
        assertThat(given().auth().oauth2(TestTokens.studio("lotus")).post("/api/v1/studio/dramas/y/publish").statusCode())
                .as("another studio has its own budget").isEqualTo(200);
    }
}
