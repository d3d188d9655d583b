package io.microdrama.gateway;

import io.microdrama.gateway.support.Fakes;
import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The micro-cache of catalog's public storefront answers, against a fake catalog that counts the requests reaching it:
 * what may be kept is served from memory within the TTL (2 s here) and asked for again after it; what is personal or
 * not a 200 never is; each coding has its own variant; a kept ETag answers If-None-Match with 304; concurrent misses
 * make one request.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "gateway.storefront-cache.ttl", value = "2s") })
class StorefrontMicroCacheTest {

    /** Keeps the bytes as they came over the wire (no automatic decoding). */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    private static final String PAGE = "/api/v1/storefront/DE/dramas";

    @TestHTTPResource("/")
    URL gateway;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKeptAnswerIsServedFromMemoryWithoutAskingCatalogAgain() {
        String key = Fakes.key();
        Response first = given().config(RAW).header("Accept-Encoding", "identity").get(PAGE + "?cache=public&count=" + key);
        Response second = given().config(RAW).header("Accept-Encoding", "identity").get(PAGE + "?cache=public&count=" + key);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.asString()).isEqualTo(first.asString()).contains("\"upstream\":\"catalog-service\"");
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).isNotNull();
        assertThat(second.header("Cache-Control")).isEqualTo("public, max-age=30");
        assertThat(second.header("Vary")).isEqualTo("Accept-Encoding, Accept-Language");
        assertThat(second.header("Age")).isEqualTo("0");
        assertThat(Fakes.calls(key)).isEqualTo(1);
        assertThat(given().get("/q/metrics").asString()).contains("gateway_storefront_cache_requests_total{result=\"hit\"}")
                .contains("gateway_route_requests_seconds_count{method=\"GET\",route=\"/api/v1/storefront/{region}/dramas\",status=\"200\"}");
    }

    @Test
    void afterTheTtlCatalogIsAskedAgain() {
        String key = Fakes.key();
        String path = PAGE + "/d1?cache=public&count=" + key;
        assertThat(given().get(path).statusCode()).isEqualTo(200);
        assertThat(given().get(path).statusCode()).isEqualTo(200);
        assertThat(Fakes.calls(key)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(given().get(path).statusCode()).isEqualTo(200);
            assertThat(Fakes.calls(key)).isEqualTo(2);
        });
        assertThat(given().get(path).statusCode()).isEqualTo(200);
        assertThat(Fakes.calls(key)).as("the fresh answer is kept again").isEqualTo(2);
    }

    @Test
    void personalUnstorableOrFailedAnswersAreNeverKept() {
        for (String answer : List.of("cache=private", "cache=no-store", "cache=cookie", "cache=public&fake=status:404", "fake=none")) {
            String key = Fakes.key();
            String path = PAGE + "?" + answer + "&count=" + key;
            Response first = given().get(path);
            Response second = given().get(path);
            assertThat(second.statusCode()).as(answer).isEqualTo(first.statusCode());
            assertThat(second.header("Set-Cookie")).as(answer).isNull();
            assertThat(Fakes.calls(key)).as(answer + ": both requests reached catalog").isEqualTo(2);
        }
    }

    @Test
    void gzipAndPlainClientsGetTheirOwnVariants() throws Exception {
        String key = Fakes.key();
        String path = PAGE + "?cache=public&count=" + key;
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, Boolean> client : Map.of("gzip", true, "br, gzip;q=0.8", true, "identity", false,
                    "gzip;q=0", false).entrySet()) {
                String acceptEncoding = client.getKey();
                Response response = given().config(RAW).header("Accept-Encoding", acceptEncoding).get(path);
                assertThat(response.statusCode()).isEqualTo(200);
                if (client.getValue()) {
                    assertThat(response.header("Content-Encoding")).as(acceptEncoding).isEqualTo("gzip");
                    assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(response.asByteArray())).readAllBytes()))
                            .contains("\"accept-encoding\":\"gzip\"");
                } else {
                    assertThat(response.header("Content-Encoding")).as(acceptEncoding).isNull();
                    assertThat(response.asString()).contains("\"upstream\":\"catalog-service\"").doesNotContain("gzip");
                }
            }
        }
        assertThat(Fakes.calls(key)).as("one request per variant").isEqualTo(2);
    }

    @Test
    void anIfNoneMatchNamingTheKeptETagIs304FromMemory() {
        String key = Fakes.key();
        String path = PAGE + "?cache=public&count=" + key;
        String etag = given().header("Accept-Encoding", "identity").get(path).header("ETag");
        Response notModified = given().header("Accept-Encoding", "identity").header("If-None-Match", "\"other\", " + etag).get(path);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModified.header("Cache-Control")).isEqualTo("public, max-age=30");
        assertThat(notModified.header("Age")).isNotNull();
        assertThat(notModified.asByteArray()).isEmpty();
        Response changed = given().header("Accept-Encoding", "identity").header("If-None-Match", "\"other\"").get(path);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo(etag);
        assertThat(Fakes.calls(key)).isEqualTo(1);
    }

    @Test
    void concurrentMissesForOneKeyMakeOneRequestToCatalog() {
        String key = Fakes.key();
        List<HttpResponse<String>> answers = all(12, PAGE + "?fake=delay:400&cache=public&count=" + key);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(Fakes.calls(key)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsForAnAnswerThatMayNotBeKeptEachGetTheirOwn() {
        String key = Fakes.key();
        List<HttpResponse<String>> answers = all(6, PAGE + "?fake=delay:300&cache=private&count=" + key);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("private, max-age=30");
        });
        assertThat(Fakes.calls(key)).isEqualTo(6);
    }

    @Test
    void aPlainReadGetsNoContentEncodingHeader() throws Exception {
        for (String query : List.of("?cache=public&count=" + Fakes.key(), "")) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(gateway + PAGE.substring(1) + query)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(plain.statusCode()).isEqualTo(200);
                assertThat(plain.headers().firstValue("Content-Encoding")).as(query).isEmpty();
                assertThat(plain.body()).contains("\"upstream\":\"catalog-service\"");
            }
        }
    }

    private List<HttpResponse<String>> all(int count, String path) {
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, count)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path.substring(1)))
                        .header("Accept-Encoding", "identity").build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
