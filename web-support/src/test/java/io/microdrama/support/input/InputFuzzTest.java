package io.microdrama.support.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.support.problem.Problem;
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
 * A seeded, bounded fuzz of every parser entry point the shared rules cover (path, query, JSON body, Content-Type),
 * against the probe resource: no answer is a 5xx, every 4xx is {@code application/problem+json} with its status in the
 * body. The seed is fixed so that a failure replays; {@code -Dfuzz.seed=} and {@code -Dfuzz.requests=} vary it.
 */
@QuarkusTest
class InputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1500);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] SEGMENTS = { "abc", "%00", "a%00b", "..", ".", "%2e%2e", "%2F", "a%5Cb", "x;y=1", ";",
            "%ED%A0%80", "%C3%28", "%zz", "%", "\u00e9", "%F0%9F%98%80", "x".repeat(300), "%20", "+", "~", "%25" };
    private static final String[] QUERY_VALUES = { "x", "%00", "%ED%A0%80", "%C3%28", "%zz", "", "a&b", "%2F..", "1;2" };
    private static final String[] VALUES = { "\"Fate\"", "12345", "true", "false", "null", "\"\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\udc00x\"", "\"+1000000000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"2026-01-01T00:00:00Z\"", "\"0000-01-01\"", "\"9999-12-31\"", "[]", "{}", "[[[]]]", "1e400", "-0",
            "\"" + "x".repeat(1000) + "\"", "{\"number\":\"one\"}", "[{\"number\":1,\"title\":\"\\u0000\"}]" };
    private static final String[] FIELDS = { "title", "exclusive", "episodes", "validFrom", "effectiveFrom", "titles",
            "free", "unknown", "title\\u0000", "" };
    private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8", null, "*/*",
            "application/json; charset=UTF-16", "application/json; charset=ebcdic", "text/plain", "application/xml",
            "application/json;;", "garbage", "application/*" };

    @Test
    void noInputMakesA5xxAndEveryRefusalIsAProblem() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        int accepted = 0;
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            HttpRequest request = switch (random.nextInt(3)) {
                case 0 -> pathRequest(random);
                case 1 -> queryRequest(random);
                default -> bodyRequest(random);
            };
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            refused += response.statusCode() >= 400 ? 1 : 0;
            accepted += response.statusCode() < 300 ? 1 : 0;
            String problem = check(response);
            if (problem != null) {
                failures.add("#" + i + " " + request.method() + " " + request.uri() + ": " + problem);
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
        // The mix reaches both sides of every rule: a fuzz that only ever got refused (or accepted) proves little.
        assertThat(refused).as("refused").isGreaterThan(REQUESTS / 3);
        assertThat(accepted).as("accepted").isGreaterThan(REQUESTS / 20);
    }

    private static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + response.body();
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(Problem.MEDIA_TYPE)) {
                return status + " without a problem (" + type + ")";
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                if (body.path("status").asInt() != status || body.path("detail").asText().isBlank()) {
                    return status + " with a problem body that does not say so: " + response.body();
                }
            } catch (Exception e) {
                return status + " with an unreadable problem body";
            }
        }
        return null;
    }

    private static URI uri(String rawPathAndQuery) {
        return URI.create("http://localhost:" + RestAssured.port + rawPathAndQuery);
    }

    private static HttpRequest pathRequest(Random random) {
        StringBuilder path = new StringBuilder(random.nextBoolean() ? "/probe/dramas" : "/probe");
        for (int n = random.nextInt(3); n >= 0; n--) {
            path.append('/').append(pick(random, SEGMENTS));
        }
        String method = pick(random, new String[] { "GET", "DELETE", "PUT", "POST", "PATCH" });
        return HttpRequest.newBuilder(safeUri(path.toString()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    private static HttpRequest queryRequest(Random random) {
        StringBuilder query = new StringBuilder("/probe/dramas/abc?");
        for (int n = random.nextInt(3); n >= 0; n--) {
            query.append(random.nextInt(4) == 0 ? pick(random, QUERY_VALUES) : "q").append('=')
                    .append(pick(random, QUERY_VALUES)).append('&');
        }
        return HttpRequest.newBuilder(safeUri(query.toString())).GET().build();
    }

    private static HttpRequest bodyRequest(Random random) {
        String body = switch (random.nextInt(6)) {
            case 0 -> "[".repeat(random.nextInt(5000)) + "]".repeat(random.nextInt(5000));
            case 1 -> mutate(random, object(random));
            case 2 -> pick(random, VALUES);
            default -> object(random);
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/probe/dramas"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(random, body)));
        String contentType = random.nextInt(3) == 0 ? pick(random, CONTENT_TYPES) : "application/json";
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private static String object(Random random) {
        StringBuilder object = new StringBuilder("{");
        for (int n = random.nextInt(5); n >= 0; n--) {
            object.append('"').append(pick(random, FIELDS)).append("\":").append(pick(random, VALUES)).append(',');
        }
        object.setLength(object.length() - 1);
        return object.append('}').toString();
    }

    /** Cut, duplicate or garble a part of the text. */
    private static String mutate(Random random, String text) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(at / 2);
            default -> text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(at);
        };
    }

    /** Mostly UTF-8; sometimes UTF-16 or a stray invalid byte. */
    private static byte[] bytes(Random random, String text) {
        return switch (random.nextInt(8)) {
            case 0 -> text.getBytes(StandardCharsets.UTF_16);
            case 1 -> {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                utf8[random.nextInt(utf8.length)] = (byte) (0x80 + random.nextInt(0x80));
                yield utf8;
            }
            default -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The JDK refuses some raw URIs outright (a lone '%'): those are sent with the '%' escaped instead. */
    private static URI safeUri(String rawPathAndQuery) {
        try {
            return uri(rawPathAndQuery);
        } catch (IllegalArgumentException e) {
            return uri(rawPathAndQuery.replace("%", "%25"));
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
