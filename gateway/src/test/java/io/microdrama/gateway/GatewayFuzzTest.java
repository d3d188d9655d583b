package io.microdrama.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, bounded fuzz of the gateway's own entry points (route matching, path and query rules, scope checks,
 * limits) against fake services that answer 200 to whatever reaches them: the gateway never answers 5xx, and every 4xx
 * it makes is {@code application/problem+json}. The same against the real services is the services' concern (their
 * JSON rules live in web-support, fuzzed by its {@code InputFuzzTest}).
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true)
class GatewayFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 800);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] TEMPLATES = { "/api/v1/studio/dramas/{x}", "/api/v1/studio/dramas/{x}/publish",
            "/api/v1/studio/dramas/{x}/episodes/{x}/subtitles/{x}", "/api/v1/ops/regions/{x}/rollout",
            "/api/v1/ops/regions/{x}/dramas/{x}/hold", "/api/v1/ops/dramas/{x}", "/api/v1/admin/studios/{x}",
            "/api/v1/storefront/{x}/dramas", "/api/v1/storefront/{x}/dramas/{x}", "/api/v1/localization/tasks",
            "/api/v1/billing/reference/fx-rates/{x}", "/api/v1/{x}", "/{x}", "/api/v1/me" };
    private static final String[] SEGMENTS = { "midnight-ceo", "DE", "EU", "de", "1", "0b9c6a52-3f0e-4a4c-9a65-2b8e6f6a1d10",
            "%00", "a%00", "..", ".", "%2e%2e", "%2F", "a%5Cb", "x;y=1", "%ED%A0%80", "%C3%28", "%F0%9F%98%80",
            "x".repeat(400), "%20", "JP", "ja.vtt", "", "%25" };
    private static final String[] QUERY = { "page=0", "size=1000000", "size=-1", "state=LIVE", "region=%00", "language=%00",
            "q=%ED%A0%80", "page=x", "genre=romance", "%00=1", "a=%C3%28" };
    private static final String[] METHODS = { "GET", "GET", "PUT", "POST", "DELETE", "PATCH" };
    private static final String[] BODIES = { "{}", "{\"title\":\"\\u0000\"}", "[[[]]]", "{\"a\":1,\"a\":2}", "", "WEBVTT\n\n" };

    @Test
    void theGatewayNeverAnswers5xxAndEveryRefusalIsAProblem() throws Exception {
        Random random = new Random(SEED);
        String[] tokens = { null, TestTokens.everything(), TestTokens.studio("aurora"), TestTokens.ops("EU"),
                TestTokens.localizer("ja"), TestTokens.admin(), "not-a-token" };
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            String path = TEMPLATES[random.nextInt(TEMPLATES.length)];
            while (path.contains("{x}")) {
                path = path.replaceFirst("\\{x}", java.util.regex.Matcher.quoteReplacement(
                        SEGMENTS[random.nextInt(SEGMENTS.length)]));
            }
            if (random.nextBoolean()) {
                path += "?" + QUERY[random.nextInt(QUERY.length)];
            }
            String method = METHODS[random.nextInt(METHODS.length)];
            String body = BODIES[random.nextInt(BODIES.length)];
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            String token = tokens[random.nextInt(tokens.length)];
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (random.nextInt(4) > 0 && !method.equals("GET")) {
                request.header("Content-Type", random.nextBoolean() ? "application/json" : "text/vtt");
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            refused += response.statusCode() >= 400 ? 1 : 0;
            String problem = check(response);
            if (problem != null) {
                failures.add("#" + i + " " + method + " " + path + ": " + problem);
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(refused).as("refused").isGreaterThan(REQUESTS / 4);
    }

    private static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + response.body();
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return status + " without a problem (" + type + ")";
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                if (body.path("status").asInt() != status) {
                    return status + " with a problem body saying " + body.path("status");
                }
            } catch (Exception e) {
                return status + " with an unreadable problem body";
            }
        }
        return null;
    }

    private static URI uri(String rawPathAndQuery) {
        String base = "http://localhost:" + RestAssured.port;
        try {
            return URI.create(base + rawPathAndQuery);
        } catch (IllegalArgumentException e) {
            return URI.create(base + rawPathAndQuery.replace("%", "%25"));
        }
    }
}
