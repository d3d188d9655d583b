package io.microdrama.gateway;

import io.microdrama.gateway.api.StorefrontMicroCache;
import io.microdrama.gateway.support.Fakes;
import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The micro-cache's bounds (4 answers, 16 000 bytes, an answer of more than 2 000 bytes relayed but not kept) and the
 * rate limit in front of it (a burst of 5, one token per 10 s). Each test reads as its own client address
 * (X-Forwarded-For, trusted from 127.0.0.1 here), so each has its own bucket.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "gateway.storefront-cache.ttl", value = "30s"),
        @ResourceArg(name = "gateway.storefront-cache.max-entries", value = "4"),
        @ResourceArg(name = "gateway.storefront-cache.max-bytes", value = "16000"),
        @ResourceArg(name = "gateway.rate-limit.storefront.burst", value = "5"),
        @ResourceArg(name = "gateway.rate-limit.storefront.per-second", value = "0.1"),
        @ResourceArg(name = "quarkus.http.proxy.proxy-address-forwarding", value = "true"),
        @ResourceArg(name = "quarkus.http.proxy.allow-x-forwarded", value = "true") })
class StorefrontMicroCacheLimitsTest {

    private static final String PAGE = "/api/v1/storefront/GB/dramas";
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    StorefrontMicroCache cache;

    @Test
    void memoryStaysWithinTheEntryAndByteBounds() {
        for (int page = 0; page < 12; page++) {
            assertThat(given().header("X-Forwarded-For", "198.51.100." + page).get(PAGE + "?cache=public&page=" + page)
                    .statusCode()).isEqualTo(200);
            assertThat(cache.size()).isLessThanOrEqualTo(4);
            assertThat(cache.weight()).isLessThanOrEqualTo(16_000);
        }
        assertThat(cache.size()).isPositive();
        assertThat(given().get("/q/metrics").asString()).contains("gateway_storefront_cache_entries")
                .contains("gateway_storefront_cache_bytes");
    }

    @Test
    void anAnswerBiggerThanAnEighthOfTheBytesIsRelayedButNotKept() {
        String key = Fakes.key();
        for (int i = 0; i < 2; i++) {
            // Plain (no automatic Accept-Encoding): gzipped, the padding would shrink below the limit.
            Response big = given().config(RAW).header("X-Forwarded-For", "198.51.100.200").header("Accept-Encoding", "identity")
                    .get(PAGE + "?cache=public&pad=3000&count=" + key);
            assertThat(big.statusCode()).isEqualTo(200);
            assertThat(big.asByteArray().length).isGreaterThan(3000);
        }
        assertThat(Fakes.calls(key)).isEqualTo(2);
    }

    @Test
    void answersFromMemoryStillPassTheRateLimit() {
        String key = Fakes.key();
        String path = PAGE + "/d1?cache=public&count=" + key;
        for (int i = 0; i < 5; i++) {
            assertThat(given().header("X-Forwarded-For", "203.0.113.9").get(path).statusCode()).isEqualTo(200);
        }
        Response refused = given().header("X-Forwarded-For", "203.0.113.9").get(path);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Fakes.calls(key)).as("the four other reads came from memory").isEqualTo(1);
        assertThat(given().header("X-Forwarded-For", "203.0.113.10").get(path).statusCode())
                .as("another address has its own budget, and gets the kept answer").isEqualTo(200);
        assertThat(Fakes.calls(key)).isEqualTo(1);
    }
}
